// What a rule reports, independent of any output format.
import { parseMessage } from './message-text.ts';

export type Level = 'error' | 'warning' | 'note';
export const LEVELS: readonly Level[] = ['error', 'warning', 'note'];

/** A span in a scanned file. Path is relative to the working directory, with `/` separators.
 *  Lines and columns are 1-based; columns count UTF-16 code units (as SARIF expects);
 *  endColumn is exclusive. */
export interface SourceSpan {
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedLocation extends SourceSpan {
  /** 1-based id, referenced from the finding's message as `[label](id)`. */
  id: number;
  message: string;
}

export interface Finding {
  ruleId: string;
  level: Level;
  /** Plain text in SARIF's message syntax (core/message-text.ts): may reference related locations as
   *  `[label](id)`; literal `[`, `]` and `\` are escaped with a backslash (`literal()`). */
  message: string;
  location: SourceSpan;
  related: RelatedLocation[];
  /** Stable across unrelated line shifts: derived from rule, file, the flagged line's content and its
   *  occurrence index among identical lines in that file. Filled in by the engine. */
  fingerprint: string;
  /** Present when an inline `resty-lint: ignore` comment (or a baseline) silences the finding: it is kept
   *  for SARIF (as `suppressions`) but not reported elsewhere nor counted for the exit code. */
  suppressions?: Array<{ kind: 'inSource' | 'external'; justification?: string }>;
}

/** `[label](1)` references resolved to `label (file:line:col)` and escapes undone, for plain-text outputs. */
export function plainMessage(f: Pick<Finding, 'message' | 'related'>): string {
  return plainText(f.message, f.related);
}

/** A message (or a part of one, see splitLead) as plain text, its links resolved against `related`. */
export function plainText(message: string, related: readonly RelatedLocation[]): string {
  return parseMessage(message)
    .map((p) => {
      if ('text' in p) return p.text;
      const r = related.find((x) => x.id === p.id);
      return r ? `${p.label} (${r.file}:${r.startLine}:${r.startColumn})` : p.label;
    })
    .join('');
}

export function compareSpan(a: SourceSpan, b: SourceSpan): number {
  return (
    cmp(a.file, b.file) ||
    a.startLine - b.startLine ||
    a.startColumn - b.startColumn ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order used by every formatter, so output is byte-identical run to run. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareSpan(a.location, b.location) || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
}

export function levelRank(level: Level | 'none'): number {
  return level === 'error' ? 3 : level === 'warning' ? 2 : level === 'note' ? 1 : 4;
}
