// Machine-readable output with a stable shape: fixed key order, sorted findings, 2-space indent, trailing newline.
import { compareFindings, plainMessage, type Finding, type RelatedLocation, type SourceSpan } from '../core/findings.ts';

export interface JsonMeta {
  toolVersion: string;
  filesAnalyzed: number;
}

export interface JsonSpan {
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface JsonFinding {
  ruleId: string;
  level: Finding['level'];
  /** As reported: may hold SARIF-style `[label](id)` links to `related`. */
  message: string;
  /** The message with links resolved to `label (file:line:col)`. */
  plainMessage: string;
  location: JsonSpan;
  related: (JsonSpan & { id: number; message: string })[];
  fingerprint: string;
}

export interface JsonReport {
  tool: { name: 'resty-lint'; version: string };
  summary: { error: number; warning: number; note: number; filesAnalyzed: number };
  findings: JsonFinding[];
}

export function buildJsonReport(findings: Finding[], meta: JsonMeta): JsonReport {
  const sorted = [...findings].sort(compareFindings);
  const summary = { error: 0, warning: 0, note: 0, filesAnalyzed: meta.filesAnalyzed };
  for (const f of sorted) summary[f.level]++;
  return {
    tool: { name: 'resty-lint', version: meta.toolVersion },
    summary,
    findings: sorted.map((f) => ({
      ruleId: f.ruleId,
      level: f.level,
      message: f.message,
      plainMessage: plainMessage(f),
      location: span(f.location),
      related: [...f.related].sort((a, b) => a.id - b.id).map(related),
      fingerprint: f.fingerprint,
    })),
  };
}

export function formatJson(findings: Finding[], meta: JsonMeta): string {
  return `${JSON.stringify(buildJsonReport(findings, meta), null, 2)}\n`;
}

// Copied field by field so extra properties on the input never leak into the output and key order is fixed.
function span(s: SourceSpan): JsonSpan {
  return { file: s.file, startLine: s.startLine, startColumn: s.startColumn, endLine: s.endLine, endColumn: s.endColumn };
}

function related(r: RelatedLocation): JsonSpan & { id: number; message: string } {
  return { id: r.id, ...span(r), message: r.message };
}
