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
  /** A mechanical fix the rule offers (src/fix/ checks it against the source and makes the edits). */
  fix?: CallRewrite;
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

// Mechanical fixes. A rule never sees source text, so it states a fix as a call to rewrite (CallRewrite); src/fix/
// checks it against the text and turns it into text edits (Fix), which SARIF `fixes`, `--fix` and the editor's
// quick fixes all apply the same way.

/** Rewrite one method call, its receiver kept: `red:close()` -> `red:set_keepalive(60000, 50)`. */
export interface CallRewrite {
  /** What the fix does, one sentence (the editor's quick-fix title). */
  description: string;
  /** The call expression as the finding locates it. */
  call: SourceSpan;
  /** The method the call must name (`close`): the text is checked, and a call written otherwise gets no fix. */
  method: string;
  /** The method to call instead; the same one when absent. */
  newMethod?: string;
  /** The new argument list: a string is written as is, null keeps the argument at that index. */
  args: Array<string | null>;
}

/** Replace the text of `location` (SourceSpan columns: 1-based UTF-16, end exclusive) with `text`. */
export interface TextEdit {
  location: SourceSpan;
  text: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
}
