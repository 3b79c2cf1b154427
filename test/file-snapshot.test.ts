// Warm runs and the project snapshot (src/project/file-snapshot.ts): a file whose size and mtime are unchanged
// is neither read nor hashed; the findings, their fingerprints and the suppressions are the same as cold.
import fs, { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FactsCache } from '../src/project/facts-cache.ts';
import { analyze } from './support/analyze.ts';
import { luaReadsDuring } from './support/lua-reads.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-snapshot-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CLIENT = 'local redis = require "resty.redis"\nlocal red = redis:new()\nassert(red:connect("127.0.0.1", 6379))\n';
const FILES: Record<string, string> = {
  // users.lua pools the connections admin.lua closes: a pool-mixed-lifecycle finding in admin.lua.
  'users.lua': `${CLIENT}red:get("k")\nred:set_keepalive(10000, 100)\n`,
  'admin.lua': `${CLIENT}red:del("k")\nred:close()\n`,
  // The same defect, suppressed by a directive: the warm run must still see it.
  'quiet.lua': `${CLIENT}red:del("q")\nred:close() -- resty-lint: ignore pool-mixed-lifecycle -- flushed on purpose\n`,
  // No finding, no directive: a warm run never needs its text.
  'plain.lua': 'local M = {}\nfunction M.add(a, b) return a + b end\nreturn M\n',
};
const HOUR_AGO = Date.now() / 1000 - 3600;

function project(name: string): string {
  const dir = join(tmp, name);
  fs.mkdirSync(dir);
  for (const [file, text] of Object.entries(FILES)) {
    writeFileSync(join(dir, file), text);
    // Older than the racy window: the first run records them.
    utimesSync(join(dir, file), HOUR_AGO, HOUR_AGO);
  }
  return dir;
}

const files = Object.keys(FILES).sort();
const run = (cwd: string, cache?: FactsCache) => analyze({ cwd, files, cache });
const outcome = (r: ReturnType<typeof run>) => JSON.stringify([r.findings, r.suppressed]);

describe('a warm run with the project snapshot', () => {
  it('reads only the files whose lines the report shows, and reports exactly what a cold run does', () => {
    const dir = project('unchanged');
    const cold = run(dir);
    expect(cold.findings.map((f) => `${f.ruleId} ${f.location.file}`)).toContain('pool-mixed-lifecycle admin.lua');
    expect(cold.suppressed.map((f) => f.location.file)).toEqual(['quiet.lua']);
    const cacheDir = join(dir, '.cache');
    const first = luaReadsDuring(dir, () => expect(outcome(run(dir, new FactsCache(cacheDir)))).toBe(outcome(cold)));
    expect(first).toEqual(files);
    let warm: ReturnType<typeof run> | undefined;
    const second = luaReadsDuring(dir, () => (warm = run(dir, new FactsCache(cacheDir))));
    expect(outcome(warm!)).toBe(outcome(cold));
    // Only quiet.lua is opened, for its directive: the lines the findings are on (fingerprints) were kept with the
    // results (kept-lines.ts), and plain.lua holds neither.
    expect(second).toEqual(['quiet.lua']);
  });

  it('reads and recomputes a file whose mtime or size changed', () => {
    const dir = project('changed');
    const cacheDir = join(dir, '.cache');
    run(dir, new FactsCache(cacheDir));
    // admin.lua now keeps its connection alive too: the mixed-pool finding goes away.
    writeFileSync(join(dir, 'admin.lua'), FILES['admin.lua'].replace('red:close()', 'red:set_keepalive(10000, 100)'));
    utimesSync(join(dir, 'admin.lua'), HOUR_AGO + 60, HOUR_AGO + 60);
    const cache = new FactsCache(cacheDir);
    let warm: ReturnType<typeof run> | undefined;
    const reads = luaReadsDuring(dir, () => (warm = run(dir, cache)));
    expect(reads).toContain('admin.lua');
    expect(cache.misses).toBe(1);
    expect(outcome(warm!)).toBe(outcome(run(dir)));
    expect(warm!.findings.some((f) => f.ruleId === 'pool-mixed-lifecycle' && f.location.file === 'admin.lua')).toBe(false);
  });

  it('does not trust a file changed moments before the run (it could change again within the same mtime)', () => {
    const dir = project('racy');
    writeFileSync(join(dir, 'plain.lua'), FILES['plain.lua']); // mtime: now
    const cacheDir = join(dir, '.cache');
    run(dir, new FactsCache(cacheDir));
    const cache = new FactsCache(cacheDir);
    expect(luaReadsDuring(dir, () => run(dir, cache))).toContain('plain.lua');
    // read and hashed: the bytes the snapshot recorded, so its facts are neither computed nor loaded
    expect([cache.hits, cache.misses]).toEqual([0, 0]);
    // changed within the window again: its new bytes count
    writeFileSync(join(dir, 'plain.lua'), FILES['plain.lua'].replace('a + b', 'b + a'));
    const after = new FactsCache(cacheDir);
    run(dir, after);
    expect(after.misses).toBe(1);
  });

  it('hashes a file whose mtime changed but not its bytes (a checkout, a touch), and loads no facts for it', () => {
    const dir = project('touched');
    const cacheDir = join(dir, '.cache');
    const cold = run(dir);
    run(dir, new FactsCache(cacheDir));
    for (const file of files) utimesSync(join(dir, file), HOUR_AGO + 120, HOUR_AGO + 120);
    const cache = new FactsCache(cacheDir);
    let warm: ReturnType<typeof run> | undefined;
    expect(luaReadsDuring(dir, () => (warm = run(dir, cache)))).toEqual(files);
    expect([cache.hits, cache.misses]).toEqual([0, 0]);
    expect(outcome(warm!)).toBe(outcome(cold));
    // the snapshot took the new mtimes: the next run opens only what the report shows
    expect(luaReadsDuring(dir, () => run(dir, new FactsCache(cacheDir)))).not.toContain('plain.lua');
  });

  it('ignores a damaged snapshot: every file is read, the findings are the same', () => {
    const dir = project('damaged');
    const cacheDir = join(dir, '.cache');
    const cold = run(dir);
    run(dir, new FactsCache(cacheDir));
    const build = readdirSync(cacheDir)[0];
    const snapshots = join(cacheDir, build, 'snapshots');
    const [snapshot] = readdirSync(snapshots);
    writeFileSync(join(snapshots, snapshot), fs.readFileSync(join(snapshots, snapshot), 'utf8').replace('"plain.lua":[', '"plain.lua":[1,'));
    let warm: ReturnType<typeof run> | undefined;
    expect(luaReadsDuring(dir, () => (warm = run(dir, new FactsCache(cacheDir))))).toEqual(files);
    expect(outcome(warm!)).toBe(outcome(cold));
  });
});
