// Which .lua files of a directory a piece of code reads (the analyzer reads files with fs.readFileSync, or opens
// them with fs.openSync to read into its arena: src/files/read-arena.ts): tests of warm runs assert what is not
// read.
import fs from 'node:fs';
import { vi } from 'vitest';

/** The .lua files under `dir` (relative, sorted, each once) that `f` reads. A file can be read twice: a run lets go of
 *  a file's bytes once it is analyzed and reads it again for a report's lines. */
export function luaReadsDuring(dir: string, f: () => void): string[] {
  const reads = vi.spyOn(fs, 'readFileSync');
  const opens = vi.spyOn(fs, 'openSync');
  try {
    f();
    return [...reads.mock.calls, ...opens.mock.calls]
      .map(([p]) => String(p))
      .filter((p) => p.startsWith(dir) && p.endsWith('.lua'))
      .map((p) => p.slice(dir.length + 1))
      .filter((p, i, all) => all.indexOf(p) === i)
      .sort();
  } finally {
    reads.mockRestore();
    opens.mockRestore();
  }
}
