// Issue 17: `resty-lint --fix` writes the mechanical fixes, and SARIF carries the same edits as `fixes`.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/run-cli.ts';
import { assertValidSarif, REPO_ROOT } from '../support/sarif-validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-fix-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const json = (dir: string) => JSON.parse(runCliCaptured(['-f', 'json', '--no-cache', '--fail-on', 'none', '.'], { cwd: dir }).out);

describe('resty-lint --fix', () => {
  it('fixes the bundled example: no pool-mixed-lifecycle left, and the project still parses', () => {
    const dir = join(tmp, 'example');
    cpSync(join(REPO_ROOT, 'examples/mixed-pool'), dir, { recursive: true });
    const before = json(dir).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(before).toContain('pool-mixed-lifecycle');
    const run = runCliCaptured(['--fix', '--no-cache', '.'], { cwd: dir });
    expect(run.err).toMatch(/1 fix\(es\) applied in 1 file\(s\): users\.lua/);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'users.lua'), 'utf8')).toMatch(/^ {2}red:set_keepalive\(60000, 50\) -- closes/m);
    const after = json(dir).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(after).not.toContain('pool-mixed-lifecycle');
    expect(after).not.toContain('syntax-error');
  });

  it('bounds set_keepalive(0, n) and leaves a close() with no knowable keepalive arguments alone', () => {
    const dir = mkdtempSync(join(tmp, 'p-'));
    const unknown = [
      'local redis = require "resty.redis"',
      'local conf = require "conf"',
      'local function a() local r = redis:new(); r:connect("10.0.0.9", 6379); r:set_keepalive(conf.idle, conf.size) end',
      'local function b() local r = redis:new(); r:connect("10.0.0.9", 6379); r:close() end',
      'local function c() local r = redis:new(); r:connect("10.0.0.7", 6379); r:set_keepalive(0, 20) end',
      'return { a = a, b = b, c = c }',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'm.lua'), unknown);
    const ids = json(dir).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['pool-mixed-lifecycle', 'keepalive-unbounded-idle']));
    const run = runCliCaptured(['--fix', '--no-cache', '--fail-on', 'none', '.'], { cwd: dir });
    expect(run.err).toMatch(/1 fix\(es\) applied in 1 file\(s\): m\.lua/);
    const text = readFileSync(join(dir, 'm.lua'), 'utf8');
    expect(text).toContain('r:set_keepalive(10000, 20)');
    expect(text).toContain('r:close() end');
  });

  it('offers no fix for a close() whose connection carries session state the pool would hand on', () => {
    const dir = mkdtempSync(join(tmp, 'session-'));
    const code = [
      'local redis = require "resty.redis"',
      'local function a() local r = redis:new(); r:connect("10.0.0.9", 6379); r:get("k"); r:set_keepalive(10000, 20) end',
      'local function b() local r = redis:new(); r:connect("10.0.0.9", 6379); r:select(3); r:flushdb(); r:close() end',
      'local function c() local r = redis:new(); r:connect("10.0.0.9", 6379); r:multi(); r:set("a", 1); r:close() end',
      'local function d() local r = redis:new(); r:connect("10.0.0.9", 6379); r:del("x"); r:close() end',
      'return { a = a, b = b, c = c, d = d }',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'm.lua'), code);
    const mixed = json(dir).findings.filter((f: { ruleId: string }) => f.ruleId === 'pool-mixed-lifecycle');
    expect(mixed.map((f: { location: { startLine: number } }) => f.location.startLine)).toEqual([3, 4, 5]);
    const run = runCliCaptured(['--fix', '--no-cache', '--fail-on', 'none', '.'], { cwd: dir });
    expect(run.err).toMatch(/1 fix\(es\) applied in 1 file\(s\): m\.lua/);
    const lines = readFileSync(join(dir, 'm.lua'), 'utf8').split('\n');
    expect(lines[2]).toMatch(/r:flushdb\(\); r:close\(\) end$/);
    expect(lines[3]).toMatch(/r:set\("a", 1\); r:close\(\) end$/);
    expect(lines[4]).toMatch(/r:del\("x"\); r:set_keepalive\(10000, 20\) end$/);
  });

  it('leaves a file that is not valid UTF-8 alone, and says so', () => {
    const dir = mkdtempSync(join(tmp, 'latin1-'));
    const bytes = Buffer.concat([Buffer.from('-- caf'), Buffer.from([0xe9]), Buffer.from('\nlocal redis = require "resty.redis"\nlocal r = redis:new()\nr:connect("10.0.0.7", 6379)\nr:set_keepalive(0, 20)\n')]);
    writeFileSync(join(dir, 'k.lua'), bytes);
    const run = runCliCaptured(['--fix', '--no-cache', '--fail-on', 'none', '.'], { cwd: dir });
    expect(run.err).toMatch(/0 fix\(es\) applied in 0 file\(s\)\nresty-lint: warning: --fix left 1 file\(s\) alone, not valid UTF-8: k\.lua/);
    expect(readFileSync(join(dir, 'k.lua')).equals(bytes)).toBe(true);
  });

  it('writes the same edits as SARIF fixes, in a valid log', () => {
    const run = runCliCaptured(['examples/mixed-pool', '-f', 'sarif', '--no-cache']);
    assertValidSarif(run.out);
    const results = JSON.parse(run.out).runs[0].results;
    const mixed = results.find((r: { ruleId: string }) => r.ruleId === 'pool-mixed-lifecycle');
    expect(mixed.fixes).toEqual([
      {
        description: { text: 'Return the connection to the pool: set_keepalive(60000, 50), as the keepalive path does' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'examples/mixed-pool/users.lua', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 22, startColumn: 7, endLine: 22, endColumn: 14 }, insertedContent: { text: 'set_keepalive(60000, 50)' } }],
          },
        ],
      },
    ]);
  });
});
