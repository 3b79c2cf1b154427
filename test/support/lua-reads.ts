// Which .lua files of a directory a piece of code opens with fs.readFileSync (the analyzer reads files with it):
// tests of warm runs assert what is not read.
import fs from 'node:fs';
import { vi } from 'vitest';

/** The .lua files under `dir` (relative, sorted) that `f` reads. */
export function luaReadsDuring(dir: string, f: () => void): string[] {
  const spy = vi.spyOn(fs, 'readFileSync');
  try {
    f();
    return spy.mock.calls
      .map(([p]) => String(p))
      .filter((p) => p.startsWith(dir) && p.endsWith('.lua'))
      .map((p) => p.slice(dir.length + 1))
      .sort();
  } finally {
    spy.mockRestore();
  }
}
