// Text edits applied to a file's text (`resty-lint --fix`): positions are SourceSpan lines and UTF-16 columns, lines
// end at LF, CRLF or CR as SourceText counts them, and a UTF-8 BOM is not part of the first line's columns.
import type { TextEdit } from '../core/findings.ts';

/** The text with the edits applied; an edit overlapping one already applied is skipped (counted in `skipped`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number; skipped: number } {
  const starts = lineStarts(text);
  const offset = (line: number, column: number) => (starts[line - 1] ?? text.length) + column - 1;
  const ranges = edits
    .map((e) => ({ from: offset(e.location.startLine, e.location.startColumn), to: offset(e.location.endLine, e.location.endColumn), text: e.text }))
    .sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  let limit = Infinity;
  let applied = 0;
  for (const r of ranges) {
    if (r.to > limit || r.from > r.to) continue;
    out = out.slice(0, r.from) + r.text + out.slice(r.to);
    limit = r.from;
    applied++;
  }
  return { text: out, applied, skipped: ranges.length - applied };
}

function lineStarts(text: string): number[] {
  const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
