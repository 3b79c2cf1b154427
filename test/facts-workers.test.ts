// Per-file facts computed on worker threads (src/project/facts-workers.ts) give the same report, byte for byte,
// as one thread: the bundle (workers run only from it) on the fixture tree, with syntax errors, nginx.conf and
// modules across files, with 0 and with 2 worker threads.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/sarif-validate.ts';

function run(workers: string, env: Record<string, string> = {}): { sarif: string; trace: string } {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/resty-lint.cjs'), 'fixtures', 'examples', '-f', 'sarif', '--no-cache', '--fail-on', 'none'], {
    cwd: REPO_ROOT,
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
    const [, files, onMain] = /facts of (\d+) files on 2 worker threads and the main thread \((\d+) there\)/.exec(two.trace) ?? [];
    expect(Number(files) - Number(onMain), two.trace).toBeGreaterThan(0);
    expect(two.sarif).toBe(one.sarif);
  });

  it('finish on the main thread when the workers die', () => {
    const one = run('0');
    const dead = run('2', { RESTY_LINT_TEST_WORKER_EXIT: '1', RESTY_LINT_WORKER_STALL_MS: '300' });
    const [, files, onMain] = /facts of (\d+) files on 2 worker threads and the main thread \((\d+) there\)/.exec(dead.trace) ?? [];
    expect(Number(onMain), dead.trace).toBe(Number(files));
    expect(dead.sarif).toBe(one.sarif);
  });
});
