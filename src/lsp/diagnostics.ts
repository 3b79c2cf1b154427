// Findings as LSP diagnostics: code = rule id linking its documentation, the other side of a conflict as related
// information, severity from the level (the config's level included). Suppressed findings never get here.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { plainMessage, type Finding, type Level, type SourceSpan } from '../core/findings.ts';
import { RULE_DOCS_URI } from '../core/version.ts';

const SEVERITY: Record<Level, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  note: DiagnosticSeverity.Information,
};

/** A SourceSpan (1-based lines, 1-based UTF-16 columns, end exclusive) as an LSP range (0-based, UTF-16). */
export function rangeOf(span: SourceSpan): Range {
  return { start: { line: span.startLine - 1, character: span.startColumn - 1 }, end: { line: span.endLine - 1, character: span.endColumn - 1 } };
}

export function fileUriOf(root: string, file: string): string {
  return pathToFileURL(path.resolve(root, file)).href;
}

export function ruleDocsUri(ruleId: string): string {
  return `${RULE_DOCS_URI}/${ruleId}.md`;
}

export function diagnosticOf(root: string, f: Finding): Diagnostic {
  return {
    range: rangeOf(f.location),
    severity: SEVERITY[f.level],
    code: f.ruleId,
    codeDescription: { href: ruleDocsUri(f.ruleId) },
    source: 'resty-lint',
    message: plainMessage(f),
    relatedInformation: [...f.related].sort((a, b) => a.id - b.id).map((r) => ({ location: { uri: fileUriOf(root, r.file), range: rangeOf(r) }, message: r.message })),
    data: { fingerprint: f.fingerprint },
  };
}

/** Diagnostics by file URI. */
export function diagnosticsByUri(root: string, findings: readonly Finding[]): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const f of findings) {
    const uri = fileUriOf(root, f.location.file);
    const list = out.get(uri);
    if (list) list.push(diagnosticOf(root, f));
    else out.set(uri, [diagnosticOf(root, f)]);
  }
  return out;
}
