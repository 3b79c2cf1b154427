// The facts keep the fields of the tables the link can reach, and only those (src/analysis/compact-facts.ts):
// a table is read through a value that names it somewhere in the facts, or as the table a function was defined
// on. A table built only to be handed to a library (`cjson.encode({ error = err })`) keeps its slot, emptied.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LUA_SYNTAX } from '../src/lua/parse-lua.ts';
import { FactsCache } from '../src/project/facts-cache.ts';
import { factsJob } from '../src/project/facts-job.ts';
import type { FileFacts } from '../src/analysis/file-facts.ts';
import { isCachedFactsValue } from '../src/analysis/validate-facts.ts';
import { METATABLE_KEY } from '../src/analysis/sym-value.ts';

function factsOf(code: string): FileFacts {
  const r = factsJob(Buffer.from(code), DEFAULT_LUA_SYNTAX);
  if (!('facts' in r)) throw new Error(JSON.stringify(r));
  return r.facts;
}

/** The field names of each table, in id order ('' for an emptied one). */
const tableKeys = (f: FileFacts) => f.tables.map((t) => Object.keys(t).sort().join(','));

describe('tables in the facts', () => {
  it('keeps the module table, an option table and the tables in its fields; empties a payload table', () => {
    const f = factsOf(`
local redis = require "resty.redis"
local cjson = require "cjson"
local conf = { host = "127.0.0.1", port = 6379 }
local opts = { pool = "p", pool_size = 10, ssl = { verify = true } }
local _M = { version = "1" }
function _M.get(key)
  local red = redis:new()
  local ok, err = red:connect(conf.host, conf.port, opts)
  if not ok then
    ngx.say(cjson.encode({ error = err, where = "connect" }))
    return
  end
  red:set_keepalive(10000, 10)
end
return _M
`);
    // conf's fields were read where they are used (the connect event holds "127.0.0.1" and 6379): nothing
    // names conf itself.
    expect(tableKeys(f)).toEqual(['', 'pool,pool_size,ssl', 'verify', 'get,version', '']);
  });

  it('keeps a local table a function is defined on, though nothing else names it', () => {
    const f = factsOf('local helpers = {}\nfunction helpers.close(red)\n  red:close()\nend\nlocal unused = { a = 1 }\n');
    expect(tableKeys(f)).toEqual(['close', '']);
  });

  it('keeps a table named only by a global, by a class made by a call, or as the metatable of another', () => {
    const f = factsOf(`
settings = { pool_size = 10 }
local Base = require "base"
local Plugin = Base:extend()
Plugin.defaults = { timeout = 1000 }
local mt = { __index = { close = true } }
local obj = setmetatable({}, mt)
return obj
`);
    expect(tableKeys(f)).toEqual(['pool_size', 'timeout', '__index', 'close', METATABLE_KEY]);
  });

  it('keeps the same facts through the cache: an emptied table is an empty object in JSON', () => {
    const f = factsOf('local t = { x = 1 }\nprint(t)\nreturn { y = 2 }\n');
    expect(JSON.parse(JSON.stringify(f)).tables).toEqual([{}, { y: { t: 'const', v: 2 } }]);
  });

  it('shares one object among the empty tables, reachable or not, also read back from the cache', () => {
    // An emptied payload table, a reachable empty table (the module's `cache`), and the module table.
    const f = factsOf('local M = { cache = {} }\nprint({ x = 1 })\nfunction M.get() return M.cache end\nreturn M\n');
    expect(tableKeys(f)).toEqual(['cache,get', '', '']);
    expect(f.tables[1]).toBe(f.tables[2]);
    const dir = mkdtempSync(join(tmpdir(), 'resty-lint-tables-'));
    try {
      new FactsCache(dir).set('k', { facts: f });
      const back = new FactsCache(dir).get('k');
      if (!back || !('facts' in back)) throw new Error('cache miss');
      expect(back.facts).toEqual(f);
      const [module, reachableEmpty, emptied] = back.facts.tables;
      expect(reachableEmpty).toBe(emptied);
      expect(Object.isFrozen(emptied)).toBe(true);
      expect(Object.isFrozen(module)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fields named like JavaScript object properties', () => {
  it('are Lua fields like any other: absent unless set, set as own fields, kept through the cache', () => {
    const f = factsOf(`
local M = {}
function M.run()
  local t = {}
  t.__proto__ = { a = 1 }
  return M.constructor, M.toString, t.__proto__, t.t, constructor, valueOf()
end
return M
`);
    const run = f.functions.find((fn) => fn.name === 'M.run')!;
    const [ctor, str, proto, tt, global, call] = run.returns[0];
    expect(ctor).toMatchObject({ t: 'get', key: 'constructor' });
    expect(str).toMatchObject({ t: 'get', key: 'toString' });
    // Assigned, `__proto__` is a field of the table, not its prototype: `t.t` is not read through it.
    expect(proto).toMatchObject({ t: 'table' });
    expect(tt).toMatchObject({ t: 'get', key: 't' });
    expect(global).toEqual({ t: 'global', name: 'constructor' });
    expect(call).toMatchObject({ t: 'call' });
    const back = JSON.parse(JSON.stringify(f)) as FileFacts;
    expect(isCachedFactsValue({ facts: back })).toBe(true);
    expect(back).toEqual(f);
  });
});
