// The per-file facts cache: same findings warm as cold, only changed files recomputed, corruption harmless.
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from './support/analyze.ts';
import { discover } from '../src/files/discover.ts';
import { FactsCache, type CachedFacts } from '../src/project/facts-cache.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const files = discover(REPO_ROOT, ['fixtures/lua']).files;
const strip = (r: ReturnType<typeof analyze>) => JSON.stringify([r.findings, r.suppressed]);

/**
 * A FactsCache that records what analyze() does with it, seen from the outside: analyze() computes a file's
 * facts exactly when get() misses, and then set()s them. So `recomputed` lists the keys whose facts were
 * computed in this run, and `served` those that came from the cache.
 */
class RecordingCache extends FactsCache {
  readonly served: string[] = [];
  readonly missed: string[] = [];
  readonly recomputed: string[] = [];
  /** The content each key was made from, so keys can be named by file whatever else goes into them. */
  readonly contentOf = new Map<string, string>();

  override key(bytes: Buffer, variant?: string): string {
    const key = super.key(bytes, variant);
    this.contentOf.set(key, bytes.toString('latin1'));
    return key;
  }

  override get(key: string): CachedFacts | undefined {
    const value = super.get(key);
    (value ? this.served : this.missed).push(key);
    return value;
  }

  override set(key: string, value: CachedFacts): void {
    this.recomputed.push(key);
    super.set(key, value);
  }
}

describe('facts cache', () => {
  const cold = analyze({ cwd: REPO_ROOT, files });

  it('gives the same findings on a cold and a warm cache, and hits on the second run', () => {
    const first = new FactsCache(join(tmp, 'a'));
    expect(strip(analyze({ cwd: REPO_ROOT, files, cache: first }))).toBe(strip(cold));
    expect(first.hits).toBe(0);
    // needModel: the run links, so it loads every file's facts (without it the rules' results come from the
    // result cache, test/result-cache.test.ts; without the last link's memory, or it would load only those it
    // links again, test/link-memory.test.ts).
    rmSync(join(tmp, 'a', readdirSync(join(tmp, 'a'))[0], 'links'), { recursive: true });
    const second = new FactsCache(join(tmp, 'a'));
    expect(strip(analyze({ cwd: REPO_ROOT, files, cache: second, needModel: true }))).toBe(strip(cold));
    expect(second.misses).toBe(0);
    // Every file read as source hits; bytecode (fixtures/lua/loads-like-ngx-lua/compiled.lua) is never parsed.
    expect(second.hits).toBe(files.filter((f) => cold.sources.has(f)).length);
    expect(second.hits).toBe(files.length - 1);
  });

  it('treats corrupt entries as misses', () => {
    const root = join(tmp, 'b');
    analyze({ cwd: REPO_ROOT, files, cache: new FactsCache(root) });
    const version = readdirSync(root)[0];
    const entriesOf = () => readdirSync(join(root, version)).filter((d) => /^[0-9a-f]{2}$/.test(d)).flatMap((d) => readdirSync(join(root, version, d)).map((e) => join(root, version, d, e)));
    const count = entriesOf().length;
    for (const shard of readdirSync(join(root, version))) {
      for (const entry of readdirSync(join(root, version, shard))) writeFileSync(join(root, version, shard, entry), '{"facts": tru');
    }
    const again = new FactsCache(root);
    expect(strip(analyze({ cwd: REPO_ROOT, files, cache: again }))).toBe(strip(cold));
    expect(again.hits).toBe(0);
    // Written again in place, whole, over the damaged ones (entries are created where they live, no rename).
    const entries = entriesOf();
    expect(entries.length).toBe(count);
    for (const entry of entries) expect(readFileSync(entry, 'utf8')).toMatch(/^resty-lint-facts /);
  });

  it('replaces a link planted where an entry goes, never writes through it', () => {
    const root = join(tmp, 'planted');
    const victim = join(tmp, 'planted-victim');
    writeFileSync(victim, 'keep me\n');
    const cache = new FactsCache(root);
    analyze({ cwd: REPO_ROOT, files: files.slice(0, 1), cache });
    const version = readdirSync(root)[0];
    const shard = readdirSync(join(root, version)).find((d) => /^[0-9a-f]{2}$/.test(d))!;
    const entry = join(root, version, shard, readdirSync(join(root, version, shard))[0]);
    rmSync(entry);
    symlinkSync(victim, entry);
    rmSync(join(root, version, 'snapshots'), { recursive: true, force: true });
    analyze({ cwd: REPO_ROOT, files: files.slice(0, 1), cache: new FactsCache(root) });
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(lstatSync(entry).isFile()).toBe(true);
  });
});

