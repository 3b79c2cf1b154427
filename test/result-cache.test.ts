// The rules' results kept between runs (src/project/result-cache.ts, result-key.ts): a run whose files all
// check out takes the last run's findings without loading facts or linking, and reports exactly what a run
// without the cache reports; any change to what the model is made from (a file's facts, where its lines are,
// nginx.conf, the config) makes it link again.
import { createHash } from 'node:crypto';
import fs, { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CountingCache, linksDir, outcome, settledProject, writeSettled } from './support/warm-runs.ts';
import type { FactsCache } from '../src/project/facts-cache.ts';
import { analyze } from './support/analyze.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-results-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CLIENT = 'local redis = require "resty.redis"\nlocal red = redis:new()\nassert(red:connect("127.0.0.1", 6379))\n';
const FILES: Record<string, string> = {
  // users.lua pools the connections admin.lua closes: a pool-mixed-lifecycle finding in admin.lua.
  'users.lua': `${CLIENT}red:get("k") -- read the user\nred:set_keepalive(10000, 100)\n`,
  'admin.lua': `${CLIENT}red:del("k")\nred:close()\n`,
  'quiet.lua': `${CLIENT}red:del("q")\nred:close() -- resty-lint: ignore pool-mixed-lifecycle -- flushed on purpose\n`,
  'broken.lua': 'local x = = 1\n',
  // log_by_lua_file runs log.lua, where cosockets are disabled.
  'log.lua': `${CLIENT}red:set_keepalive(10000, 100)\n`,
  'nginx.conf': 'events {}\nhttp {\n  server {\n    location / {\n      content_by_lua_file users.lua;\n      log_by_lua_file log.lua;\n    }\n  }\n}\n',
};
const luaFiles = Object.keys(FILES)
  .filter((f) => f.endsWith('.lua'))
  .sort();

const project = (name: string) => settledProject(tmp, name, FILES);
const run = (cwd: string, cache?: FactsCache, extra: { needModel?: boolean; ruleLevels?: Record<string, 'off'> } = {}) =>
  analyze({ cwd, files: luaFiles, nginxConfs: ['nginx.conf'], cache, ...extra });
const cacheOf = (dir: string) => new CountingCache(join(dir, '.cache'));

/** A project filled into its cache, then `edit`ed: the warm run after the edit, checked to have linked again and
 *  to report exactly what a run without the cache reports. */
function relinkedAfter(name: string, edit: (dir: string) => void, extra: Parameters<typeof run>[2] = {}): ReturnType<typeof run> {
  const dir = project(name);
  run(dir, cacheOf(dir));
  edit(dir);
  const result = run(dir, cacheOf(dir), extra);
  expect(result.model).toBeDefined();
  expect(outcome(result)).toBe(outcome(run(dir, undefined, extra)));
  return result;
}

