// The language server's workspace (src/project/workspace.ts) between edits: facts stay in memory, and files whose
// size and mtime did not change are neither read nor hashed again (its snapshot lives in memory too); a file
// changed on disk and an open buffer's text are analyzed as they are now.
import fs, { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/project/workspace.ts';
import { RULES } from '../../rules/index.ts';
import { luaReadsDuring } from '../support/lua-reads.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-workspace-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CLIENT = 'local redis = require "resty.redis"\nlocal red = redis:new()\nassert(red:connect("127.0.0.1", 6379))\n';
const HOUR_AGO = Date.now() / 1000 - 3600;

describe('a workspace between analyses', () => {
  it('does not read unchanged files again, and sees a changed file and a buffer', () => {
    const dir = join(tmp, 'ws');
    fs.mkdirSync(dir);
    const files: Record<string, string> = {
      'users.lua': `${CLIENT}red:get("k")\nred:set_keepalive(10000, 100)\n`,
      'admin.lua': `${CLIENT}red:del("k")\nred:set_keepalive(10000, 100)\n`,
      'plain.lua': 'local M = {}\nfunction M.add(a, b) return a + b end\nreturn M\n',
    };
    for (const [f, text] of Object.entries(files)) {
      writeFileSync(join(dir, f), text);
      utimesSync(join(dir, f), HOUR_AGO, HOUR_AGO);
    }
    const ws = new Workspace(dir, RULES);
    const first = luaReadsDuring(dir, () => expect(ws.analyze().run.findings.filter((x) => x.ruleId === 'pool-mixed-lifecycle')).toEqual([]));
    expect(first).toEqual(['admin.lua', 'plain.lua', 'users.lua']);
    // Nothing changed: nothing is parsed, and a file no model location points into is not even read (the files
    // with clients are, to place their connect and keepalive sites).
    let again: ReturnType<Workspace['analyze']> | undefined;
    expect(luaReadsDuring(dir, () => (again = ws.analyze()))).not.toContain('plain.lua');
    expect(again!.parsed).toBe(0);
    // admin.lua changed on disk (new size and mtime): read again, and its close() mixes the pool.
    writeFileSync(join(dir, 'admin.lua'), files['admin.lua'].replace('red:set_keepalive(10000, 100)', 'red:close()'));
    utimesSync(join(dir, 'admin.lua'), HOUR_AGO + 60, HOUR_AGO + 60);
    let findings: string[] = [];
    const reads = luaReadsDuring(dir, () => (findings = ws.analyze().run.findings.map((x) => `${x.ruleId} ${x.location.file}`)));
    expect(reads).toContain('admin.lua');
    expect(reads).not.toContain('plain.lua');
    expect(findings).toContain('pool-mixed-lifecycle admin.lua');
    // An open buffer counts as it is, whatever the file on disk says.
    ws.setBuffer(join(dir, 'admin.lua'), files['admin.lua']);
    expect(ws.analyze().run.findings.filter((x) => x.ruleId === 'pool-mixed-lifecycle')).toEqual([]);
  });
});