describe('facts cache after one file of a project changes', () => {
  // A small project: users.lua pools 127.0.0.1:6379, admin.lua closes the same pool (a pool-mixed-lifecycle
  // finding that needs both files), plus a plain module and a file that does not parse (its syntax error is
  // cached too). Every file has different bytes: the cache is keyed by content.
  const project = join(tmp, 'project');
  const CLIENT = 'local redis = require "resty.redis"\nlocal red = redis:new()\nassert(red:connect("127.0.0.1", 6379))\n';
  const ADMIN_CLOSES = `${CLIENT}red:flushdb()\nred:close()\n`;
  const ADMIN_POOLS = `${CLIENT}red:flushdb()\nred:set_keepalive(10000, 100)\n`;
  const sources: Record<string, string> = {
    'lua/users.lua': `local _M = {}\nfunction _M.get(k)\n  ${CLIENT.replaceAll('\n', '\n  ')}local v = red:get(k)\n  red:set_keepalive(10000, 100)\n  return v\nend\nreturn _M\n`,
    'lua/admin.lua': ADMIN_CLOSES,
    'lua/util.lua': 'local _M = {}\nfunction _M.twice(x) return x * 2 end\nreturn _M\n',
    'lua/broken.lua': 'local function oops(\n',
  };
  const luaFiles = Object.keys(sources).sort();
  for (const [f, text] of Object.entries(sources)) {
    mkdirSync(dirname(join(project, f)), { recursive: true });
    writeFileSync(join(project, f), text);
  }
  const root = join(tmp, 'project-cache');
  /** Which file each content key belongs to, for readable assertions. */
  const fileOf = (keys: string[], cache: RecordingCache) => {
    const byContent = new Map(luaFiles.map((f) => [readFileSync(join(project, f), 'latin1'), f]));
    return keys.map((k) => byContent.get(cache.contentOf.get(k) ?? '') ?? `unknown key ${k}`).sort();
  };
  const run = (cache?: FactsCache) => analyze({ cwd: project, files: luaFiles, cache });
  const rules = (r: ReturnType<typeof analyze>) => r.findings.map((f) => `${f.location.file}:${f.location.startLine} ${f.ruleId}`).sort();

  it('recomputes only the changed file; the others come from the cache and the findings are those of a cold run', () => {
    const first = new RecordingCache(root);
    const before = run(first);
    expect(fileOf(first.recomputed, first)).toEqual(luaFiles);
    expect(rules(before)).toEqual(['lua/admin.lua:5 pool-mixed-lifecycle', 'lua/broken.lua:2 syntax-error']);

    writeFileSync(join(project, 'lua/admin.lua'), ADMIN_POOLS);
    const warm = new RecordingCache(root);
    const after = run(warm);
    expect(fileOf(warm.recomputed, warm)).toEqual(['lua/admin.lua']);
    expect(fileOf(warm.missed, warm)).toEqual(['lua/admin.lua']);
    // users.lua and util.lua were written just now (racy): hashed again, their bytes are the ones the snapshot
    // recorded, so their facts are not even loaded (the link kept what it made of them); broken.lua's entry is.
    expect(fileOf(warm.served, warm)).toEqual(['lua/broken.lua']);
    // The cross-file finding is gone although users.lua's facts came from the cache.
    expect(strip(after)).toBe(strip(run()));
    expect(rules(after)).toEqual(['lua/broken.lua:2 syntax-error']);

    // Undoing the change finds the first run's entry: entries are keyed by content, not by file.
    writeFileSync(join(project, 'lua/admin.lua'), ADMIN_CLOSES);
    const undone = new RecordingCache(root);
    expect(strip(run(undone))).toBe(strip(before));
    expect(undone.recomputed).toEqual([]);
    // admin.lua's first entry, and what its link reads; util.lua, which nothing reads, is hashed and not loaded.
    expect(fileOf(undone.served, undone)).toEqual(['lua/admin.lua', 'lua/broken.lua', 'lua/users.lua']);
  });
});
