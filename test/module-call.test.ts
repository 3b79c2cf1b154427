// Lua 5.1 module(): what a file's facts say it exports (src/analysis/interpret, docs/semantics.md §3.2).
import { describe, expect, it } from 'vitest';
import { interpretChunk } from '../src/analysis/interpret/chunk.ts';
import type { FileFacts } from '../src/analysis/file-facts.ts';
import { parseLuaText } from '../src/lua/parse-lua.ts';
import { ModuleResolver } from '../src/link/module-resolver.ts';

function facts(lines: string[]): FileFacts {
  const parsed = parseLuaText(lines.join('\n'));
  if (!parsed.ok) throw new Error(parsed.message);
  return interpretChunk(parsed.chunk);
}

/** The field names of the table the file exports, sorted. */
function exportedFields(f: FileFacts): string[] | undefined {
  return f.exports.t === 'table' ? Object.keys(f.tables[f.exports.id]).sort() : undefined;
}

describe('module() in the main chunk', () => {
  it('exports the globals assigned after it, and no local, nor any global assigned before it', () => {
    const f = facts([
      'before = 1',
      'local redis = require "resty.redis"',
      'module("user_db", package.seeall)',
      'local helper = function() end',
      'local function private() end',
      'function connect() return redis:new() end',
      'release = function(red) red:set_keepalive() end',
      'local shadowed',
      'function shadowed() end -- assigns the local',
    ]);
    expect(f.moduleName).toBe('user_db');
    expect(f.moduleShaped).toBe(true);
    expect(exportedFields(f)).toEqual(['connect', 'release']);
    expect(f.exports.t === 'table' && f.tables[f.exports.id].connect?.t).toBe('fn');
  });

  it('module(...) is a module too, named by whoever requires it', () => {
    const f = facts(['module(..., package.seeall)', 'function get() end']);
    expect(f.moduleName).toBeUndefined();
    expect(exportedFields(f)).toEqual(['get']);
  });

  it('a value the chunk returns is what require returns', () => {
    const f = facts(['module("m")', 'function get() end', 'return { other = true }']);
    expect(exportedFields(f)).toEqual(['other']);
  });

  it('is not a module() call inside a function, nor a call of a local named module', () => {
    expect(facts(['local function f() module("x") end', 'function g() end']).moduleName).toBeUndefined();
    const local = facts(['local module = function() end', 'module("x")', 'function g() end']);
    expect(local.moduleName).toBeUndefined();
    expect(local.moduleShaped).toBeUndefined();
  });
});

describe('require finds a file by the name its module() declares', () => {
  const paths = ['some/dir/b.lua', 'a/c.lua', 'other/c.lua'];
  const declared = [
    { name: 'a.b', path: 'some/dir/b.lua' },
    { name: 'a.c', path: 'other/c.lua' },
  ];
  const modules = new ModuleResolver(paths, { declared });

  it('when no file path answers the name', () => {
    expect(modules.resolve('a.b')).toBe('some/dir/b.lua');
    expect(modules.resolve('/a/b')).toBe('some/dir/b.lua');
  });

  it('after the file whose path the name is', () => {
    expect(modules.resolve('a.c')).toBe('a/c.lua');
  });

  it('under that whole name only', () => {
    expect(modules.resolve('x.b')).toBeUndefined();
    expect(modules.resolve('a')).toBeUndefined();
  });
});
