// Report and baseline files that cannot be written (issue 14, items 11 and 17): one line naming the path and the
// reason, exit 2, never a stack trace; temporary files with unpredictable names that are never left behind.
import { runCliCaptured } from './support/run-cli.ts';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from '../src/action/action.ts';
import { writeAtomically } from '../src/report/write-atomically.ts';
import { RULES } from '../rules/index.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-write-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const MIX = 'fixtures/lua/classic-mix';

const cli = (args: string[]) => runCliCaptured(args);

/** One line on stderr, naming the path and the reason; nothing that looks like a stack or an internal error. */
function expectOneLine(err: string, file: string, reason: RegExp): void {
  expect(err.split('\n').filter(Boolean)).toHaveLength(1);
  expect(err).toContain(`cannot write ${file}: `);
  expect(err).toMatch(reason);
  expect(err).not.toMatch(/internal error|\n\s+at |\.tmp/);
}

describe('an output that cannot be written', () => {
  it('-o in a missing directory, -o a directory, -o /dev/full, --write-baseline a directory: one line, exit 2', () => {
    const missing = join(tmp, 'missing', 'dir', 'x.sarif');
    let r = cli([MIX, '-f', 'sarif', '-o', missing]);
    expect(r.code).toBe(2);
    expectOneLine(r.err, missing, /directory does not exist/);
    expect(existsSync(join(tmp, 'missing'))).toBe(false);

    r = cli([MIX, '-o', tmp]);
    expect(r.code).toBe(2);
    expectOneLine(r.err, tmp, /is a directory/);

    if (existsSync('/dev/full')) {
      r = cli([MIX, '-f', 'json', '-o', '/dev/full']);
      expect(r.code).toBe(2);
      expectOneLine(r.err, '/dev/full', /no space left/);
    }

    r = cli([MIX, '--write-baseline', tmp]);
    expect(r.code).toBe(2);
    expectOneLine(r.err, tmp, /is a directory/);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('the Action: a sarif-file or html-report that cannot be written is one ::error:: line and exit 2', () => {
    const ws = join(tmp, 'ws');
    mkdirSync(join(ws, 'lua'), { recursive: true });
    writeFileSync(join(ws, 'lua', 'a.lua'), 'local x = 1\nreturn x\n');
    writeFileSync(join(ws, 'file'), 'not a directory\n');
    const run = (inputs: Record<string, string>) => {
      let out = '';
      let err = '';
      const env: Record<string, string> = { GITHUB_WORKSPACE: ws };
      for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
      const code = runAction({ env, cwd: ws, stdout: (s) => (out += s), stderr: (s) => (err += s), actionDir: REPO_ROOT, rules: RULES });
      return { code, out, err };
    };
    const cases: Array<Record<string, string>> = [{ 'sarif-file': 'lua' }, { 'sarif-file': 'file/x.sarif' }, { 'html-report': 'file/pools.html' }];
    for (const inputs of cases) {
      const r = run(inputs);
      expect(r.code, JSON.stringify(inputs)).toBe(2);
      const errors = r.out.split('\n').filter((l) => l.startsWith('::error::'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^::error::resty-lint: cannot write \S+(lua|x\.sarif|pools\.html): (it is a directory|a parent of it is not a directory)$/);
      expect(r.err).not.toMatch(/internal error|\n\s+at /);
    }
  });
});

describe('the temporary file of an atomic write', () => {
  it('has an unpredictable name: a file planted at `<target>.<pid>.tmp` is neither written through nor left', () => {
    const dir = join(tmp, 'planted');
    mkdirSync(dir);
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'keep me\n');
    const target = join(dir, 'x.sarif');
    // An attacker who can predict the temporary name links it to a file of the victim's.
    symlinkSync(victim, `${target}.${process.pid}.tmp`);
    writeAtomically(target, 'report\n');
    expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
    expect(readFileSync(target, 'utf8')).toBe('report\n');
    expect(readdirSync(dir).sort()).toEqual(['victim', 'x.sarif', `x.sarif.${process.pid}.tmp`]);
  });
});
