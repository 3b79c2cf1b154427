// Every input of a run: Lua files plus nginx and redis configuration files, from the given paths.
import { discover } from '../files/discover.ts';
import { findConfigFiles } from '../nginx/discover-conf.ts';

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

export function discoverProject(cwd: string, paths: readonly string[], extraNginx: readonly string[] = []): ProjectFiles {
  const lua = discover(cwd, paths);
  const conf = findConfigFiles(cwd, [...paths], [...extraNginx]);
  return { lua: lua.files.filter((f) => f.endsWith('.lua') || !f.endsWith('.conf')), nginx: conf.nginx, redis: conf.redis, missing: lua.missing, skipped: lua.skipped, rawPaths: lua.rawPaths };
}
