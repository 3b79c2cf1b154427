// What a link leaves for the next run (src/project/link-memory-file.ts): a warm run after an edit links again only
// the units the edit touches and loads the facts of those and of what their work reads, and reports exactly what a
// run without the cache reports; a memory file that does not check out, or does not fit, costs a full link, never a
// wrong result.
import fs, { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeValues, encodeValues } from '../src/project/compact-values.ts';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { CountingCache, linksDir, outcome, settledProject, writeSettled } from './support/warm-runs.ts';
import type { FactsCache } from '../src/project/facts-cache.ts';
import { analyze } from './support/analyze.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-links-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  'store.lua': [
    'local redis = require "resty.redis"',
    'local _M = {}',
    'function _M.get()',
    '  local red = redis:new()',
    '  assert(red:connect("127.0.0.1", 6379))',
    '  ngx.ctx.red = red',
    '  return red',
    'end',
    'function _M.put(red)',
    '  red:set_keepalive(10000, 100)',
    'end',
    'return _M',
    '',
  ].join('\n'),
  // users.lua pools what admin.lua closes (pool-mixed-lifecycle); log.lua runs where cosockets are disabled.
  'users.lua': 'local store = require "store"\nlocal red = store.get()\nred:get("k")\nstore.put(red)\n',
  'admin.lua': 'local store = require "store"\nlocal red = store.get()\nred:del("k")\nred:close()\n',
  'log.lua': 'local store = require "store"\nstore.get()\n',
  'a.lua': 'local x = 1\nreturn x\n',
  'b.lua': 'local t = {}\nreturn t\n',
  'c.lua': 'local function f() return 1 end\nreturn { f = f }\n',
  'nginx.conf': 'events {}\nhttp {\n  server {\n    location / {\n      content_by_lua_file users.lua;\n      log_by_lua_file log.lua;\n    }\n    location /admin {\n      content_by_lua_file admin.lua;\n    }\n  }\n}\n',
};
const luaFiles = Object.keys(FILES)
  .filter((f) => f.endsWith('.lua'))
  .sort();

const project = (name: string) => settledProject(tmp, name, FILES);
const run = (cwd: string, cache?: FactsCache) => analyze({ cwd, files: luaFiles, nginxConfs: ['nginx.conf'], cache, needModel: true });
const cacheOf = (dir: string) => new CountingCache(join(dir, '.cache'));
const linksFile = (dir: string) => join(linksDir(dir), readdirSync(linksDir(dir))[0]);

/** Rewrites a link-memory file with `change` applied to its value, under a checksum that holds. */
function rewrite(file: string, change: (value: unknown) => unknown): void {
  const bytes = fs.readFileSync(file);
  const newline = bytes.indexOf(10);
  const magic = bytes.toString('latin1', 0, newline).split(' ').slice(0, -1).join(' ');
  const payload = encodeValues(change(decodeValues(bytes.subarray(newline + 1))));
  writeFileSync(file, Buffer.concat([Buffer.from(`${magic} ${createHash('sha256').update(payload).digest('hex')}\n`, 'latin1'), payload]));
}

/** A project run once with the cache, then edited (a require added at the top of admin.lua). */
function edited(name: string): string {
  const dir = project(name);
  run(dir, cacheOf(dir));
  writeSettled(dir, 'admin.lua', `local _extra = require "a"\n${FILES['admin.lua']}`);
  return dir;
}

describe('the link memory of the last run', () => {
  it('links again only what an edit touches, loads few facts, and reports what a run without the cache reports', () => {
    const dir = edited('warm');
    const warm = cacheOf(dir);
    const result = run(dir, warm);
    expect(outcome(result)).toBe(outcome(run(dir)));
    expect(result.findings.map((f) => `${f.ruleId} ${f.location.file}`)).toEqual(expect.arrayContaining(['pool-mixed-lifecycle admin.lua', 'cosocket-disabled-phase store.lua']));
    // admin.lua's entry is looked up (a miss: its facts are computed); its link reads store.lua's and a.lua's.
    expect(warm.loaded).toBe(3);
    // Without the memory, linking loads every file's facts (admin.lua's from the last run's entry).
    rmSync(linksFile(dir));
    writeSettled(dir, 'admin.lua', FILES['admin.lua']);
    const cold = cacheOf(dir);
    expect(outcome(run(dir, cold))).toBe(outcome(run(dir)));
    expect(cold.loaded).toBe(luaFiles.length);
  });

  it('writes what an edit changed beside the last full memory, and reads both', () => {
    for (const foreign of [false, true]) {
      // Edits that change no file's role (store.lua is required already), so that they touch few records.
      const dir = project(foreign ? 'delta-foreign' : 'delta');
      run(dir, cacheOf(dir));
      writeSettled(dir, 'admin.lua', `local _extra = require "store"\n${FILES['admin.lua']}`);
      expect(outcome(run(dir, cacheOf(dir)))).toBe(outcome(run(dir)));
      const delta = `${linksFile(dir)}.delta`;
      expect(fs.existsSync(delta)).toBe(true);
      if (foreign) {
        // A delta made for another base is left out: the base alone is an older memory, and the run is still exact.
        rewrite(delta, (value) => ({ ...(value as object), base: 'another' }));
      }
      // The next edit's run reads the base with the delta over it: it loads only what its own edit touches (with the
      // delta left out, admin.lua's work too).
      writeSettled(dir, 'log.lua', `local _extra = require "store"\n${FILES['log.lua']}`);
      const warm = cacheOf(dir);
      expect(outcome(run(dir, warm))).toBe(outcome(run(dir)));
      expect(warm.loaded).toBe(foreign ? 3 : 2); // log.lua's entry (a miss), store.lua's facts, admin.lua's
    }
  });

  it('takes what it needs from the memory when the facts entries are gone', () => {
    const dir = edited('entries-gone');
    const build = join(dir, '.cache', readdirSync(join(dir, '.cache'))[0]);
    for (const sub of readdirSync(build)) if (/^[0-9a-f]{2}$/.test(sub)) rmSync(join(build, sub), { recursive: true });
    expect(outcome(run(dir, cacheOf(dir)))).toBe(outcome(run(dir)));
  });

  it('links everything when the memory file is damaged', () => {
    const dir = edited('damaged');
    const file = linksFile(dir);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(file, bytes);
    const warm = cacheOf(dir);
    expect(outcome(run(dir, warm))).toBe(outcome(run(dir)));
    expect(warm.loaded).toBe(luaFiles.length);
  });

  it('links everything when the memory checks out but is not what this build writes, or does not fit its link', () => {
    // A checksum that holds over a value of another shape, and over one whose records break the link (it throws
    // inside the partial link: the run links again from nothing).
    for (const [name, value] of [
      ['other-shape', { units: [] }],
      ['broken-records', 'records'],
    ] as const) {
      const dir = edited(name);
      rewrite(linksFile(dir), (last) => {
        if (value !== 'records') return value;
        for (const rec of (last as { units: Map<string, { link: { result: unknown } }> }).units.values()) rec.link.result = { pushed: null, identityOps: null };
        return last;
      });
      const warm = cacheOf(dir);
      expect(outcome(run(dir, warm)), name).toBe(outcome(run(dir)));
      expect(warm.loaded, name).toBe(luaFiles.length);
    }
  });
});
