// Per-file facts computed on worker threads (src/project/facts-workers.ts) give the same report, byte for byte,
// as one thread: the bundle (workers run only from it) on the fixture tree, with syntax errors, nginx.conf and
// modules across files, with 0 and with 2 worker threads; and on a tree of more files than the run hands the
// threads at once (lua-file-units.ts reads and analyzes a group at a time).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/sarif-validate.ts';

const TRACE = /facts of (\d+) files in (\d+) groups on 2 worker threads and the main thread \((\d+) there; stopped waiting for workers (\d+) times\)/;

function run(workers: string, env: Record<string, string> = {}, cwd = REPO_ROOT, paths = ['fixtures', 'examples']): { sarif: string; trace: string } {
  const cache = paths.includes('--cache') ? [] : ['--no-cache'];
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/resty-lint.cjs'), ...paths, '-f', 'sarif', ...cache, '--fail-on', 'none'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, RESTY_LINT_WORKERS: workers, RESTY_LINT_TRACE: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
    // A run that hangs (workers that died, waited on forever) fails here instead of hanging the suite.
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return { sarif: r.stdout, trace: r.stderr };
}

describe('facts on worker threads', () => {
  it('report exactly what one thread reports', () => {
    const one = run('0');
    expect(one.trace).not.toMatch(/worker threads/);
    expect(JSON.parse(one.sarif).runs[0].results.length).toBeGreaterThan(100);
    const two = run('2');
    // Some files really were computed off the main thread.
    const [, files, , onMain] = TRACE.exec(two.trace) ?? [];
    expect(Number(files) - Number(onMain), two.trace).toBeGreaterThan(0);
    expect(two.sarif).toBe(one.sarif);
  });

  it('finish on the main thread when the workers die', () => {
    const one = run('0');
    const dead = run('2', { RESTY_LINT_TEST_WORKER_EXIT: '1', RESTY_LINT_WORKER_STALL_MS: '300' });
    const [, files, , onMain] = TRACE.exec(dead.trace) ?? [];
    expect(Number(onMain), dead.trace).toBe(Number(files));
    expect(dead.sarif).toBe(one.sarif);
  });
});

describe('facts on worker threads, a group of files at a time', () => {
  // 1,300 handlers and the module they share: more files than one group, and findings in every group (every
  // other handler closes what the others return to the pool through the module: pool-mixed-lifecycle).
  const dir = mkdtempSync(join(tmpdir(), 'resty-lint-groups-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'handlers'));
  writeFileSync(
    join(dir, 'store.lua'),
    'local redis = require "resty.redis"\nlocal _M = {}\nfunction _M.get()\n  local red = redis:new()\n  local ok, err = red:connect("127.0.0.1", 6379)\n  if not ok then return nil, err end\n  return red\nend\nfunction _M.put(red) red:set_keepalive(10000, 100) end\nreturn _M\n',
  );
  for (let i = 0; i < 1300; i++) {
    const release = i % 2 === 0 ? 'store.put(red)' : 'red:close()';
    writeFileSync(join(dir, 'handlers', `h${i}.lua`), `local store = require "store"\nlocal red = store.get()\nif red then\n  red:get("k${i}")\n  ${release}\nend\n`);
  }

  it('report exactly what one thread reports', () => {
    const one = run('0', {}, dir, ['.']);
    const results = JSON.parse(one.sarif).runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    const handlers = new Set(results.filter((r) => r.ruleId === 'pool-mixed-lifecycle').map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    expect(handlers.size).toBe(650);
    const two = run('2', {}, dir, ['.']);
    const [, files, groups, onMain] = TRACE.exec(two.trace) ?? [];
    expect(Number(files), two.trace).toBe(1301);
    expect(Number(groups), two.trace).toBeGreaterThan(1);
    expect(Number(files) - Number(onMain), two.trace).toBeGreaterThan(0);
    expect(two.sarif).toBe(one.sarif);
  });

  it('start no thread when the facts come from the cache', () => {
    const cache = join(dir, '.cache');
    const fill = run('2', {}, dir, ['.', '--cache', cache]);
    expect(TRACE.exec(fill.trace), fill.trace).not.toBeNull();
    // Nothing changed, and one file changed: every other file's facts are in the cache.
    const warm = run('2', {}, dir, ['.', '--cache', cache]);
    expect(warm.trace).not.toMatch(/worker threads/);
    const store = readFileSync(join(dir, 'store.lua'), 'utf8');
    writeFileSync(join(dir, 'store.lua'), `${store}-- edited\n`);
    try {
      const oneChanged = run('2', {}, dir, ['.', '--cache', cache]);
      expect(oneChanged.trace).not.toMatch(/worker threads/);
      expect(oneChanged.sarif).toBe(fill.sarif);
    } finally {
      writeFileSync(join(dir, 'store.lua'), store);
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('stop waiting for dead workers once, not once a group', () => {
    const one = run('0', {}, dir, ['.']);
    const dead = run('2', { RESTY_LINT_TEST_WORKER_EXIT: '1', RESTY_LINT_WORKER_STALL_MS: '300' }, dir, ['.']);
    const [, files, groups, onMain, stalls] = TRACE.exec(dead.trace) ?? [];
    expect(Number(groups), dead.trace).toBeGreaterThan(1);
    expect(Number(onMain), dead.trace).toBe(Number(files));
    expect(Number(stalls), dead.trace).toBe(1);
    expect(dead.sarif).toBe(one.sarif);
  });
});
