// Which files a run analyzes: the given files, plus every Lua file under the given directories, minus
// node_modules, .git and what git ignores (ignore-rules.ts); symbolic links inside the tree are followed (walk.ts).
import fs from 'node:fs';
import path from 'node:path';
import { ignoreRules } from './ignore-rules.ts';
import { walkTree, type Walk } from './walk.ts';

/** The walks of one run, shared: each directory tree is read once (and git asked once) for every kind of file
 *  the run looks for; each discovery then keeps the names it wants. */
export class WalkCache {
  private readonly walks = new Map<string, Walk>();
  constructor(private readonly accept: (name: string) => boolean) {}

  /** The files under `dir` that `accept` takes (it must take no name the cache's own `accept` refuses). */
  walk(cwd: string, dir: string, accept: (name: string) => boolean): Walk {
    let all = this.walks.get(dir);
    if (!all) this.walks.set(dir, (all = walkTree(treeOf(cwd, dir), dir, this.accept, ignoreRules(cwd, dir))));
    const wanted = (abs: string) => accept(path.basename(abs));
    return { files: all.files.filter((f) => wanted(f.abs)), skipped: all.skipped.filter((s) => s.directory || wanted(s.abs)) };
  }
}

function walkOnce(cwd: string, dir: string, accept: (name: string) => boolean, cache?: WalkCache): Walk {
  return cache ? cache.walk(cwd, dir, accept) : walkTree(treeOf(cwd, dir), dir, accept, ignoreRules(cwd, dir));
}

export interface Discovered {
  /** Paths relative to cwd, `/`-separated, sorted. */
  files: string[];
  /** Paths that do not exist. */
  missing: string[];
  /** Symbolic links to Lua files (or directories) that were not followed, relative to cwd, and why. */
  skipped: { file: string; reason: 'outside' | 'broken' }[];
  /** Files whose name is not valid UTF-8: the path shown (relative to cwd) → the bytes that open the file. */
  rawPaths: Map<string, Buffer>;
}

export function discover(cwd: string, inputs: readonly string[], cache?: WalkCache): Discovered {
  const files = new Set<string>();
  const missing: string[] = [];
  const skipped: Discovered['skipped'] = [];
  const rawPaths = new Map<string, Buffer>();
  const toRelative = relativeTo(cwd);
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isFile()) {
      files.add(toRelative(abs));
      continue;
    }
    const walk = walkOnce(cwd, abs, isLuaName, cache);
    for (const f of walk.files) {
      const rel = toRelative(f.abs);
      files.add(rel);
      if (f.raw) rawPaths.set(rel, f.raw);
    }
    for (const s of walk.skipped) if (!skipped.some((k) => k.file === toRelative(s.abs))) skipped.push({ file: toRelative(s.abs), reason: s.reason });
  }
  return { files: [...files].sort(), missing, skipped: skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), rawPaths };
}

/** Absolute paths of the files matching `pattern` (`**` + `/*` + a suffix, or every file) under `dir`, minus
 *  node_modules, .git and what git ignores. Symbolic links inside the tree are followed, once per real file. */
export function filesUnder(cwd: string, dir: string, pattern: string, caseSensitive = true, cache?: WalkCache): string[] {
  const suffix = pattern.replace(/^\*\*\/\*/, '');
  const wanted = caseSensitive ? suffix : suffix.toLowerCase();
  const accept = (name: string) => (caseSensitive ? name : name.toLowerCase()).endsWith(wanted);
  return walkOnce(cwd, dir, accept, cache).files.map((f) => f.abs);
}

export function isLuaName(name: string): boolean {
  return name.endsWith('.lua');
}

/** How far links may lead: the project directory, or the scanned directory when it lies outside it. */
function treeOf(cwd: string, dir: string): string {
  const rel = path.relative(path.resolve(cwd), dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)) ? path.resolve(cwd) : dir;
}

/** `abs` (absolute and normalized, as the walk and path.resolve make it) relative to cwd, `/`-separated. */
function relativeTo(cwd: string): (abs: string) => string {
  // Below cwd, a path is cwd's plus the rest: path.relative would resolve both again for each (8 copies of Kong: 28
  // ms of a warm run).
  const base = path.resolve(cwd);
  const prefix = base.endsWith(path.sep) ? base : base + path.sep;
  return (abs) => {
    const rel = abs.startsWith(prefix) ? abs.slice(prefix.length) : path.relative(base, abs);
    const slashed = path.sep === '/' ? rel : rel.split(path.sep).join('/');
    return slashed === '' ? '.' : slashed;
  };
}