describe('the result cache', () => {
  it('answers an unchanged project without loading facts, with exactly the findings of a run without cache', () => {
    const dir = project('unchanged');
    const cold = run(dir);
    const rules = cold.findings.map((f) => `${f.ruleId} ${f.location.file}`);
    expect(rules).toContain('pool-mixed-lifecycle admin.lua');
    expect(rules).toContain('cosocket-disabled-phase log.lua');
    expect(rules).toContain('syntax-error broken.lua');
    expect(cold.suppressed.map((f) => f.location.file)).toEqual(['quiet.lua']);
    expect(outcome(run(dir, cacheOf(dir)))).toBe(outcome(cold));
    const warm = cacheOf(dir);
    const result = run(dir, warm);
    expect(outcome(result)).toBe(outcome(cold));
    // Only broken.lua's entry (its syntax error is reported from it); no model was built.
    expect(warm.loaded).toBe(1);
    expect(result.model).toBeUndefined();
    // The results already hold the lines the findings are on: a run that takes them writes nothing.
    const resultsDir = join(dir, '.cache', readdirSync(join(dir, '.cache'))[0], 'results');
    const file = join(resultsDir, readdirSync(resultsDir)[0]);
    const before = fs.statSync(file).mtimeMs;
    expect(outcome(run(dir, cacheOf(dir)))).toBe(outcome(cold));
    expect(fs.statSync(file).mtimeMs).toBe(before);
  });

  it('builds the model when asked, from the cached facts', () => {
    const dir = project('model');
    run(dir, cacheOf(dir));
    // Without the last link's memory (link-memory.test.ts), linking loads every file's facts.
    rmSync(linksDir(dir), { recursive: true });
    const warm = cacheOf(dir);
    const result = run(dir, warm, { needModel: true });
    expect(result.model?.poolUses.length).toBeGreaterThan(0);
    expect(warm.loaded).toBe(luaFiles.length);
    expect(outcome(result)).toBe(outcome(run(dir)));
  });

  it('keeps the results across an edit that changes neither facts nor positions (a comment reworded on its line)', () => {
    const dir = project('comment');
    run(dir, cacheOf(dir));
    writeSettled(dir, 'users.lua', FILES['users.lua'].replace('-- read the user', '-- load the user'));
    const warm = cacheOf(dir);
    const result = run(dir, warm);
    expect(warm.loaded).toBe(2); // users.lua (read again: its entry is the same facts) and broken.lua
    expect(result.model).toBeUndefined();
    expect(outcome(result)).toBe(outcome(run(dir)));
  });

  it('fingerprints a finding by its line as it is now when only a comment on that line was reworded', () => {
    // The results are taken as they were (same facts, same places), the line's text is not: the fingerprint hashes
    // the line now, not the one kept with the results (kept-lines.ts), which was read from other bytes.
    const dir = project('reworded');
    const line = (comment: string) => FILES['admin.lua'].replace('red:close()', `red:close() -- ${comment}`);
    writeSettled(dir, 'admin.lua', line('flush it'));
    const first = run(dir, cacheOf(dir));
    writeSettled(dir, 'admin.lua', line('drop it!'));
    const result = run(dir, cacheOf(dir));
    expect(result.model).toBeUndefined();
    expect(outcome(result)).toBe(outcome(run(dir)));
    const mixed = (r: ReturnType<typeof run>) => r.findings.find((f) => f.ruleId === 'pool-mixed-lifecycle')!;
    expect(mixed(result).fingerprint).not.toBe(mixed(first).fingerprint);
  });

  it('moves the findings without linking when an edit moves lines but leaves the facts as they were', () => {
    // An empty line at the top of quiet.lua moves its (suppressed) finding one line down; a comment appended to
    // admin.lua leaves its facts as they were but adds a line; log.lua (with a finding of its own, and where
    // admin.lua's finding points to the pooling path) gets its lines indented.
    const dir = project('moved');
    run(dir, cacheOf(dir));
    writeSettled(dir, 'quiet.lua', `\n${FILES['quiet.lua']}`);
    writeSettled(dir, 'admin.lua', `${FILES['admin.lua']}-- a note at the end\n`);
    writeSettled(dir, 'log.lua', FILES['log.lua'].replace(/^/gm, '  '));
    const warm = cacheOf(dir);
    const result = run(dir, warm);
    expect(result.model).toBeUndefined();
    expect(outcome(result)).toBe(outcome(run(dir)));
    expect(result.suppressed[0].location.startLine).toBe(6);
    expect(result.findings.find((f) => f.ruleId === 'pool-mixed-lifecycle')!.related![0]).toMatchObject({ file: 'log.lua', startLine: 4, startColumn: 3 });
    expect(result.findings.find((f) => f.ruleId === 'cosocket-disabled-phase')!.location).toMatchObject({ file: 'log.lua', startColumn: 15 });
    // The three entries read (the edited files' facts), broken.lua's; and the moved results are kept: the next
    // run takes them as they are.
    expect(warm.loaded).toBe(4);
    const next = cacheOf(dir);
    expect(outcome(run(dir, next))).toBe(outcome(result));
    expect(next.loaded).toBe(1);
  });

  it('links again when an edit moves two places of one line onto two lines', () => {
    // `assert(red:connect(...))` split after `connect(`: the call's start stays on its line, its end goes to the
    // next. A rule comparing lines could see them differently, so the findings are not moved.
    const result = relinkedAfter('split', (dir) => writeSettled(dir, 'admin.lua', FILES['admin.lua'].replace('connect("127.0.0.1"', 'connect(\n  "127.0.0.1"')));
    expect(result.findings.find((f) => f.ruleId === 'pool-mixed-lifecycle')!.location.startLine).toBe(6);
  });

  it('links again when a change in one file changes what the rules see in another', () => {
    // admin.lua now keeps its connection alive too: its mixed-pool finding goes away.
    const result = relinkedAfter('code', (dir) => writeSettled(dir, 'admin.lua', FILES['admin.lua'].replace('red:close()', 'red:set_keepalive(10000, 100)')));
    expect(result.findings.some((f) => f.ruleId === 'pool-mixed-lifecycle' && f.location.file === 'admin.lua')).toBe(false);
  });

  it('links again when nginx.conf changes', () => {
    const result = relinkedAfter('nginx', (dir) => writeSettled(dir, 'nginx.conf', FILES['nginx.conf'].replace('log_by_lua_file log.lua;', 'access_by_lua_file log.lua;')));
    expect(result.findings.some((f) => f.ruleId === 'cosocket-disabled-phase')).toBe(false);
  });

  it('links again when the rules that run change', () => {
    // Nothing is edited: the second run turns a rule off.
    relinkedAfter('levels', () => {}, { ruleLevels: { 'cosocket-disabled-phase': 'off' } });
  });

  it('treats a damaged or hand-edited results file as a miss', () => {
    const dir = project('damaged');
    run(dir, cacheOf(dir));
    const resultsDir = join(dir, '.cache', readdirSync(join(dir, '.cache'))[0], 'results');
    const [file] = readdirSync(resultsDir);
    const text = fs.readFileSync(join(resultsDir, file), 'utf8');
    // A finding removed by hand: the checksum no longer matches.
    writeFileSync(join(resultsDir, file), text.replace('pool-mixed-lifecycle', 'pool-mixed-lifecycl'));
    const result = run(dir, cacheOf(dir));
    expect(result.model).toBeDefined();
    expect(outcome(result)).toBe(outcome(run(dir)));
  });

  type Kept = { drafts: { level: string }[]; lines: Record<string, [string, Record<string, unknown>]> };
  it.each([
    ['a finding of an unknown level', (value: Kept) => void (value.drafts[0].level = 'fatal')],
    ['a kept line that is not text', (value: Kept) => void (Object.values(value.lines)[0][1][Object.keys(Object.values(value.lines)[0][1])[0]] = 42)],
  ])('treats results of another shape under a checksum that holds as a miss: %s', (what, damage) => {
    const dir = project(`other-shape ${what}`.replace(/\W+/g, '-'));
    run(dir, cacheOf(dir));
    const resultsDir = join(dir, '.cache', readdirSync(join(dir, '.cache'))[0], 'results');
    const file = join(resultsDir, readdirSync(resultsDir)[0]);
    const [first, text] = fs.readFileSync(file, 'utf8').split('\n');
    const value = JSON.parse(text) as Kept;
    damage(value);
    const payload = JSON.stringify(value);
    const head = first.split(' ').slice(0, -1).join(' ');
    writeFileSync(file, `${head} ${createHash('sha256').update(payload).digest('hex')}\n${payload}`);
    const result = run(dir, cacheOf(dir));
    expect(result.model).toBeDefined();
    expect(outcome(result)).toBe(outcome(run(dir)));
  });

  it('makes a digest a snapshot lacks from the cached entry, and records it', () => {
    const dir = project('undigested');
    run(dir, cacheOf(dir));
    const snapshots = join(dir, '.cache', readdirSync(join(dir, '.cache'))[0], 'snapshots');
    const [file] = readdirSync(snapshots);
    // A snapshot whose rows have no digest (a run that could not make them), written consistently.
    const rows = JSON.parse(fs.readFileSync(join(snapshots, file), 'utf8').split('\n')[1]) as Record<string, unknown[]>;
    for (const row of Object.values(rows)) row[4] = '';
    const payload = JSON.stringify(rows);
    writeFileSync(join(snapshots, file), `resty-lint-snapshot 2 ${createHash('sha256').update(payload).digest('hex')}\n${payload}`);
    // The run loads every entry to make the digests again; they are what they were, so the results stand.
    const remake = cacheOf(dir);
    expect(run(dir, remake).model).toBeUndefined();
    expect(remake.loaded).toBe(luaFiles.length);
    // The snapshot has its digests back: the next run loads only broken.lua's entry.
    const warm = cacheOf(dir);
    const result = run(dir, warm);
    expect(result.model).toBeUndefined();
    expect(warm.loaded).toBe(1);
    expect(outcome(result)).toBe(outcome(run(dir)));
  });

  it('computes the facts again when an entry the run counted on is gone, and keeps no results from that run', () => {
    const dir = project('gone');
    run(dir, cacheOf(dir));
    const build = join(dir, '.cache', readdirSync(join(dir, '.cache'))[0]);
    for (const sub of readdirSync(build)) if (/^[0-9a-f]{2}$/.test(sub)) rmSync(join(build, sub), { recursive: true });
    const resultsDir = join(build, 'results');
    rmSync(resultsDir, { recursive: true });
    // Without the last link's memory, so that the run needs the facts.
    rmSync(linksDir(dir), { recursive: true });
    const result = run(dir, cacheOf(dir));
    expect(outcome(result)).toBe(outcome(run(dir)));
    expect(fs.existsSync(resultsDir)).toBe(false);
  });
});
