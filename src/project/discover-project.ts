// Every input of a run: Lua files plus nginx and redis configuration files, from the given paths.
import path from 'node:path';
import { discover, isLuaName, WalkCache } from '../files/discover.ts';
import { findConfigFiles } from '../nginx/discover-conf.ts';
import { luaLoadedByConf } from './conf-loads.ts';

export interface ProjectFiles {
  lua: string[];
  nginx: string[];
  redis: string[];
  missing: string[];
  /** Symbolic links not followed (outside the tree, or broken), relative to cwd. */
  skipped: { file: string; reason: 'outside' | 'broken' }[];
  /** Lua files whose name is not valid UTF-8: the path shown → the bytes that open it. */
  rawPaths: Map<string, Buffer>;
}

/** `cwd` is the project root: an nginx configuration given as a path brings the Lua it loads from under it. */
export function discoverProject(cwd: string, paths: readonly string[], extraNginx: readonly string[] = []): ProjectFiles {
  // One walk of each tree finds the Lua files and the configuration files.
  const walks = new WalkCache((name) => isLuaName(name) || name.toLowerCase().endsWith('.conf'));
  const lua = discover(cwd, paths, walks);
  const conf = findConfigFiles(cwd, [...paths], [...extraNginx], walks);
  const files = new Set(lua.files.filter((f) => f.endsWith('.lua') || !f.endsWith('.conf')));
  const confArgs = paths.filter((p) => conf.nginx.includes(p) && lua.files.includes(p));
  for (const c of confArgs) {
    const tree = discover(cwd, [serverPrefix(c)], walks);
    for (const f of luaLoadedByConf(cwd, c, tree.files.filter((f) => f.endsWith('.lua')))) {
      files.add(f);
      const raw = tree.rawPaths.get(f);
      if (raw) lua.rawPaths.set(f, raw);
    }
  }
  return { lua: [...files].sort(), nginx: conf.nginx, redis: conf.redis, missing: lua.missing, skipped: lua.skipped, rawPaths: lua.rawPaths };
}

/** Where an nginx configuration's code lives: nginx's prefix (the parent of a `conf/` directory), else the
 *  configuration's own directory (`/`-separated, relative to the project root). */
function serverPrefix(conf: string): string {
  const dir = path.posix.dirname(conf);
  if (path.posix.basename(dir) !== 'conf') return dir;
  return dir === 'conf' ? '.' : path.posix.dirname(dir);
}
