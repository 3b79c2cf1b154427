// The bundle's way out as a process (issue 14, items 12, 13 and 17): a reader that goes away early, a cache
// directory where mkdir never succeeds, a SIGTERM in the middle of writing the report. Real child processes of bin/resty-lint.cjs, real pipes, real signals.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/sarif-validate.ts';

const BIN = join(REPO_ROOT, 'bin/resty-lint.cjs');
const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-process-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the bundle with its stdout read end closed before it writes anything. */
function withStdoutClosed(args: string[]): Promise<Exit> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

describe('a reader that leaves early (resty-lint | head -1)', () => {
  it('ends quietly with the exit code of the run, for the report and for pools', async () => {
    const report = await withStdoutClosed(['fixtures/lua/classic-mix']);
    expect(report.stderr).toBe('');
    expect(report).toMatchObject({ code: 1, signal: null });
    const pools = await withStdoutClosed(['pools', 'fixtures/lua']);
    expect(pools.stderr).toBe('');
    expect(pools).toMatchObject({ code: 0, signal: null });
  });
});

describe('--cache /proc/x', () => {
  it.runIf(existsSync('/proc/self'))('ends, with one warning, and the cache off', () => {
    // fs.mkdirSync({ recursive: true }) spins forever there; the kill is only a guard so a regression fails
    // instead of hanging the suite (no duration is asserted).
    const r = spawnSync(process.execPath, [BIN, 'fixtures/lua/classic-mix', '-f', 'compact', '--cache', '/proc/x'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      killSignal: 'SIGKILL',
    });
    expect(r.signal).toBe(null);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/\[pool-mixed-lifecycle\]/);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^resty-lint: warning: cache directory \/proc\/x cannot be used \(.*\); running without the cache$/)]);
  }, 90_000);
});

describe('SIGTERM while the report is being written', () => {
  // A project whose SARIF report is about 12 MB, so writing it takes long enough to be caught in the act.
  const project = join(tmp, 'big');
  mkdirSync(join(project, 'lua'), { recursive: true });
  const leak = (i: number) => `local function f${i}()\n  local red = redis:new()\n  red:connect("127.0.0.1", ${6000 + i})\n  red:get("k")\nend\n`;
  const source = `local redis = require "resty.redis"\n${Array.from({ length: 40 }, (_, i) => leak(i)).join('')}`;
  for (let n = 0; n < 200; n++) writeFileSync(join(project, 'lua', `m${n}.lua`), source);

  /** One run: stopped (SIGSTOP) as soon as a temporary file appears next to the report; if it is still there,
   *  SIGTERM, then SIGCONT. Resolves whether the write was caught, and how the child ended. */
  function attempt(n: number): Promise<{ caught: boolean; exit: Exit; out: string }> {
    const out = join(tmp, `out${n}`);
    mkdirSync(out);
    const child = spawn(process.execPath, [BIN, 'lua', '-f', 'sarif', '-o', join(out, 'x.sarif')], { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let caught = false;
    let stopped = false;
    const watcher = watch(out, (_event, name) => {
      if (stopped || !name?.endsWith('.tmp')) return;
      stopped = true;
      child.kill('SIGSTOP');
      caught = existsSync(join(out, name));
      if (caught) child.kill('SIGTERM');
      child.kill('SIGCONT');
    });
    return new Promise((resolve) =>
      child.on('close', (code, signal) => {
        watcher.close();
        resolve({ caught, exit: { code, signal, stderr }, out });
      }),
    );
  }

  it('leaves no temporary file, and the report is whole or absent', async () => {
    let caught = 0;
    for (let n = 0; n < 10 && caught < 2; n++) {
      const run = await attempt(n);
      if (!run.caught) continue;
      caught++;
      expect(readdirSync(run.out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(run.exit.signal).toBe('SIGTERM');
      expect(run.exit.stderr).not.toMatch(/\n\s+at /);
      const report = join(run.out, 'x.sarif');
      if (existsSync(report)) expect(JSON.parse(readFileSync(report, 'utf8')).version).toBe('2.1.0');
    }
    // Not a timing assertion: the test needs the child caught mid-write at least once to say anything.
    expect(caught, 'the child was never caught between creating its temporary file and renaming it').toBeGreaterThan(0);
  }, 120_000);
});
