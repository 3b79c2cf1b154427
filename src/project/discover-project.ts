// Every input of a run: Lua files plus nginx and redis configuration files, from the given paths.
import { discover } from '../files/discover.ts';
import { findConfigFiles } from '../nginx/discover-conf.ts';

export interface ProjectFiles {
  lua: string[];
  nginx: string[];
  redis: string[];
  missing: string[];
}

export function discoverProject(cwd: string, paths: readonly string[], extraNginx: readonly string[] = []): ProjectFiles {
  const lua = discover(cwd, paths);
  const conf = findConfigFiles(cwd, [...paths], [...extraNginx]);
  return { lua: lua.files.filter((f) => f.endsWith('.lua') || !f.endsWith('.conf')), nginx: conf.nginx, redis: conf.redis, missing: lua.missing };
}
