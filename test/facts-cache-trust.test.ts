// The facts cache as untrusted input (issue 14, items 2 and 13): an entry that is damaged, misplaced or made up
// is a miss and never changes the findings; a cache directory that cannot be used turns the cache off with one
// warning. Real files and directories, through the CLI.
import { runCliCaptured } from './support/run-cli.ts';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FactsCache } from '../src/project/facts-cache.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-cache-trust-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (cwd: string, args: string[]) => runCliCaptured(args, { cwd });

/** A copy of classic-mix (a pool-mixed-lifecycle finding in admin.lua) plus a clean module. */
function project(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(REPO_ROOT, 'fixtures/lua/classic-mix'), join(dir, 'lua'), { recursive: true });
  writeFileSync(join(dir, 'lua', 'util.lua'), 'local _M = {}\nfunction _M.twice(x) return x * 2 end\nreturn _M\n');
  return dir;
}

/** The cache entry file of a source file, whatever the layout of the version directory. */
function entryOf(cache: string, source: string): string {
  const bytes = readFileSync(source);
  const keys = ['lua52Compat=false', 'lua52Compat=true'].map((v) => new FactsCache(cache).key(bytes, v));
  for (const version of readdirSync(cache)) {
    for (const key of keys) {
      const file = join(cache, version, key.slice(0, 2), `${key}.json`);
      if (existsSync(file)) return file;
    }
  }
  throw new Error(`no cache entry for ${source}`);
}

const FINDING = /lua\/admin\.lua:\d+:\d+: warning \[pool-mixed-lifecycle\]/;

describe('cache entries that are not what they claim', () => {
  it('an entry copied over another file\'s, a crafted one and a cut one are misses: the finding stays', () => {
    const dir = project('poison');
    const args = ['lua', '-f', 'compact', '--cache', 'cache'];
    const cold = cli(dir, args);
    expect(cold.code).toBe(1);
    expect(cold.out).toMatch(FINDING);
    const admin = entryOf(join(dir, 'cache'), join(dir, 'lua/admin.lua'));
    const util = entryOf(join(dir, 'cache'), join(dir, 'lua/util.lua'));
    const original = readFileSync(admin, 'utf8');
    const poisons = {
      // The entry of a clean file at admin.lua's key: well-formed, but made from other bytes.
      misplaced: readFileSync(util, 'utf8'),
      // Hand-written facts in the shape of a clean module.
      crafted: JSON.stringify({ facts: { returnsValue: true, exports: { t: 'unknown' }, requires: [], functions: [], tables: [], sites: [], events: [] } }),
      // Valid JSON, the wrong shape.
      shape: JSON.stringify({ facts: { returnsValue: true } }),
      // Cut short.
      truncated: original.slice(0, Math.floor(original.length / 2)),
      empty: '',
    };
    for (const [name, text] of Object.entries(poisons)) {
      writeFileSync(admin, text);
      const r = cli(dir, args);
      expect(r.err, name).toBe('');
      expect(r.code, name).toBe(1);
      expect(r.out, name).toBe(cold.out);
    }
    // And a consistent entry is used again.
    writeFileSync(admin, original);
    expect(cli(dir, args).out).toBe(cold.out);
  });
});

describe('a cache directory that cannot be used', () => {
  it('turns the cache off with one warning, and the run is otherwise the same', () => {
    const dir = project('unusable');
    writeFileSync(join(dir, 'a-file'), 'not a directory\n');
    const plain = cli(dir, ['lua', '-f', 'compact', '--no-cache']);
    const r = cli(dir, ['lua', '-f', 'compact', '--cache', 'a-file/cache']);
    expect(r.code).toBe(plain.code);
    expect(r.out).toBe(plain.out);
    expect(r.err.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^resty-lint: warning: cache directory \S+a-file\/cache cannot be used \(ENOTDIR\b.*\); running without the cache$/)]);
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('not a directory\n');
  });
});
