// .pre-commit-hooks.yaml with the real pre-commit (Debian package `pre-commit`): a throwaway git repo whose
// .pre-commit-config.yaml uses a snapshot of this working tree as the hook repository, then `git commit`.
//
// pre-commit installs a `language: node` hook repo with `npm install` (all dependencies, dev ones included),
// `npm pack` and `npm install -g <tarball>`, so the npm packages must be reachable: the npm cache is used
// first (prefer-offline). Outside CI, a missing pre-commit or an unreachable registry skips with a warning;
// under CI=true both fail.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/sarif-validate.ts';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-precommit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'resty-lint test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'resty-lint test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...GIT_ENV,
  PRE_COMMIT_HOME: join(tmp, 'pre-commit-home'),
  PRE_COMMIT_COLOR: 'never',
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
}

function git(cwd: string, ...args: string[]): string {
  const r = run('git', args, cwd);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** The working tree as it is now (tracked and untracked files, minus .gitignore'd ones), committed to a
 *  fresh repository: pre-commit clones hook repos at a commit, and this tree may be ahead of HEAD. */
function snapshotHookRepo(): { path: string; rev: string } {
  const dir = join(tmp, 'hook-repo');
  const files = git(REPO_ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    try {
      cpSync(join(REPO_ROOT, f), join(dir, f));
    } catch {
      // listed but deleted in the working tree
    }
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--no-verify', '-m', 'snapshot');
  return { path: dir, rev: git(dir, 'rev-parse', 'HEAD') };
}

const BAD_CLOSE = `local redis = require "resty.redis"
local red = redis:new()
local ok, err = red:connect("127.0.0.1", 6379)
if not ok then return end
red:flushdb()
red:close()
`;
const KEEPALIVE = `local redis = require "resty.redis"
local _M = {}
function _M.get(key)
  local red = redis:new()
  local ok, err = red:connect("127.0.0.1", 6379)
  if not ok then return nil, err end
  local res = red:get(key)
  red:set_keepalive(10000, 100)
  return res
end
return _M
`;

let skipReason: string | undefined;
let consumer = '';

beforeAll(() => {
  const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    skipReason = 'pre-commit is not installed (Debian package `pre-commit`; scripts/install-system-deps.sh installs it)';
    return;
  }
  const hook = snapshotHookRepo();
  consumer = join(tmp, 'consumer');
  mkdirSync(consumer);
  git(consumer, 'init', '-q');
  writeFileSync(
    join(consumer, '.pre-commit-config.yaml'),
    `repos:\n  - repo: ${hook.path}\n    rev: ${hook.rev}\n    hooks:\n      - id: resty-lint\n`,
  );
  git(consumer, 'add', '.pre-commit-config.yaml');
  git(consumer, 'commit', '-q', '--no-verify', '-m', 'config');
  const install = run('pre-commit', ['install-hooks'], consumer);
  if (install.status !== 0) {
    const output = `${install.stdout}\n${install.stderr}`;
    if (/ENOTFOUND|EAI_AGAIN|ENOTCACHED|ECONNREFUSED|ETIMEDOUT|ENETUNREACH/.test(output)) {
      skipReason = `pre-commit could not install the hook: the npm registry is unreachable and the npm cache lacks packages\n${output}`;
      return;
    }
    throw new Error(`pre-commit install-hooks failed:\n${output}`);
  }
  const hooks = run('pre-commit', ['install'], consumer);
  if (hooks.status !== 0) throw new Error(`pre-commit install failed:\n${hooks.stdout}${hooks.stderr}`);
}, 600_000);

function skipIfUnavailable(ctx: { skip: (note?: string) => void }): void {
  if (skipReason === undefined) return;
  if (CI) throw new Error(`CI=true, and ${skipReason}`);
  console.warn(`SKIPPED test/precommit: ${skipReason}`);
  ctx.skip(skipReason);
}

describe('pre-commit hook resty-lint', () => {
  it('lets a clean staged file through', (ctx) => {
    skipIfUnavailable(ctx);
    writeFileSync(join(consumer, 'cache.lua'), KEEPALIVE);
    git(consumer, 'add', 'cache.lua');
    const r = run('git', ['commit', '-m', 'keepalive helper'], consumer);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/resty-lint\.+Passed/);
  });

  it('blocks a commit whose staged file conflicts with an unchanged module, showing the finding', (ctx) => {
    skipIfUnavailable(ctx);
    writeFileSync(join(consumer, 'admin.lua'), BAD_CLOSE);
    git(consumer, 'add', 'admin.lua');
    const r = run('git', ['commit', '-m', 'purge'], consumer);
    const output = r.stdout + r.stderr;
    expect(r.status, output).not.toBe(0);
    expect(output).toMatch(/resty-lint\.+Failed/);
    expect(output).toContain('admin.lua\n  6:1  warning  `close()` closes a connection of pool "127.0.0.1:6379", which another path keeps alive.  pool-mixed-lifecycle\n');
    expect(output).toContain('The keepalive path (cache.lua:8:3)');
    expect(git(consumer, 'log', '--format=%s')).toBe('keepalive helper\nconfig');
  });

  it('reports only the staged files: a finding elsewhere in the tree does not block', (ctx) => {
    skipIfUnavailable(ctx);
    git(consumer, 'reset', '-q', 'admin.lua'); // admin.lua stays in the tree, unstaged (untracked)
    writeFileSync(join(consumer, 'other.lua'), 'local M = {}\nreturn M\n');
    writeFileSync(join(consumer, 'nginx.conf'), 'events {}\nhttp { server { listen 8080; } }\n');
    git(consumer, 'add', 'other.lua', 'nginx.conf');
    const r = run('git', ['commit', '-m', 'other'], consumer);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    // Both staged files matched `files:` and were passed to the hook.
    expect(r.stdout + r.stderr).toMatch(/resty-lint\.+Passed/);
  });
});
