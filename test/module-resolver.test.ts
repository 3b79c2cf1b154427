// How `require` names map to scanned files (src/link/module-resolver.ts, docs/semantics.md §3.2).
import { describe, expect, it } from 'vitest';
import { ModuleResolver, moduleSegments } from '../src/link/module-resolver.ts';

const FILES = ['lua/user/user_db.lua', 'legacy/user_db.lua', 'lib/cache.lua', 'lib/store/init.lua'];

describe('require names written as paths', () => {
  const modules = new ModuleResolver(FILES);

  it('reads `.` and `/` alike and drops empty segments, as the searcher\'s path does', () => {
    expect(moduleSegments('/lua/user/user_db')).toEqual(['lua', 'user', 'user_db']);
    expect(moduleSegments('./lib/x')).toEqual(['lib', 'x']);
    expect(moduleSegments('a..b//c')).toEqual(['a', 'b', 'c']);
    expect(moduleSegments('/')).toEqual([]);
  });

  it('resolves a leading `/` or `./` like the dotted name', () => {
    for (const name of ['lua.user.user_db', 'lua/user/user_db', '/lua/user/user_db', '//lua/user/user_db', './lua/user/user_db']) {
      expect(modules.resolve(name), name).toBe('lua/user/user_db.lua');
    }
    expect(modules.resolve('./lib/cache')).toBe('lib/cache.lua');
    expect(modules.resolve('/lib/store')).toBe('lib/store/init.lua');
  });

  it('never lands on another file with the same last segment', () => {
    expect(modules.resolve('/lua/user/user_db')).not.toBe('legacy/user_db.lua');
    expect(modules.resolve('/lua/admin/user_db')).toBeUndefined();
    expect(modules.resolve('/')).toBeUndefined();
    expect(modules.resolve('')).toBeUndefined();
  });

  it('applies declared roots to the normalized name', () => {
    const rooted = new ModuleResolver(['app/lua/lib/cache.lua', 'lib/cache.lua'], ['app/lua']);
    expect(rooted.resolve('/lib/cache')).toBe('app/lua/lib/cache.lua');
  });
});
