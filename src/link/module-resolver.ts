// `require "a.b"` → the scanned file a/b.lua or a/b/init.lua. Under a declared Lua root (the config's
// luaRoots, where the nginx.conf that sets lua_package_path is not in the repository) first, in order;
// otherwise any directory can be a root: match by path suffix, prefer the shortest path.
//
// A name is read as the Lua searcher reads it (docs/semantics.md §3.2): every `.` becomes a directory
// separator before the name fills a package.path template, so `a.b`, `a/b`, `/a/b` and `./a/b` all name
// <root>/a/b.lua (the empty segments are extra slashes, which the file system ignores).
// A name no path answers may still be one a file declares with Lua 5.1's module("a.b"): the deployed tree puts
// it where that name is found, whatever its place in the repository. Last, a name whose first segment is the
// analyzed directory's own name is tried without it: lua_package_path may name the directory above the
// checkout (`/srv/?.lua` for /srv/urlshortener), so its files are required as "urlshortener.x".

export interface DeclaredModule {
  /** The constant name the file gives module(). */
  name: string;
  path: string;
}

export interface ModuleResolverOptions {
  /** Declared Lua roots (the config's luaRoots): directories relative to the working directory, `/`-separated
   *  ('' or '.' for the directory itself). */
  roots?: readonly string[];
  /** Files that name themselves with module("a.b"). */
  declared?: readonly DeclaredModule[];
  /** The analyzed directory's own name (the basename of the working directory). */
  rootName?: string;
}

export class ModuleResolver {
  /** The scanned files by the last segment of the names they answer: a/b/c.lua under `c`, a/b/init.lua under
   *  `init` and `b`. (An index of every path suffix was six entries a file, for the whole run.) */
  private readonly byLastSegment = new Map<string, string[]>();

  private readonly paths: ReadonlySet<string>;

  /** Files by the name they declare with module(), normalized as require names are. */
  private readonly declared = new Map<string, string>();

  private readonly roots: readonly string[];

  private readonly rootName: string | undefined;

  /** Each module name's file (or undefined), once asked. */
  private readonly answers = new Map<string, string | undefined>();

  constructor(paths: readonly string[], opts: ModuleResolverOptions = {}) {
    this.paths = new Set(paths);
    this.roots = opts.roots ?? [];
    this.rootName = opts.rootName;
    // Two files declaring one name: the shortest path wins, as for suffix matches.
    for (const d of [...(opts.declared ?? [])].sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const key = moduleSegments(d.name).join('.');
      if (key !== '' && !this.declared.has(key)) this.declared.set(key, d.path);
    }
    for (const p of paths) {
      if (!p.endsWith('.lua')) continue;
      const segs = p.slice(0, -4).split('/');
      this.add(segs[segs.length - 1], p);
      if (segs[segs.length - 1] === 'init' && segs.length > 1) this.add(segs[segs.length - 2], p);
    }
  }

  private add(last: string, path: string): void {
    const list = this.byLastSegment.get(last);
    if (list) list.push(path);
    else this.byLastSegment.set(last, [path]);
  }

  resolve(moduleName: string): string | undefined {
    // Asked for every require the link resolves: the same few hundred names, thousands of times.
    if (this.answers.has(moduleName)) return this.answers.get(moduleName);
    const found = this.resolveName(moduleName);
    this.answers.set(moduleName, found);
    return found;
  }

  private resolveName(moduleName: string): string | undefined {
    const segs = moduleSegments(moduleName);
    if (segs.length === 0) return undefined;
    const found = this.byName(segs);
    if (found !== undefined) return found;
    // "urlshortener.redis_utils" run inside urlshortener/: that exact first segment only, never another prefix.
    return segs.length > 1 && segs[0] === this.rootName ? this.byName(segs.slice(1)) : undefined;
  }

  /** The file a path answers, else the file that declares the name. */
  private byName(segs: readonly string[]): string | undefined {
    return this.byPath(segs) ?? this.declared.get(segs.join('.'));
  }

  /** The file the segments name under a declared root, else the shortest path ending in them. */
  private byPath(segs: readonly string[]): string | undefined {
    const rel = segs.join('/');
    for (const root of this.roots) {
      const base = root === '' || root === '.' ? rel : `${root.replace(/\/+$/, '')}/${rel}`;
      for (const candidate of [`${base}.lua`, `${base}/init.lua`]) if (this.paths.has(candidate)) return candidate;
    }
    // "a/b/c" answers "c", "b.c" and "a.b.c"; the shortest path answering wins, then the first in code-unit
    // order of its characters (a stable answer).
    let best: string | undefined;
    for (const p of this.byLastSegment.get(segs[segs.length - 1]) ?? []) {
      if (!answersName(p, rel)) continue;
      if (best === undefined || p.length < best.length || (p.length === best.length && p < best)) best = p;
    }
    return best;
  }
}

/** Whether the Lua file `path` (a/b/c.lua, a/b/init.lua) is what a name's segments, joined by `/` (`rel`), find
 *  under some root: they end its path without `.lua`, or, for an init.lua, its directory's path. Segments hold
 *  no `/`, so whole segments match. (Compared as strings: a common last segment, `handler` or `init`, has a
 *  hundred candidates in a gateway, and splitting each was most of what resolving module names allocated.) */
function answersName(path: string, rel: string): boolean {
  const own = path.slice(0, -4);
  if (endsWithSegments(own, rel)) return true;
  return own.endsWith('/init') && endsWithSegments(own.slice(0, -5), rel);
}

function endsWithSegments(whole: string, rel: string): boolean {
  return whole === rel || (whole.endsWith(rel) && whole.charCodeAt(whole.length - rel.length - 1) === 47 /* / */);
}

/** The path segments a require name stands for: `.` and `/` both separate, empty segments (a leading `/`,
 *  `./`, `//`) vanish, as in the path the searcher builds from it (LuaJIT lib_package.c searchpath). */
export function moduleSegments(name: string): string[] {
  return name.split(/[./]/).filter((s) => s !== '');
}
