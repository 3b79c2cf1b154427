// Issue 14 item 1: an nginx.conf in the scanned tree that includes files outside it (`/proc/self/environ`,
// `../../../etc/hostname`, a symbolic link leading out) never gets those files read, and no byte of them reaches
// any report: the CLI's formats (text code frames, json, sarif, github, compact), the pools report, and the
// GitHub Action's log, outputs, SARIF and step summary. Runs the bundles (bin/ and dist/action.cjs) as users do,
// with a secret in the environment so that /proc/self/environ of the process holds it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/sarif-validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-outside-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ENV_SECRET = 'envSecret_7f3a9c2e1b';
const FILE_SECRET = 'fileSecret_d41d8cd98f';
const LUA_SECRET = 'luaSecret_0cc175b9c0';
const SECRETS = [ENV_SECRET, FILE_SECRET, LUA_SECRET];

/** tmp/outside holds the secrets; tmp/ws is the scanned tree (the workspace), with a real finding of its own. */
function tree(): string {
  const outside = join(tmp, 'outside');
  const ws = join(tmp, 'ws');
  mkdirSync(outside, { recursive: true });
  mkdirSync(join(ws, 'conf'), { recursive: true });
  mkdirSync(join(ws, 'lua'), { recursive: true });
  writeFileSync(join(outside, 'secret.conf'), `${FILE_SECRET};\nserver { listen 80; }\n`);
  writeFileSync(join(outside, 'x.lua'), `-- ${LUA_SECRET}\nlocal redis = require "resty.redis"\nlocal r = redis:new()\nr:connect("h", 1)\nr:close() -- ${LUA_SECRET}\n`);
  writeFileSync(join(outside, 'secret_mod.lua'), `-- ${LUA_SECRET}\nlocal redis = require "resty.redis"\nreturn function() local r = redis:new(); r:connect("h", 1); r:close() end -- ${LUA_SECRET}\n`);
  symlinkSync(join(outside, 'secret.conf'), join(ws, 'conf', 'link.conf'));
  const up = relative(join(ws, 'conf'), '/');
  writeFileSync(
    join(ws, 'conf', 'nginx.conf'),
    [
      'events {}',
      'http {',
      `  lua_package_path "../outside/?.lua;${outside}/?.lua;;";`,
      '  include /proc/self/environ;',
      `  include ${up}/etc/hostname;`,
      '  include ../../outside/secret.conf;',
      `  include ${join(outside, 'secret.conf')};`,
      '  include link.conf;',
      '  server {',
      '    location / { content_by_lua_file lua/a.lua; }',
      '    location /x { content_by_lua_file ../outside/x.lua; }',
      `    location /y { content_by_lua_file ${join(outside, 'x.lua')}; }`,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(ws, 'lua', 'a.lua'),
    'local redis = require "resty.redis"\nlocal m = require "secret_mod"\nlocal r = redis:new()\nr:connect("h", 1)\nr:set_keepalive()\nlocal q = redis:new()\nq:connect("h", 1)\nq:close()\n',
  );
  return ws;
}

const ws = tree();
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmp, RESTY_LINT_TEST_SECRET: ENV_SECRET };

function cli(args: string[]): { status: number | null; all: string } {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/resty-lint.cjs'), ...args], { cwd: ws, env, encoding: 'utf8' });
  return { status: r.status, all: r.stdout + r.stderr };
}

function expectNoSecret(text: string): void {
  for (const s of SECRETS) expect(text).not.toContain(s);
}

describe('includes outside the scanned tree are never read nor quoted', () => {
  it('the outside content is really there to leak (the test would see it)', () => {
    expect(readFileSync('/proc/self/environ', 'latin1').length).toBeGreaterThan(0);
    const r = spawnSync('cat', ['/proc/self/environ'], { env, encoding: 'latin1' });
    expect(r.stdout).toContain(ENV_SECRET);
  });

  it.each(['text', 'json', 'sarif', 'github', 'compact'])('CLI -f %s: unresolved-include notes, no outside byte', (format) => {
    const r = cli(['.', '-f', format]);
    expectNoSecret(r.all);
    expect(r.status, r.all).toBe(1); // lua/a.lua's own finding
    expect(r.all).toContain('unresolved-include');
    expect(r.all).toContain('/proc/self/environ');
  });

  it('text: the code frames quote only the including line of the tree file', () => {
    const r = cli(['.']);
    expectNoSecret(r.all);
    for (const path of ['/proc/self/environ', '../../outside/secret.conf', 'link.conf']) {
      expect(r.all).toContain(`The included path "${path}" is outside the scanned tree and was not read`);
      expect(r.all).toContain(`      include ${path};\n`);
    }
    expect(r.all).toMatch(/conf\/nginx\.conf:?\n/);
    expect(r.all).not.toMatch(/outside\/(x|secret_mod)\.lua/);
  });

  it.each(['text', 'json', 'html'])('pools -f %s: no outside byte', (format) => {
    const out = join(tmp, `pools.${format}`);
    const r = cli(['pools', '.', '-f', format, '-o', out]);
    expect(r.status, r.all).not.toBe(2);
    expectNoSecret(r.all + readFileSync(out, 'utf8'));
  });

  it('the GitHub Action: log, outputs, SARIF, step summary and pools report hold no outside byte', () => {
    const runner = join(tmp, 'runner');
    mkdirSync(runner, { recursive: true });
    const files = ['output', 'summary'].map((f) => join(runner, f));
    for (const f of files) writeFileSync(f, '');
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/action.cjs')], {
      cwd: ws,
      env: {
        ...env,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: ws,
        GITHUB_OUTPUT: files[0],
        GITHUB_STEP_SUMMARY: files[1],
        'INPUT_SARIF-FILE': join(runner, 'out.sarif'),
        'INPUT_HTML-REPORT': join(runner, 'pools.html'),
      },
      encoding: 'utf8',
    });
    const written = [...files, join(runner, 'out.sarif'), join(runner, 'pools.html')].map((f) => readFileSync(f, 'utf8'));
    expectNoSecret([r.stdout, r.stderr, ...written].join('\n'));
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^::notice file=conf\/nginx\.conf,line=4,.*unresolved-include/m);
  });
});
