// A run lets go of each Lua file's bytes once its facts exist (SourceText.release, src/project/lua-file-units.ts):
// positions must come out the same without them, a report's lines are read again from the file, and a text
// that is not on disk (an editor's unsaved buffer) or that suppressions will read keeps its bytes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceText } from '../src/source/source-text.ts';
import { analyze } from './support/analyze.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TEXTS: Record<string, Buffer> = {
  'ASCII, LF': Buffer.from('local a = 1\nlocal b = 2\n\nreturn a + b'),
  'CRLF and a lone CR': Buffer.from('local a = 1\r\nlocal b = 2\rreturn a\r\n'),
  'BOM, non-ASCII on some lines': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('-- héllo ✓\nlocal x = 1\nlocal s = "😀" .. x\nreturn s\n')]),
  'invalid UTF-8 bytes': Buffer.from([0x61, 0xff, 0x0a, 0x62, 0x63, 0x0a, 0xf0, 0x9f, 0x98, 0x80, 0x64]),
  'many short lines': Buffer.from('x\n\n'.repeat(200)),
  'empty': Buffer.alloc(0),
};

/** Line and UTF-16 column of a byte offset (after a BOM), counted the slow way: CRLF, CR and LF end a line. */
function naivePosition(bytes: Buffer, offset: number): { line: number; column: number } {
  const base = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
  const end = base + Math.min(offset, bytes.length - base);
  let line = 1;
  let lineStart = base;
  for (let i = base; i < end; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10) i++;
    if (bytes[i] === 10 || bytes[i] === 13) {
      if (i >= end) break;
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: bytes.toString('utf8', lineStart, end).length + 1 };
}

describe('SourceText.release', () => {
  for (const [name, bytes] of Object.entries(TEXTS)) {
    it(`gives every offset the same position without the bytes: ${name}`, () => {
      const kept = new SourceText(bytes);
      const released = new SourceText(Buffer.from(bytes));
      let reads = 0;
      released.release(() => (reads++, bytes));
      for (let offset = 0; offset <= kept.length + 1; offset++) {
        expect(kept.position(offset), `offset ${offset}`).toEqual(naivePosition(bytes, offset));
        expect(released.position(offset), `offset ${offset}`).toEqual(kept.position(offset));
      }
      expect(released.length).toBe(kept.length);
      expect(released.lineCount).toBe(kept.lineCount);
      // Only a non-ASCII line needs the bytes for its columns.
      if (!/[^\x00-\x7f]/.test(bytes.toString('latin1'))) expect(reads).toBe(0);
      for (let line = 1; line <= kept.lineCount; line++) expect(released.lineText(line)).toBe(kept.lineText(line));
    });
  }

  it('reads the file once for several lines in a row', () => {
    const bytes = TEXTS['ASCII, LF'];
    const released = new SourceText(Buffer.from(bytes));
    let reads = 0;
    released.release(() => (reads++, bytes));
    expect([1, 2, 3, 4].map((l) => released.lineText(l))).toEqual(['local a = 1', 'local b = 2', '', 'return a + b']);
    expect(reads).toBe(1);
  });
});

describe('a run and the files it read', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resty-lint-release-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);

  it('reads a report line from the file again: the run holds no copy of it', () => {
    write('plain.lua', 'local a = 1\nreturn a\n');
    const run = analyze({ cwd: dir, files: ['plain.lua'] });
    write('plain.lua', 'local b = 2\nreturn b\n');
    expect(run.sources.get('plain.lua')!.lineText(1)).toBe('local b = 2');
  });

  it("keeps an editor's unsaved buffer, and a file whose suppressions are read after linking", () => {
    write('open.lua', 'on disk\n');
    write('directive.lua', 'local red = nil -- resty-lint: disable-line pool-mixed-lifecycle\nreturn red\n');
    const run = analyze({ cwd: dir, files: ['open.lua', 'directive.lua'], overlay: new Map([['open.lua', Buffer.from('local unsaved = 1\n')]]) });
    write('directive.lua', 'changed\n');
    expect(run.sources.get('open.lua')!.lineText(1)).toBe('local unsaved = 1');
    expect(run.sources.get('directive.lua')!.lineText(1)).toMatch(/^local red = nil/);
  });

  it('keeps the text of a file with directives whole while many more files are read after it', () => {
    // Files are read into a buffer used again every few dozen files: a kept text must be a copy.
    write('a-directive.lua', 'local kept = true -- resty-lint: disable-line pool-mixed-lifecycle\nreturn kept\n');
    const files = ['a-directive.lua', ...Array.from({ length: 150 }, (_, i) => `b${i}.lua`)];
    for (const f of files.slice(1)) write(f, `local other_${f.length} = "${'y'.repeat(60)}"\nreturn 1\n`);
    const run = analyze({ cwd: dir, files });
    expect(run.filesAnalyzed).toBe(151);
    expect(run.sources.get('a-directive.lua')!.lineText(1)).toMatch(/^local kept = true/);
    expect(run.sources.get('a-directive.lua')!.lineText(2)).toBe('return kept');
  });

  it('does not hold the bytes of the files it analyzed', async () => {
    const files = Array.from({ length: 100 }, (_, i) => `m${i}.lua`);
    const comment = `-- ${'x'.repeat(76)}\n`.repeat(1000); // 80 KB a file, 8 MB in all
    for (const f of files) write(f, `${comment}local M = {}\nfunction M.f() return 1 end\nreturn M\n`);
    gc();
    const before = process.memoryUsage().arrayBuffers;
    const run = analyze({ cwd: dir, files });
    expect(run.filesAnalyzed).toBe(100);
    // Line starts (4 bytes a line: 400 KB here) stay; the 8 MB of text does not. V8 frees the memory of dead
    // buffers on a background thread after a collection: wait for it (held bytes never get there).
    const bound = 2 * 1024 * 1024;
    let held = Infinity;
    for (let i = 0; i < 40 && held >= bound; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 50));
      held = process.memoryUsage().arrayBuffers - before;
    }
    expect(held, `${held} bytes held`).toBeLessThan(bound);
    expect(run.sources.size).toBe(100); // the run is still alive, its sources with it
  });
});
