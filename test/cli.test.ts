// The command line as users run it: arguments, formats, exit codes, output files.
import { runCliCaptured } from './support/run-cli.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/cli.ts';
import { VERSION } from '../src/core/version.ts';
import { RULES } from '../rules/index.ts';
import { assertValidSarif, REPO_ROOT, runSarifMultitool } from './support/sarif-validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (args: string[], opts: Partial<CliIo> = {}) => runCliCaptured(args, opts);

const MIX = 'fixtures/lua/classic-mix';
const CLEAN = 'fixtures/lua/distinct-pool-name';

describe('resty-lint CLI', () => {
  it('exits 1 with a text report when a warning is found', () => {
    const r = cli([MIX]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('fixtures/lua/classic-mix/admin.lua\n');
    expect(r.out).toContain('11:1  warning');
    expect(r.out).toContain('    red:close() -- expect: pool-mixed-lifecycle\n    ^~~~~~~~~~~\n');
    expect(r.out).toMatch(/1 problem \(0 errors, 1 warning, 0 notes\) in 2 files analyzed\nexit 1: findings at or above --fail-on warning\n$/);
    expect(r.out).not.toContain('\x1b[');
  });

  it('exits 0 on clean code and says so', () => {
    const r = cli([CLEAN]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/No problems found in 1 file/);
  });

  it('--fail-on decides the exit code', () => {
    expect(cli([MIX, '--fail-on', 'error']).code).toBe(0);
    expect(cli([MIX, '--fail-on=note']).code).toBe(1);
    expect(cli([MIX, '--fail-on', 'none']).code).toBe(0);
    expect(cli(['fixtures/lua/syntax-error-next-to-good', '--fail-on', 'error']).code).toBe(1);
  });

  it('compact format: one problem-matcher line per finding', () => {
    const r = cli([MIX, '-f', 'compact']);
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.out).toMatch(/^fixtures\/lua\/classic-mix\/admin\.lua:11:1: warning \[pool-mixed-lifecycle\] `close\(\)` closes a connection of pool "127\.0\.0\.1:6379", which another path keeps alive\. The keepalive path \(fixtures\/lua\/classic-mix\/cache\.lua:18:3\) returns/);
  });

  it('json format carries locations, related locations and fingerprints', () => {
    const r = cli([MIX, '--format', 'json']);
    const report = JSON.parse(r.out);
    expect(report.summary).toMatchObject({ warning: 1, error: 0, filesAnalyzed: 2 });
    expect(report.findings[0]).toMatchObject({
      ruleId: 'pool-mixed-lifecycle',
      location: { file: 'fixtures/lua/classic-mix/admin.lua', startLine: 11, startColumn: 1 },
      related: [{ id: 1, file: 'fixtures/lua/classic-mix/cache.lua', startLine: 18 }],
    });
    expect(report.findings[0].fingerprint).toMatch(/^[0-9a-f]{16}:1$/);
  });

  it('writes schema-valid SARIF', () => {
    const file = join(tmp, 'out.sarif');
    const r = cli(['fixtures/lua', '--format', 'sarif', '--output', file]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/written to .*out\.sarif; exit 1/);
    const text = readFileSync(file, 'utf8');
    assertValidSarif(text);
    const log = JSON.parse(text);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('resty-lint');
    expect(run.tool.driver.version).toBe(VERSION);
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(RULES.map((x) => x.meta.id));
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'pool-mixed-lifecycle');
    expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'fixtures/lua/aliases-and-dot-calls/handler.lua', uriBaseId: '%SRCROOT%' });
    expect(result.message.text).toContain('[The keepalive path](1)');
    expect(result.relatedLocations[0].id).toBe(1);
    expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:\d+$/);
  });

  it('writes SARIF that the SARIF Multitool accepts with GitHub rules', { tags: ['slow'] }, () => {
    const file = join(tmp, 'multitool.sarif');
    expect(cli(['fixtures/lua', '--format', 'sarif', '--output', file]).code).toBe(1);
    const mt = runSarifMultitool(file);
    expect(mt.errors).toEqual([]);
    expect(mt.warnings).toEqual([]);
  });

  it('gives byte-identical SARIF across runs and path orders', () => {
    const a = cli(['fixtures/lua', '-f', 'sarif']).out;
    const b = cli(['fixtures/lua/wrapper-module', 'fixtures/lua', '-f', 'sarif']).out;
    expect(b).toBe(a);
  });

  it('usage errors exit 2 with a message', () => {
    for (const args of [['--format', 'xml'], ['--fail-on', 'fatal'], ['--bogus'], ['--output']]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^resty-lint: /);
    }
    const missing = cli(['no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file or directory: no/such/dir');
  });

  it('a bad config file exits 2 naming the key', () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, '{ "wrappers": [{ "module": "m", "function": "f", "kind": "aquire" }] }');
    const r = cli([MIX, '--config', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('wrappers[0].kind: expected one of acquire, release-long, release-short, got "aquire"');
  });

  it('config rule levels: off drops a rule, a level replaces the default', () => {
    const off = join(tmp, 'off.json');
    writeFileSync(off, '{ "rules": { "pool-mixed-lifecycle": "off" } }');
    expect(cli([MIX, '--config', off, '-f', 'compact'])).toMatchObject({ code: 0, out: '' });
    const note = join(tmp, 'note.json');
    writeFileSync(note, '{ "rules": { "pool-mixed-lifecycle": "note" } }');
    const r = cli([MIX, '--config', note, '-f', 'compact']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(': note [pool-mixed-lifecycle]');
  });

  it('reads nginx.conf and redis.conf found under the paths', () => {
    const r = cli(['fixtures/projects/code-cache', '-f', 'compact']);
    expect(r.out).toBe(
      'fixtures/projects/code-cache/nginx.conf:7:9: warning [code-cache-off] lua_code_cache off: no pooled connection is ever reused, as every request gets a fresh Lua VM. Connection pools and module-level caches are thrown away after each request, so set_keepalive() never leads to a reused connection (measured: 2000 requests, 2000 connections, 0 reused). Remove the directive (the default is on) outside local development.\n',
    );
  });

  it('github format: one annotation per finding, then nothing else', () => {
    const r = cli([MIX, '-f', 'github']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^::warning file=fixtures\/lua\/classic-mix\/admin\.lua,line=11,endLine=11,col=1,endColumn=11,title=resty-lint \(pool-mixed-lifecycle\)::`close\(\)` closes a connection of pool "127\.0\.0\.1:6379", which another path keeps alive\. The keepalive path \(fixtures\/lua\/classic-mix\/cache\.lua:18:3\) returns[^\n]*99%25 -> 0%25[^\n]*\n$/,
    );
    const errors = cli(['fixtures/lua/syntax-error-next-to-good', '--format=github']);
    expect(errors.out).toMatch(/^::error file=fixtures\/lua\/syntax-error-next-to-good\/broken\.lua,line=\d+,.*title=resty-lint \(syntax-error\)::/);
    expect(cli([CLEAN, '-f', 'github'])).toMatchObject({ code: 0, out: '' });
  });

  it('--report-only: analyzes every path, reports findings in (or pointing into) the given files', () => {
    // admin.lua alone has no conflict: the keepalive side is in cache.lua.
    expect(cli([`${MIX}/admin.lua`, '-f', 'compact'])).toMatchObject({ code: 0, out: '' });
    const primary = cli([MIX, '--report-only', `${MIX}/admin.lua`, '-f', 'compact']);
    expect(primary.code).toBe(1);
    expect(primary.out).toMatch(/^fixtures\/lua\/classic-mix\/admin\.lua:11:1: warning \[pool-mixed-lifecycle\]/);
    // cache.lua holds the related location (the other side of the conflict).
    expect(cli([MIX, '--report-only', `${MIX}/cache.lua`, '-f', 'compact']).out).toBe(primary.out);
    // Normalized relative to cwd: ./, .., absolute paths; repeatable.
    expect(cli([MIX, '--report-only', `./${MIX}/../classic-mix/admin.lua`, '-f', 'compact']).out).toBe(primary.out);
    expect(cli([MIX, `--report-only=${join(REPO_ROOT, MIX, 'admin.lua')}`, '-f', 'compact']).out).toBe(primary.out);
    expect(cli(['fixtures/lua', '--report-only', `${CLEAN}/x.lua`, '--report-only', 'no/such.lua', '-f', 'compact'])).toMatchObject({ code: 0, out: '' });
    // Only the reported findings count: in the exit code and in the text summary.
    const text = cli(['fixtures/lua', '--report-only', `${MIX}/admin.lua`]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/1 problem \(0 errors, 1 warning, 0 notes\) in \d+ files analyzed/);
    expect(cli(['--report-only']).code).toBe(2);
  });

  it('--pre-commit: the non-option arguments are the files to report on; the current directory is analyzed', () => {
    const cwd = join(REPO_ROOT, MIX);
    const r = cli(['--pre-commit', '-f', 'compact', 'admin.lua'], { cwd });
    expect(r.code).toBe(1);
    // Paths are relative to the project root (the git root), whatever the working directory.
    expect(r.out).toMatch(/^fixtures\/lua\/classic-mix\/admin\.lua:11:1: warning \[pool-mixed-lifecycle\] .*\(fixtures\/lua\/classic-mix\/cache\.lua:18:3\)/);
    expect(cli(['--pre-commit', '-f', 'compact', 'cache.lua'], { cwd }).out).toBe(r.out);
    // pre-commit puts hook `args` before the file names: options may come first, files last.
    expect(cli(['--pre-commit', '--fail-on', 'error', 'admin.lua', 'cache.lua'], { cwd }).code).toBe(0);
    expect(cli(['--pre-commit'], { cwd })).toMatchObject({ code: 0 });
    expect(cli(['--pre-commit', '-f', 'compact', 'other.lua'], { cwd })).toMatchObject({ code: 0, out: '' });
  });

  it('--write-baseline then --baseline: recorded findings go quiet, and SARIF keeps them as suppressions', () => {
    const file = join(tmp, 'baseline.json');
    const write = cli([MIX, '--write-baseline', file]);
    expect(write.code).toBe(0);
    expect(write.err).toContain('1 finding(s) recorded');
    expect(JSON.parse(readFileSync(file, 'utf8')).findings).toHaveLength(1);
    expect(cli([MIX, '--baseline', file, '-f', 'compact'])).toMatchObject({ code: 0, out: '' });
    const sarif = JSON.parse(cli([MIX, '--baseline', file, '-f', 'sarif']).out);
    expect(sarif.runs[0].results.map((r: { suppressions?: unknown }) => r.suppressions)).toEqual([[{ kind: 'external', justification: 'in the baseline' }]]);
    writeFileSync(join(tmp, 'not-a-baseline.json'), '[]');
    expect(cli([MIX, '--baseline', join(tmp, 'not-a-baseline.json')]).code).toBe(2);
  });

  it('writes inline suppressions to SARIF and leaves them out of the other formats', () => {
    const dir = 'fixtures/projects/suppressions';
    const sarif = JSON.parse(cli([dir, '-f', 'sarif']).out);
    expect(sarif.runs[0].results.filter((r: { suppressions?: unknown }) => r.suppressions)).toHaveLength(4);
    expect(cli([dir, '-f', 'compact']).out.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('--cache DIR stores per-file facts and gives the same report from them', () => {
    const dir = join(tmp, 'cache');
    const cold = cli(['fixtures/lua', '-f', 'json', '--cache', dir]);
    const entries = readdirSync(join(dir, readdirSync(dir)[0]));
    expect(entries.length).toBeGreaterThan(0);
    const warm = cli(['fixtures/lua', '-f', 'json', '--cache', dir]);
    expect(warm.out).toBe(cold.out);
    expect(cli(['fixtures/lua', '-f', 'json', '--no-cache']).out).toBe(cold.out);
  });

  it('prints help and version', () => {
    expect(cli(['--help']).out).toContain('Exit codes: 0');
    expect(cli(['--version']).out).toBe(`${VERSION}\n`);
  });

  it('colors only when asked or on a TTY without NO_COLOR', () => {
    expect(cli([MIX], { isTTY: true }).out).toContain('\x1b[');
    expect(cli([MIX], { isTTY: true, env: { NO_COLOR: '1' } }).out).not.toContain('\x1b[');
    expect(cli([MIX, '--no-color'], { isTTY: true }).out).not.toContain('\x1b[');
    expect(cli([MIX, '--color']).out).toContain('\x1b[');
  });

  it('skips node_modules, .git and .gitignored paths', () => {
    const project = join(tmp, 'project');
    const bad = 'local redis = require "resty.redis"\nlocal r = redis:new()\nr:connect("h", 1)\nr:set_keepalive()\nlocal q = redis:new()\nq:connect("h", 1)\nq:close()\n';
    for (const dir of ['node_modules/x', '.git/y', 'build', 'src']) mkdirSync(join(project, dir), { recursive: true });
    writeFileSync(join(project, 'node_modules/x/a.lua'), bad);
    writeFileSync(join(project, '.git/y/a.lua'), bad);
    writeFileSync(join(project, 'build/a.lua'), bad);
    writeFileSync(join(project, 'src/ok.lua'), 'return 1\n');
    writeFileSync(join(project, '.gitignore'), '# generated\nbuild/\n');
    const r = cli(['-f', 'json'], { cwd: project });
    expect(JSON.parse(r.out).summary.filesAnalyzed).toBe(1);
    expect(r.code).toBe(0);
    writeFileSync(join(project, 'src/bad.lua'), bad);
    expect(cli(['-f', 'compact'], { cwd: project }).out).toMatch(/^src\/bad\.lua:7:1: warning \[pool-mixed-lifecycle\]/);
  });
});

describe('--output', () => {
  it('writes through a non-regular target (a null device) instead of replacing it', () => {
    // A private null device node, so a regression can never replace the system's /dev/null.
    const device = join(tmp, 'null');
    const made = spawnSync('mknod', [device, 'c', '1', '3']);
    const target = made.status === 0 ? device : '/dev/null';
    const before = statSync(target);
    expect(cli([MIX, '-f', 'json', '-o', target]).code).toBe(1);
    const after = statSync(target);
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.ino).toBe(before.ino);
  });
});
