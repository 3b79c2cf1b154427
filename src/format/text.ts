// Human output for terminals: findings grouped by file, each with its source line and a caret under the span.
import { compareFindings, levelRank, plainText, type Finding, type Level } from '../core/findings.ts';
import { splitLead } from '../core/message-text.ts';
import { controlPicture, sanitize } from './control-chars.ts';

export type FailOn = Level | 'none';

export interface TextOptions {
  color: boolean;
  /** The flagged line's text, or undefined when the file can't be shown (the source block is then left out). */
  lineText: (file: string, line: number) => string | undefined;
  failOn: FailOn;
  filesAnalyzed: number;
  /** Columns to wrap a finding's explanation at: the terminal's width when known (default DEFAULT_WIDTH). */
  width?: number;
}

/** Wrap width when the terminal's is unknown (a pipe, a CI log). */
export const DEFAULT_WIDTH = 100;
/** The explanation keeps at least this many columns, however narrow the terminal. */
const MIN_TEXT_WIDTH = 40;

const TAB_WIDTH = 4;
/** Lines wider than this are shown as a window around the span (minified Lua has 100 KB lines). */
const MAX_SOURCE_WIDTH = 160;
const WINDOW_LEAD = 40;

const ESC = '\x1b[';
const STYLE = { red: '31', yellow: '33', cyan: '36', green: '32', gray: '90', bold: '1' } as const;
type Style = keyof typeof STYLE;
const LEVEL_STYLE: Record<Level, Style> = { error: 'red', warning: 'yellow', note: 'cyan' };

/** True when a finding at or above `failOn` exists, i.e. the run should exit 1. */
export function failsRun(findings: readonly Pick<Finding, 'level'>[], failOn: FailOn): boolean {
  const threshold = levelRank(failOn);
  return findings.some((f) => levelRank(f.level) >= threshold);
}

export function formatText(findings: Finding[], opts: TextOptions): string {
  const paint = (style: Style, s: string) => (opts.color && s !== '' ? `${ESC}${STYLE[style]}m${s}${ESC}0m` : s);
  const sorted = [...findings].sort(compareFindings);
  const out: string[] = [];

  let i = 0;
  while (i < sorted.length) {
    const file = sorted[i].location.file;
    let j = i;
    while (j < sorted.length && sorted[j].location.file === file) j++;
    const group = sorted.slice(i, j);
    i = j;

    out.push(paint('bold', sanitize(file)));
    const locWidth = Math.max(...group.map((f) => `${f.location.startLine}:${f.location.startColumn}`.length));
    for (const f of group) {
      const loc = `${f.location.startLine}:${f.location.startColumn}`.padEnd(locWidth);
      const level = paint(LEVEL_STYLE[f.level], f.level.padEnd(7));
      // The lead sentence (what is wrong) on the finding's line; the evidence and the fix wrapped under it.
      const indent = ' '.repeat(2 + locWidth + 2 + 7 + 2);
      const { lead, rest } = splitLead(f.message);
      out.push(`  ${paint('gray', loc)}  ${level}  ${sanitize(plainText(lead, f.related))}  ${paint('gray', f.ruleId)}`);
      const textWidth = Math.max(MIN_TEXT_WIDTH, (opts.width ?? DEFAULT_WIDTH) - indent.length);
      for (const line of wrap(sanitize(plainText(rest, f.related)), textWidth)) out.push(`${indent}${line}`);

      const text = opts.lineText(f.location.file, f.location.startLine);
      if (text !== undefined) {
        const { line, caretAt, caretWidth } = renderSource(text, f);
        out.push(`    ${line}`.trimEnd());
        const caret = caretWidth > 1 ? `^${'~'.repeat(caretWidth - 1)}` : '^';
        out.push(`    ${' '.repeat(caretAt)}${paint(LEVEL_STYLE[f.level], caret)}`);
      }
      for (const r of [...f.related].sort((a, b) => a.id - b.id)) {
        out.push(`      ↳ ${paint('gray', `${sanitize(r.file)}:${r.startLine}:${r.startColumn}:`)} ${sanitize(r.message)}`);
      }
    }
    out.push('');
  }

  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of sorted) counts[f.level]++;
  const files = plural(opts.filesAnalyzed, 'file');
  if (sorted.length === 0) {
    out.push(paint('green', `✔ No problems found in ${files} analyzed`));
  } else {
    const worst: Level = counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'note';
    const summary =
      `✖ ${plural(sorted.length, 'problem')} ` +
      `(${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')}) ` +
      `in ${files} analyzed`;
    out.push(paint(LEVEL_STYLE[worst], paint('bold', summary)));
  }
  out.push(paint('gray', exitLine(sorted, opts.failOn)));
  return `${out.join('\n')}\n`;
}

