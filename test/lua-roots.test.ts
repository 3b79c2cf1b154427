// luaRoots (config file): `require` names resolve under the declared roots first, as lua_package_path would
// make them, before the analyzer's fallback (any directory is a root, shortest path wins).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeProject, linkedModel } from '../src/project/run-project.ts';
import { RULES } from '../rules/index.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-roots-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Two files answer `require "store"`: tools/store.lua (shorter, a decoy that closes) and app/lua/store.lua
// (the module nginx loads, which pools). The handler uses the module's client and closes it.
const FILES: Record<string, string> = {
  'tools/store.lua': 'local _M = {}\nfunction _M.release(red) red:close() end\nreturn _M\n',
  'app/lua/store.lua': 'local _M = {}\nfunction _M.release(red) red:set_keepalive(10000, 100) end\nreturn _M\n',
  'app/lua/handler.lua': [
    'local redis = require "resty.redis"',
    'local store = require "store"',
    'local red = redis:new()',
    'red:connect("127.0.0.1", 6379)',
    'store.release(red)',
    'local other = redis:new()',
    'other:connect("127.0.0.1", 6379)',
    'other:close()',
    '',
  ].join('\n'),
};

function project(config?: object): string {
  const dir = mkdtempSync(join(tmp, 'p-'));
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  if (config) writeFileSync(join(dir, '.resty-lint.json'), JSON.stringify(config));
  return dir;
}

function run(dir: string) {
  const result = analyzeProject(dir, { paths: ['.'], nginxConf: [], cache: false, rules: RULES, needModel: true });
  const handler = linkedModel(result).units.find((u) => u.path === 'app/lua/handler.lua');
  return { requires: handler?.requires, mixed: result.findings.filter((f) => f.ruleId === 'pool-mixed-lifecycle').map((f) => f.location.startLine) };
}

describe('luaRoots', () => {
  it('without it, the shortest path that ends in the module name wins', () => {
    const r = run(project());
    expect(r.requires).toEqual(['tools/store.lua']);
    // store.release closes: no path of this pool pools, so nothing is mixed.
    expect(r.mixed).toEqual([]);
  });

  it('with it, the module under the declared root is the one required', () => {
    const r = run(project({ luaRoots: ['app/lua'] }));
    expect(r.requires).toEqual(['app/lua/store.lua']);
    // store.release pools: the handler's close() of the same pool is reported.
    expect(r.mixed).toEqual([8]);
  });

  it('roots are tried in order and fall back to the suffix match', () => {
    expect(run(project({ luaRoots: ['missing', 'app/lua'] })).requires).toEqual(['app/lua/store.lua']);
    expect(run(project({ luaRoots: ['missing'] })).requires).toEqual(['tools/store.lua']);
  });
});
