// Issue 14 (Also): `resty-lint conf/nginx.conf` analyzes what the configuration loads: its *_by_lua_file scripts,
// the modules under its lua_package_path that the project holds, and its includes; not the unrelated Lua.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeProject } from '../../src/project/run-project.ts';
import { RULES } from '../../rules/index.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-conf-arg-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('an nginx configuration as the path argument', () => {
  it('brings the Lua it loads, and its includes', () => {
    const dir = join(tmp, 'app');
    for (const d of ['conf', 'handlers', 'lua/store', 'other']) mkdirSync(join(dir, d), { recursive: true });
    writeFileSync(join(dir, '.resty-lint.json'), '{}');
    writeFileSync(
      join(dir, 'conf', 'nginx.conf'),
      'events {}\nhttp {\n  lua_package_path "/srv/app/lua/?.lua;;";\n  include site.conf;\n}\n',
    );
    writeFileSync(join(dir, 'conf', 'site.conf'), 'server {\n  location / { content_by_lua_file /srv/app/handlers/main.lua; }\n}\n');
    writeFileSync(join(dir, 'handlers', 'main.lua'), 'local store = require "store.redis"\nstore.get()\n');
    writeFileSync(join(dir, 'lua', 'store', 'redis.lua'), 'local M = {}\nfunction M.get() end\nreturn M\n');
    writeFileSync(join(dir, 'other', 'unrelated.lua'), 'return 1\n');
    const run = analyzeProject(dir, { paths: ['conf/nginx.conf'], nginxConf: [], cache: false, rules: RULES });
    expect([...run.sources.keys()].sort()).toEqual(['conf/nginx.conf', 'conf/site.conf', 'handlers/main.lua', 'lua/store/redis.lua']);
    expect(run.filesAnalyzed).toBe(4);
  });
});