function exitLine(findings: Finding[], failOn: FailOn): string {
  if (failOn === 'none') return 'exit 0: --fail-on none never fails on findings';
  return failsRun(findings, failOn)
    ? `exit 1: findings at or above --fail-on ${failOn}`
    : `exit 0: nothing at or above --fail-on ${failOn}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Lines of at most `width` characters, broken at spaces (a longer word gets a line of its own); the text's
 *  own line breaks are kept. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    if (line !== '') lines.push(line);
  }
  return lines;
}

interface Cell {
  text: string;
  /** UTF-16 offset of the cell's first unit in the line. */
  offset: number;
  /** Display column where the cell starts. */
  col: number;
  width: number;
}

/** The source line as displayed (tabs expanded to stops of TAB_WIDTH, controls made visible, windowed when
 *  very long) and where the caret goes, in display columns. */
function renderSource(text: string, f: Finding): { line: string; caretAt: number; caretWidth: number } {
  const cells: Cell[] = [];
  let col = 0;
  let offset = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let shown: string;
    let width: number;
    if (cp === 9) {
      width = TAB_WIDTH - (col % TAB_WIDTH);
      shown = ' '.repeat(width);
    } else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
      shown = controlPicture(ch);
      width = 1;
    } else {
      shown = ch;
      width = charWidth(cp);
    }
    cells.push({ text: shown, offset, col, width });
    col += width;
    offset += ch.length;
  }
  const lineWidth = col;
  const textLength = offset;

  // Display column of a 1-based UTF-16 column; past the end of the line, one column per unit.
  const displayCol = (column: number): number => {
    const u = column - 1;
    if (u >= textLength) return lineWidth + (u - textLength);
    let lo = 0;
    let hi = cells.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cells[mid].offset <= u) lo = mid;
      else hi = mid - 1;
    }
    return cells[lo].col; // a column inside a surrogate pair points at the pair
  };

  const { startColumn, endColumn, startLine, endLine } = f.location;
  let start = displayCol(Math.max(1, startColumn));
  let end = startLine === endLine ? displayCol(Math.max(endColumn, startColumn)) : start + 1;
  if (lineWidth <= MAX_SOURCE_WIDTH) {
    return { line: cells.map((c) => c.text).join(''), caretAt: start, caretWidth: Math.max(1, end - start) };
  }

  const from = Math.max(0, Math.min(start - WINDOW_LEAD, lineWidth - MAX_SOURCE_WIDTH));
  const to = from + MAX_SOURCE_WIDTH;
  const shown = cells.filter((c) => c.col >= from && c.col + c.width <= to);
  const head = from > 0 ? '…' : '';
  const tail = to < lineWidth ? '…' : '';
  const shift = (shown.length > 0 ? shown[0].col : from) - head.length;
  start = start - shift;
  end = Math.min(end, to) - shift;
  return { line: head + shown.map((c) => c.text).join('') + tail, caretAt: start, caretWidth: Math.max(1, end - start) };
}

/** Terminal cell width of a code point: 0 for combining marks and zero-width characters, 2 for East Asian
 *  wide/fullwidth characters and emoji, 1 otherwise. An approximation of wcwidth, good enough for carets. */
function charWidth(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (/[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufeff]/u.test(ch)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f000 && /\p{Extended_Pictographic}/u.test(ch)) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}
