// One scanned file's bytes, seen the way the parsers need them (latin1: one char per byte, so
// parser offsets are byte offsets) and the way SARIF needs them (1-based lines, UTF-16 columns).

import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface Position {
  line: number; // 1-based
  column: number; // 1-based, UTF-16 code units
}

/** The non-ASCII lines of an ASCII file. */
const NO_LINES: ReadonlySet<number> = new Set();

export class SourceText {
  private loaded: Buffer | undefined;
  private bom: number | undefined;
  private lineStarts: Int32Array | undefined;
  /** Set by `release`: how to read the bytes again, their length, and the lines (0-based) with a non-ASCII byte. */
  private released: { reread: () => Buffer; length: number; nonAsciiLines: ReadonlySet<number> } | undefined;
  /** How to read bytes not given to the constructor. (The constructor's Buffer is not kept in a field of its
   *  own: it would outlive `release`.) */
  private read: (() => Buffer) | undefined;

  /** `bytes`, or how to read them when first needed (a file a warm run knows unchanged may never be read). */
  constructor(source: Buffer | (() => Buffer)) {
    if (Buffer.isBuffer(source)) this.loaded = source;
    else this.read = source;
  }

  private get bytes(): Buffer {
    if (this.loaded) return this.loaded;
    if (this.released) return reread(this, this.released.reread);
    return (this.loaded = this.read!());
  }

  /** Lets go of the bytes once the file's facts exist, keeping what positions need (line starts, and which lines
   *  are not ASCII, whose columns need the bytes): a run then holds no file's text while it links, which was a
   *  fifth of its memory. What needs the text later (a report's lines) reads the file again with `reread`; a
   *  file edited in between shows its new lines. */
  release(reread: () => Buffer): void {
    if (!this.loaded || this.released) return;
    this.starts();
    this.released = { reread, length: this.length, nonAsciiLines: this.nonAsciiLines() };
    this.loaded = undefined;
  }

  /** The lines (0-based) holding a byte outside ASCII. */
  private nonAsciiLines(): ReadonlySet<number> {
    const b = this.bytes;
    const base = this.bomLength;
    if (isAscii(b.subarray(base))) return NO_LINES;
    const starts = this.starts();
    const lines = new Set<number>();
    for (let line = 0; line < starts.length; line++) {
      const end = base + (line + 1 < starts.length ? starts[line + 1] : b.length - base);
      for (let i = base + starts[line]; i < end; i++) {
        if (b[i] >= 0x80) {
          lines.add(line);
          break;
        }
      }
    }
    return lines;
  }

  /** Byte length of a leading UTF-8 BOM (0 or 3); parser offsets are relative to the text after it. */
  get bomLength(): number {
    return (this.bom ??= this.bytes.subarray(0, 3).equals(BOM) ? 3 : 0);
  }

  /** The file's bytes as a latin1 string, BOM removed: the string every parser reads. Made on each call and
   *  never kept: a run holds every file's bytes (outside the JS heap), not a second copy of each as a string. */
  get latin1(): string {
    return this.bytes.toString('latin1', this.bomLength);
  }

  /** Length of `latin1`. */
  get length(): number {
    return this.released ? this.released.length : this.bytes.length - this.bomLength;
  }

  /** Whether the text contains `needle` (ASCII), without making the latin1 string. */
  includes(needle: string): boolean {
    return this.bytes.includes(needle, this.bomLength, 'latin1');
  }

  static fromString(text: string): SourceText {
    return new SourceText(Buffer.from(text, 'utf8'));
  }

