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

  it('matches whole segments, never the end of one', () => {
    expect(new ModuleResolver(['lib/xfoo/bar.lua']).resolve('foo.bar')).toBeUndefined();
    expect(new ModuleResolver(['lib/xfoo/bar/init.lua']).resolve('foo.bar')).toBeUndefined();
    expect(new ModuleResolver(['lib/xfoo/bar/init.lua']).resolve('xfoo.bar')).toBe('lib/xfoo/bar/init.lua');
  });

  it('applies declared roots to the normalized name', () => {
    const rooted = new ModuleResolver(['app/lua/lib/cache.lua', 'lib/cache.lua'], { roots: ['app/lua'] });
    expect(rooted.resolve('/lib/cache')).toBe('app/lua/lib/cache.lua');
  });
});

describe('a package root above the analyzed directory', () => {
  const modules = new ModuleResolver(['redis_utils.lua', 'lib/cache.lua'], { rootName: 'urlshortener' });

  it('drops a first segment that is the directory\'s own name when the name does not resolve otherwise', () => {
    expect(modules.resolve('urlshortener.redis_utils')).toBe('redis_utils.lua');
    expect(modules.resolve('/urlshortener/lib/cache')).toBe('lib/cache.lua');
  });

  it('drops nothing else', () => {
    expect(modules.resolve('otherapp.redis_utils')).toBeUndefined();
    expect(modules.resolve('lib.urlshortener.cache')).toBeUndefined();
    expect(modules.resolve('urlshortener')).toBeUndefined();
    expect(new ModuleResolver(['redis_utils.lua']).resolve('urlshortener.redis_utils')).toBeUndefined();
  });

  it('prefers a file the whole name answers', () => {
    const both = new ModuleResolver(['urlshortener/redis_utils.lua', 'redis_utils.lua'], { rootName: 'urlshortener' });
    expect(both.resolve('urlshortener.redis_utils')).toBe('urlshortener/redis_utils.lua');
  });
});

describe('several files end in the name', () => {
  const files = ['b/x/store.lua', 'zz/store.lua', 'a/store.lua', 'app/store/init.lua', 'c/store.lua'];

  it('takes the shortest path, then the first in character order, whatever order the files come in', () => {
    for (const order of [files, [...files].reverse(), [files[2], files[0], files[4], files[1], files[3]]]) {
      const modules = new ModuleResolver(order);
      expect(modules.resolve('store'), order.join(' ')).toBe('a/store.lua');
      expect(modules.resolve('x.store'), order.join(' ')).toBe('b/x/store.lua');
    }
  });

  it('counts an init.lua by its whole path', () => {
    expect(new ModuleResolver(['app/store/init.lua', 'libs/x/store.lua']).resolve('store')).toBe('libs/x/store.lua');
    expect(new ModuleResolver(['lib/x/s.lua', 's/init.lua']).resolve('s')).toBe('s/init.lua');
  });
});

describe('a dot in a file or directory name', () => {
  // The searcher turns every `.` of the name into a `/`: require "foo.bar" opens foo/bar.lua, never foo.bar.lua.
  const modules = new ModuleResolver(['lib/foo.bar.lua', 'lib/v1.2/x.lua', 'app/foo/bar.lua']);

  it('is never a separator: such a file is not what a dotted name finds', () => {
    expect(modules.resolve('foo.bar')).toBe('app/foo/bar.lua');
    expect(modules.resolve('v1.2.x')).toBeUndefined();
    expect(new ModuleResolver(['lib/foo.bar.lua']).resolve('foo.bar')).toBeUndefined();
  });

  it('still lets the name find a file whose directory has a dot above the part it names', () => {
    expect(modules.resolve('x')).toBe('lib/v1.2/x.lua');
  });
});
