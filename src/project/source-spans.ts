// SARIF spans of places in a scanned file: its start, one offset, or a parser span.
import type { SourceSpan } from '../core/findings.ts';
import type { SourceText } from '../source/source-text.ts';

export function fileStart(file: string): SourceSpan {
  return { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
}

export function spanAt(text: SourceText, file: string, offset: number): SourceSpan {
  const p = text.position(offset);
  return { file, startLine: p.line, startColumn: p.column, endLine: p.line, endColumn: p.column + 1 };
}

export function locate(text: SourceText, file: string, [start, end]: [number, number]): SourceSpan {
  const a = text.position(start);
  const b = text.position(end);
  return { file, startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
}