  /** Offsets (into `latin1`) where each line starts; CRLF, CR and LF each end a line, as in Lua and nginx. */
  private starts(): Int32Array {
    if (this.lineStarts) return this.lineStarts;
    const b = this.bytes;
    const base = this.bomLength;
    if (b.indexOf(13, base) < 0) {
      // No CR (nearly every file): the LFs alone, found by the native search instead of a loop over every byte,
      // counted first so that the starts go straight into an array of their size (one allocation: most files
      // are small, and an array grown then cut to size cost more on them than the second search).
      let lines = 1;
      for (let i = b.indexOf(10, base); i >= 0; i = b.indexOf(10, i + 1)) lines++;
      const lf = new Int32Array(lines);
      for (let i = b.indexOf(10, base), n = 1; i >= 0; i = b.indexOf(10, i + 1)) lf[n++] = i + 1 - base;
      return (this.lineStarts = lf);
    }
    const starts = [0];
    for (let i = base; i < b.length; i++) {
      const c = b[i];
      if (c === 10) starts.push(i + 1 - base);
      else if (c === 13) {
        if (b[i + 1] === 10) i++;
        starts.push(i + 1 - base);
      }
    }
    // Kept for as long as the text: 4 bytes a line instead of an array's 8.
    return (this.lineStarts = Int32Array.from(starts));
  }

  get lineCount(): number {
    return this.starts().length;
  }

  /** Line (1-based) containing a parser offset. */
  lineOf(offset: number): number {
    const starts = this.starts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** SARIF position of a parser offset: the column counts the UTF-16 units of the line's bytes before it. */
  position(offset: number): Position {
    const line = this.lineOf(offset);
    const start = this.starts()[line - 1];
    if (this.released && !this.released.nonAsciiLines.has(line - 1)) {
      // An ASCII line: one UTF-16 unit per byte, no need for the bytes.
      return { line, column: Math.max(start, Math.min(offset, this.length)) - start + 1 };
    }
    const from = this.bomLength + start;
    const to = this.bomLength + Math.max(start, Math.min(offset, this.length));
    return { line, column: utf16Length(this.bytes.subarray(from, to)) + 1 };
  }

  /** A digest of everything `position` depends on: the bytes with every ASCII byte but CR and LF made the same.
   *  Line ends stay, and so does the UTF-16 length of every stretch of a line (an ASCII byte is one unit and
   *  never part of a multi-byte sequence), so two texts with the same digest put every offset at the same
   *  line and column. A run's cached results stay valid across an edit that keeps it (src/project/result-key.ts). */
  positionDigest(): string {
    const b = this.bytes;
    const skeleton = Buffer.allocUnsafe(b.length);
    for (let i = 0; i < b.length; i++) {
      const c = b[i];
      skeleton[i] = c >= 0x80 || c === 10 || c === 13 ? c : 0x78;
    }
    return createHash('sha256').update(skeleton).digest('hex');
  }

  /** The text of a 1-based line as UTF-8, without its line terminator (for reports and fingerprints). */
  lineText(line: number): string {
    const starts = this.starts();
    if (line < 1 || line > starts.length) return '';
    const start = starts[line - 1];
    let end = line < starts.length ? starts[line] : this.length;
    const b = this.bytes;
    while (end > start && (b[this.bomLength + end - 1] === 10 || b[this.bomLength + end - 1] === 13)) end--;
    return this.bytes.toString('utf8', this.bomLength + start, this.bomLength + end);
  }
}

/** The last released text read again, and its bytes: a report asks for several lines of one file in a row, and
 *  holding one file's bytes bounds what re-reading brings back. */
let lastReread: { text: SourceText; bytes: Buffer } | undefined;

function reread(text: SourceText, read: () => Buffer): Buffer {
  if (lastReread?.text !== text) lastReread = { text, bytes: read() };
  return lastReread.bytes;
}

/** UTF-16 length of UTF-8 bytes as a decoder sees them (each invalid byte becomes one U+FFFD). */
function utf16Length(bytes: Buffer): number {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  return ascii ? bytes.length : bytes.toString('utf8').length;
}

/** Decodes a latin1 "byte string" (as luaparse returns string values) into the UTF-8 text it holds. */
export function bytesToUtf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}
