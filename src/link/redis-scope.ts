// Which code a redis.conf speaks for (docs/semantics.md §6): a repository may hold several projects, each with
// its own Redis, so a redis.conf applies to the pools of its own project only, never to every pool on its port.
//
// Its project directory is the nearest directory at or above the redis.conf's own that holds analyzed Lua code
// or an nginx configuration that runs Lua. Its pools are those used by code under that directory, and by code an
// nginx configuration under that directory runs (a *_by_lua_file script anywhere, inline Lua), with every module
// that code requires. When no such directory exists (nothing analyzed near it), it applies to every pool.
import path from 'node:path';
import type { CodeUnit } from '../model/project-model.ts';

/** The units (paths) whose pools the redis.conf `file` applies to; undefined = all of them. */
export function redisConfScope(file: string, units: readonly CodeUnit[]): ReadonlySet<string> | undefined {
  const homes = units.map((u) => ({ unit: u, code: codeFile(u), confs: u.entries.map((e) => e.location.file) }));
  const dirs = new Set(homes.flatMap((h) => [h.code, ...h.confs]).map((f) => path.posix.dirname(f)));
  let dir: string | undefined;
  for (let d = path.posix.dirname(file); ; d = path.posix.dirname(d)) {
    if ([...dirs].some((x) => under(x, d))) {
      dir = d;
      break;
    }
    if (path.posix.dirname(d) === d) break;
  }
  if (dir === undefined) return undefined;
  const project = dir;
  const seeds = homes.filter((h) => under(h.code, project) || h.confs.some((c) => under(c, project))).map((h) => h.unit.path);
  const byPath = new Map(units.map((u) => [u.path, u]));
  const out = new Set<string>(seeds);
  const todo = [...seeds];
  while (todo.length > 0) {
    for (const r of byPath.get(todo.pop()!)?.requires ?? []) {
      if (!out.has(r)) {
        out.add(r);
        todo.push(r);
      }
    }
  }
  return out;
}

/** The file a unit's code is in: a .lua file, or the nginx.conf of inline Lua (`conf/nginx.conf:12:5`). */
function codeFile(u: CodeUnit): string {
  return u.path.replace(/:\d+:\d+$/, '');
}

/** Whether `file` (a `/`-separated path relative to the working directory) is `dir` or lies under it. */
function under(file: string, dir: string): boolean {
  return dir === '.' ? !file.startsWith('../') && file !== '..' : file === dir || file.startsWith(`${dir}/`);
}
