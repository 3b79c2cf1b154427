// `require "a.b"` → the scanned file a/b.lua or a/b/init.lua. Under a declared Lua root (the config's
// luaRoots, where the nginx.conf that sets lua_package_path is not in the repository) first, in order;
// otherwise any directory can be a root: match by path suffix, prefer the shortest path.

export class ModuleResolver {
  private readonly bySuffix = new Map<string, string[]>();

  private readonly paths: ReadonlySet<string>;

  /** `roots`: directories relative to the working directory, `/`-separated ('' or '.' for the directory itself). */
  constructor(paths: readonly string[], private readonly roots: readonly string[] = []) {
    this.paths = new Set(paths);
    for (const p of paths) {
      if (!p.endsWith('.lua')) continue;
      const segs = p.slice(0, -4).split('/');
      if (segs[segs.length - 1] === 'init' && segs.length > 1) this.add(segs.slice(0, -1), p);
      this.add(segs, p);
    }
    for (const list of this.bySuffix.values()) list.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  }

  private add(segs: string[], path: string): void {
    // Index every suffix: "a/b/c" answers "c", "b.c" and "a.b.c".
    for (let i = 0; i < segs.length; i++) {
      const name = segs.slice(i).join('.');
      const list = this.bySuffix.get(name);
      if (list) {
        if (!list.includes(path)) list.push(path);
      } else this.bySuffix.set(name, [path]);
    }
  }

  resolve(moduleName: string): string | undefined {
    const rel = moduleName.replace(/\./g, '/');
    for (const root of this.roots) {
      const base = root === '' || root === '.' ? rel : `${root.replace(/\/+$/, '')}/${rel}`;
      for (const candidate of [`${base}.lua`, `${base}/init.lua`]) if (this.paths.has(candidate)) return candidate;
    }
    return this.bySuffix.get(moduleName.replace(/\//g, '.'))?.[0];
  }
}
