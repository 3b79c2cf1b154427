// Issue 14 item 7: a redis.conf applies to the pools of its own project (docs/semantics.md §6), not to every
// pool on its port in the repository; and a keepalive site over the timeouts of two redis.conf files is one
// finding, listed once in the pools report. Through the CLI (runCli), on fixtures/monorepo-redis.
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.ts';
import { RULES } from '../rules/index.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const DIR = 'fixtures/monorepo-redis';
const RULE = 'keepalive-exceeds-server-timeout';

function json(args: string[]): any {
  let out = '';
  const code = runCli([...args, '-f', 'json'], { cwd: REPO_ROOT, stdout: (s) => (out += s), stderr: () => {}, isTTY: false, env: {}, rules: RULES });
  expect(code).not.toBe(2);
  return JSON.parse(out);
}

describe('redis.conf scope', () => {
  it("applies shop's redis.conf files to shop's pools only, once per keepalive site", () => {
    const findings = json([DIR, '--no-cache']).findings.filter((f: { ruleId: string }) => f.ruleId === RULE);
    expect(findings.map((f: { location: { file: string; startLine: number } }) => `${f.location.file}:${f.location.startLine}`)).toEqual([`${DIR}/shop/lua/cart.lua:5`]);
    expect(findings[0].message).toContain('closes clients idle for 5 s');
    expect(findings[0].related.map((r: { file: string; message: string }) => `${r.file} ${r.message}`)).toEqual([`${DIR}/shop/redis.conf timeout 5`, `${DIR}/shop/redis-staging.conf timeout 60`]);
  });

  it('the pools report lists each finding once', () => {
    const inventory = json(['pools', DIR]);
    const pool = inventory.pools.find((p: { key: string }) => p.key === '127.0.0.1:6379');
    const listed = pool.findings.map((f: { ruleId: string; file: string; line: number; column: number }) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`);
    expect(listed).toEqual([`${RULE} ${DIR}/shop/lua/cart.lua:5:1`]);
  });
});

describe('redis.conf scope in the pools capacity rows', () => {
  it("counts only the pools the redis.conf's own project uses", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const root = mkdtempSync(join(tmpdir(), 'resty-lint-redis-rows-'));
    const files: Record<string, string> = {
      'shop/lua/cart.lua': 'local red = require("resty.redis"):new()\nred:connect("127.0.0.1", 6379)\nred:set_keepalive(1000, 100)\n',
      'shop/redis.conf': 'port 6379\nmaxclients 1000\n',
      'blog/lua/posts.lua': 'local red = require("resty.redis"):new()\nred:connect("localhost", 6379)\nred:set_keepalive(1000, 50)\n',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    try {
      let out = '';
      runCli(['pools', '.', '-f', 'json'], { cwd: root, stdout: (s) => (out += s), stderr: () => {}, isTTY: false, env: {}, rules: RULES });
      const row = JSON.parse(out).redis.find((r: { file: string }) => r.file === 'shop/redis.conf');
      // blog's localhost:6379 pool is on the same port but not shop's: it is not counted against shop's Redis.
      expect({ servers: row.servers, perWorker: row.perWorker }).toEqual({ servers: ['127.0.0.1:6379'], perWorker: 100 });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
