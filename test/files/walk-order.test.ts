// The walk lists a directory by its path as a string (names as strings) when that path is the directory's bytes, and
// by its bytes otherwise, or when a name is not valid UTF-8. Either way entries come in the order of their names'
// bytes: which of two links to one directory names its files depends on it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareCodePoints, walkTree } from '../../src/files/walk.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-walk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const noIgnores = Object.assign(() => false, {});

describe('names compared as their UTF-8 bytes', () => {
  // ASCII, Latin-1, the end of the BMP (U+E000 and up, above the surrogates in UTF-16) and astral characters.
  const chars = ['a', 'B', '~', '\u00e9', '\u0800', '\ud7ff', '\ue000', '\uffef', '\u{10000}', '\u{1f600}', '\u{10ffff}'];
  const names: string[] = [''];
  for (const x of chars) for (const y of chars) names.push(x, x + y);

  it('order as Buffer.compare of their UTF-8 orders them, where UTF-16 order does not', () => {
    const disagree: string[][] = [];
    for (const a of names) for (const b of names) if (Math.sign(compareCodePoints(a, b)) !== Buffer.compare(Buffer.from(a), Buffer.from(b))) disagree.push([a, b]);
    expect(disagree).toEqual([]);
    // What the comparison is for: a surrogate against a character from U+E000.
    expect(Math.sign(compareCodePoints('\u{10000}', '\ue000'))).toBe(1);
    expect('\u{10000}' < '\ue000').toBe(true);
  });
});

describe('the walk', () => {
  it('names a directory reached through two links after the link whose name comes first in bytes', () => {
    const tree = join(tmp, 'links');
    mkdirSync(join(tree, 'real'), { recursive: true });
    writeFileSync(join(tree, 'real', 'a.lua'), 'return 1\n');
    // In UTF-16 the astral name sorts first; in UTF-8 bytes, and so in the walk, the U+E000 one does.
    symlinkSync('real', join(tree, 'x\u{10000}'));
    symlinkSync('real', join(tree, 'x\ue000'));
    const outside = join(tmp, 'links-outside');
    mkdirSync(outside);
    const walk = walkTree(outside, tree, (n) => n.endsWith('.lua'), noIgnores);
    expect(walk.files.map((f) => f.abs)).toEqual([join(tree, 'real', 'a.lua')]);
    // Reached only through the links (the real directory listed under another name, outside the walk): the first.
    const only = join(tmp, 'only-links');
    mkdirSync(only);
    symlinkSync(join(tree, 'real'), join(only, 'x\u{10000}'));
    symlinkSync(join(tree, 'real'), join(only, 'x\ue000'));
    const viaLinks = walkTree(tmp, only, (n) => n.endsWith('.lua'), noIgnores);
    expect(viaLinks.files.map((f) => f.abs)).toEqual([join(only, 'x\ue000', 'a.lua')]);
  });

  it('keeps the bytes of a name that is not UTF-8, and of the files below it, beside valid names of one directory', () => {
    const tree = join(tmp, 'bytes');
    mkdirSync(tree);
    const latin1 = (s: string) => Buffer.concat([Buffer.from(`${tree}/`), Buffer.from(s, 'latin1')]);
    writeFileSync(latin1('caf\u00e9.lua'), 'return 1\n');
    mkdirSync(latin1('d\u00e9'));
    writeFileSync(Buffer.concat([latin1('d\u00e9'), Buffer.from('/b.lua')]), 'return 2\n');
    writeFileSync(join(tree, 'ok\u00e9.lua'), 'return 3\n');
    const walk = walkTree(tree, tree, (n) => n.endsWith('.lua'), noIgnores);
    expect(walk.files.map((f) => [f.abs.slice(tree.length + 1), f.raw?.toString('latin1').slice(tree.length + 1)])).toEqual([
      ['caf\uFFFD.lua', 'caf\u00e9.lua'],
      ['d\uFFFD/b.lua', 'd\u00e9/b.lua'],
      ['ok\u00e9.lua', undefined],
    ]);
  });
});
