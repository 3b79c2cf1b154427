// Files read into one reused buffer (src/files/read-arena.ts): each view holds its file's bytes until the arena is
// reset, including across a growth of the buffer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadArena } from '../src/files/read-arena.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resty-lint-arena-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string | Buffer) => {
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};

describe('ReadArena', () => {
  it('gives each file its own bytes, also when a file does not fit and the buffer grows', () => {
    const arena = new ReadArena();
    const small = write('small.lua', 'return 1\n');
    const big = write('big.lua', Buffer.alloc(3 << 20, 0x61)); // larger than the first buffer
    const a = arena.read(small, fs.statSync(small).size);
    const b = arena.read(big, fs.statSync(big).size);
    const c = arena.read(small, fs.statSync(small).size);
    expect(a.toString()).toBe('return 1\n');
    expect(b.length).toBe(3 << 20);
    expect(b.every((x) => x === 0x61)).toBe(true);
    expect(c.toString()).toBe('return 1\n');
  });

  it('reads at most the size it was told, and what is there when the file got shorter', () => {
    const arena = new ReadArena();
    const file = write('changing.lua', 'local a = 1\nreturn a\n');
    expect(arena.read(file, 5).toString()).toBe('local');
    fs.writeFileSync(file, 'x');
    expect(arena.read(file, 100).toString()).toBe('x');
  });

  it('reuses its space after a reset', () => {
    const arena = new ReadArena();
    const one = write('one.lua', 'one');
    const two = write('two.lua', 'two');
    const first = arena.read(one, 3);
    arena.reset();
    arena.read(two, 3);
    // The first view now shows the second file: whatever outlives a reset must have copied its bytes.
    expect(first.toString()).toBe('two');
  });

  it('throws for a file it cannot open (the caller reports it)', () => {
    expect(() => new ReadArena().read(path.join(dir, 'missing.lua'), 10)).toThrow(/ENOENT/);
  });
});
