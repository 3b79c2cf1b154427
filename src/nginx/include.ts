// `include` resolution (docs/semantics.md §5.1): parseNginxConf reads the main file and every included file and splices
// each included file's directives in right after its `include` directive, in the same block, since nginx parses
// them in the context of the include. File access goes through ConfFiles so tests can use a memory file system.
//
// Given a scanned tree (docs/semantics.md §5.4), it reads only files inside it: an include the tree does not hold
// is `unresolved` (never an error, and nothing for the files nginx ships), one outside it is never read, and an
// absolute path outside it is looked up in the tree by path suffix (`/opt/app/conf/x.conf` → `conf/x.conf`).

import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';

import { SourceText } from '../source/source-text.ts';
import { parseConfText, type ConfDiagnostic, type Directive, type ParsedConfFile } from './conf-tree.ts';
import { fnmatch, globFiles, hasMagic, type DirectoryLister } from './glob.ts';

/** What parseNginxConf reads. */
export interface ConfFiles extends DirectoryLister {
  /** The file's bytes, or undefined when it cannot be read (missing, a directory, no permission). */
  read(path: string): Buffer | undefined;
  /** The path with symbolic links resolved, or undefined when it does not exist. Without it, no link is followed
   *  out of the scanned tree only because none is seen. */
  realpath?(path: string): string | undefined;
}

/** ConfFiles over the real file system. */
export const nodeConfFiles: ConfFiles = {
  read(path) {
    try {
      if (!statSync(path).isFile()) return undefined;
      return readFileSync(path);
    } catch {
      return undefined;
    }
  },
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return undefined;
    }
  },
  realpath(path) {
    try {
      return realpathSync.native(path);
    } catch {
      return undefined;
    }
  },
};

/** The files an analysis may read: the directories it scans. */
export interface ScannedTree {
  /** Absolute directories; only files inside one of them (also after resolving symbolic links) are read. */
  roots: readonly string[];
  /** Every file under the roots (absolute paths), for matching absolute include paths by suffix. Called lazily. */
  files(): readonly string[];
}

/**
 * The configuration files nginx installs next to nginx.conf (nginx's `conf/` directory: every build and package
 * has them), plus those Debian's nginx-common adds (`proxy_params`, two snippets, the module loader glob), and the
 * module loader glob of Fedora/RHEL's nginx.conf. An include of one of these that the tree does not hold is not
 * reported: the server has it.
 */
export const SHIPPED_CONF_FILES: readonly string[] = [
  'fastcgi.conf',
  'fastcgi_params',
  'koi-utf',
  'koi-win',
  'mime.types',
  'scgi_params',
  'uwsgi_params',
  'win-utf',
  'proxy_params',
];
const SHIPPED_TAILS: readonly string[] = [
  'snippets/fastcgi-php.conf',
  'snippets/snakeoil.conf',
  'modules-enabled/*.conf',
  'nginx/modules/*.conf',
];

/** Whether an include path names a file nginx (or its Debian/Fedora package) ships. */
export function isShippedInclude(path: string): boolean {
  const segs = path.split('/').filter((x) => x !== '' && x !== '.');
  if (segs.length === 0) return false;
  if (SHIPPED_CONF_FILES.includes(segs[segs.length - 1])) return true;
  return SHIPPED_TAILS.some((t) => segs.slice(-t.split('/').length).join('/') === t);
}

export interface ParseNginxConfOptions {
  /** nginx's conf prefix, which relative `include` paths are resolved against. Default: the main file's directory. */
  confPrefix?: string;
  /** Include nesting limit (a safety net beside the cycle check). Default 64. */
  maxIncludeDepth?: number;
  /** Limit on the number of file parses an include tree may cost. Default 10000. */
  maxIncludedFiles?: number;
  /**
   * The files that may be read. Without it, every path is read as nginx would (the oracle tests); with it, paths
   * outside are never read, and includes the tree does not hold are `unresolved` instead of errors.
   */
  tree?: ScannedTree;
  /** How messages name a file (default: its absolute path). */
  display?: (path: string) => string;
}

/** An include whose files were not read (only with a scanned tree). */
export interface UnresolvedInclude {
  /** The include directive (for the main file itself, offset 0 of it). */
  file: string;
  offset: number;
  /** The include's argument, as written. */
  path: string;
  /**
   * missing: not in the tree where nginx would read it (generated at deploy time, or not in the repository);
   * outside: it resolves outside the tree (or a symbolic link leads there) and was not read;
   * ambiguous: an absolute path outside the tree whose tail several files in the tree end with.
   */
  reason: 'missing' | 'outside' | 'ambiguous';
  /** missing: where nginx would read it. */
  expected?: string;
  /** ambiguous: the files it could be. */
  candidates?: string[];
}

/** An absolute include path outside the tree, read from the tree's files that end like it. */
export interface SuffixMatchedInclude {
  file: string;
  offset: number;
  /** The include's argument, as written. */
  path: string;
  /** The head of the include path taken as `treeDir`, e.g. `/opt/app/`. */
  deployedAs: string;
  /** The rest of the include path, matched in the tree, e.g. `conf/server.conf`. */
  tail: string;
  /** The tree directory it stands for (absolute, with a trailing `/`). */
  treeDir: string;
  files: string[];
}

export interface NginxConf {
  mainPath: string;
  /** The main file's directives, with included files spliced in after each `include`. */
  directives: Directive[];
  /** Every file read, with its text (for positions: `sources.get(file).position(offset)`). */
  sources: Map<string, SourceText>;
  /** Tokenizer and include errors, per file; the same error in a file included twice is reported once. */
  errors: ConfDiagnostic[];
  /** Includes not read (only with a scanned tree), in parse order, each once. */
  unresolved: UnresolvedInclude[];
  /** Absolute includes read from the tree by path suffix, in parse order, each once. */
  bySuffix: SuffixMatchedInclude[];
}

/**
 * Parses the main configuration file and everything it includes. Never throws for bad input: unreadable files,
 * include cycles and syntax errors become diagnostics, and the directives of the other files are still returned.
 */
export function parseNginxConf(files: ConfFiles, mainPath: string, options: ParseNginxConfOptions = {}): NginxConf {
  const confPrefix = options.confPrefix ?? dirname(mainPath);
  const maxDepth = options.maxIncludeDepth ?? 64;
  const maxParses = options.maxIncludedFiles ?? 10_000;
  const show = options.display ?? ((p: string) => p);
  const tree = options.tree ? treeAccess(files, options.tree) : undefined;
  const sources = new Map<string, SourceText>();
  const parsed = new Map<string, ParsedConfFile | undefined>();
  // Errors are returned in nginx's parse order (the first is the one nginx reports): each is keyed by the
  // offsets of the include directives that led to its file, then its own offset.
  const keyed: { key: number[]; error: ConfDiagnostic }[] = [];
  const seenErrors = new Set<string>();
  const unresolved: UnresolvedInclude[] = [];
  const bySuffix: SuffixMatchedInclude[] = [];
  const seenIncludes = new Set<string>();
  let parses = 0;

  const report = (e: ConfDiagnostic, includePath: number[]) => {
    const id = `${e.file}\0${e.offset}\0${e.message}`;
    if (seenErrors.has(id)) return;
    seenErrors.add(id);
    keyed.push({ key: [...includePath, e.offset], error: e });
  };
  const sortedErrors = (): ConfDiagnostic[] =>
    keyed.sort((a, b) => compareKeys(a.key, b.key)).map((k) => k.error);
  const once = (d: Directive): boolean => {
    const id = `${d.file}\0${d.offset}`;
    if (seenIncludes.has(id)) return false;
    seenIncludes.add(id);
    return true;
  };

  const load = (path: string): ParsedConfFile | undefined => {
    if (parsed.has(path)) return parsed.get(path);
    const bytes = files.read(path);
    if (!bytes) {
      parsed.set(path, undefined);
      return undefined;
    }
    const source = new SourceText(bytes);
    sources.set(path, source);
    const result = parseConfText(source.latin1, path);
    if (source.bomLength > 0) {
      result.errors.unshift({
        file: path,
        offset: 0,
        message: 'the file starts with a UTF-8 byte order mark, which nginx reads as part of the first directive name',
      });
    }
    parsed.set(path, result);
    return result;
  };

  // The files an include reads, or undefined when it reads none (an error or an unresolved include is recorded).
  const resolveInclude = (d: Directive, stack: string[], here: (message: string) => void): { pattern: string; files: string[] } | undefined => {
    const arg = d.args[0].value;
    const pattern = isAbsolute(arg) ? arg : join(confPrefix, arg);
    // nginx globs when the path has any of `*?[` (strpbrk), and sorts the matches; a glob may match nothing.
    const isGlob = /[*?[]/.test(pattern);
    if (!tree) {
      const globbed = isGlob ? globFiles(files, pattern) : [pattern];
      if (globbed === undefined) {
        here(`cannot expand the include pattern "${show(pattern)}": no directory listing available`);
        return undefined;
      }
      return { pattern, files: globbed.map((p) => resolve(p)) };
    }

    const full = normalize(pattern);
    const shipped = isShippedInclude(full);
    const unread = (reason: UnresolvedInclude['reason'], extra: Partial<UnresolvedInclude> = {}) => {
      if (once(d)) unresolved.push({ file: d.file, offset: d.offset, path: arg, reason, ...extra });
    };
    // Where a glob starts listing, or the file itself: inside the tree, or never touched.
    if (tree.contains(isGlob ? literalHead(full) : full)) {
      // Directories a symbolic link leads out of the tree to are not even listed.
      let refused = false;
      const list = (dir: string) => {
        if (tree.readable(dir)) return files.list!(dir);
        refused = true;
        return undefined;
      };
      const globbed = isGlob ? globFiles({ list: files.list && list }, full) : [full];
      if (globbed === undefined) {
        here(`cannot expand the include pattern "${show(full)}": no directory listing available`);
        return undefined;
      }
      const matched = globbed.map((p) => resolve(p));
      if (!isGlob && !exists(files, matched[0])) {
        // Not there. (A directory, or a file that cannot be read, is an error below, as it is for nginx.)
        if (!shipped) unread('missing', { expected: matched[0] });
        return undefined;
      }
      const inside = matched.filter((p) => tree.readable(p));
      if (refused || inside.length < matched.length) unread('outside');
      return { pattern: full, files: inside };
    }
    if (shipped) return undefined;
    if (!isAbsolute(arg)) {
      unread('outside');
      return undefined;
    }
    const m = tree.bySuffix(full, dirname(resolve(mainPath)), stack);
    if (m.kind === 'none') {
      unread('outside');
      return undefined;
    }
    if (m.kind === 'ambiguous') {
      unread('ambiguous', { candidates: m.candidates });
      return undefined;
    }
    if (once(d)) bySuffix.push({ file: d.file, offset: d.offset, path: arg, deployedAs: m.deployedAs, tail: m.tail, treeDir: m.treeDir, files: m.files });
    return { pattern: full, files: m.files };
  };

  // Copies a file's tree, following includes; `stack` holds the files being expanded (cycle check) and `at`
  // the offsets of the include directives that led there.
  const expand = (list: Directive[], stack: string[], at: number[]): Directive[] => {
    const out: Directive[] = [];
    for (const d of list) {
      const copy: Directive = { ...d };
      if (d.children) copy.children = expand(d.children, stack, at);
      out.push(copy);
      if (d.name !== 'include') continue;
      const includingFile = d.file;
      const here = (message: string) => report({ file: includingFile, offset: d.offset, message }, at);
      if (d.block) {
        here('directive "include" is not terminated by ";"');
        continue;
      }
      if (d.args.length !== 1) {
        here('invalid number of arguments in "include" directive');
        continue;
      }
      const resolved = resolveInclude(d, stack, here);
      if (!resolved) continue;
      copy.include = resolved;
      for (const path of resolved.files) {
        if (stack.includes(path)) {
          // nginx itself recurses until it crashes (SIGSEGV from `nginx -t` with nginx 1.22).
          here(`include cycle: ${[...stack.slice(stack.indexOf(path)), path].map(show).join(' -> ')}`);
          continue;
        }
        if (stack.length > maxDepth) {
          here(`includes nested deeper than ${maxDepth} files`);
          continue;
        }
        if (++parses > maxParses) {
          here(`more than ${maxParses} included files; the rest are skipped`);
          continue;
        }
        const sub = load(path);
        if (!sub) {
          here(`open() "${show(path)}" failed (cannot read the file)`);
          continue;
        }
        const subAt = [...at, d.offset];
        for (const e of sub.errors) report(e, subAt);
        out.push(...expand(sub.directives, [...stack, path], subAt));
      }
    }
    return out;
  };

  const main = resolve(mainPath);
  const done = (directives: Directive[]): NginxConf => ({ mainPath: main, directives, sources, errors: sortedErrors(), unresolved, bySuffix });
  if (tree && !tree.readable(main)) {
    // A main file that is a symbolic link out of the tree.
    unresolved.push({ file: main, offset: 0, path: show(main), reason: 'outside' });
    return done([]);
  }
  const root = load(main);
  if (!root) {
    report({ file: main, offset: 0, message: `open() "${show(main)}" failed (cannot read the file)` }, []);
    return done([]);
  }
  for (const e of root.errors) report(e, []);
  return done(expand(root.directives, [main], []));
}

/** Whether a path exists (a file or a directory), without reading a file when realpath can tell. */
function exists(files: ConfFiles, path: string): boolean {
  if (files.realpath) return files.realpath(path) !== undefined;
  return files.read(path) !== undefined || files.list?.(path) !== undefined;
}

/** The directory a glob pattern starts listing at: its components before the first wildcard. */
function literalHead(pattern: string): string {
  const parts = pattern.split('/');
  const first = parts.findIndex((p) => hasMagic(p));
  return first < 0 ? pattern : parts.slice(0, first).join('/') || '/';
}

type SuffixMatch =
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'match'; files: string[]; deployedAs: string; tail: string; treeDir: string };

interface TreeAccess {
  /** Whether a path is inside the tree as written (no file system access). */
  contains(path: string): boolean;
  /** Whether a path, with symbolic links resolved, is inside the tree (true for a path that does not exist). */
  readable(path: string): boolean;
  /** The tree files an absolute path outside the tree stands for; see suffixMatch. */
  bySuffix(path: string, mainDir: string, exclude: readonly string[]): SuffixMatch;
}

/** A tree file by its path segments relative to its root (the outermost root holding it: the most to match). */
interface TreeFile {
  abs: string;
  segs: string[];
}

const treeIndexes = new WeakMap<readonly string[], TreeFile[]>();

function treeAccess(files: ConfFiles, tree: ScannedTree): TreeAccess {
  const roots = tree.roots.map((r) => resolve(r));
  const realRoots = roots.map((r) => files.realpath?.(r) ?? r);
  const contains = (p: string) => underAny(resolve(p), roots);
  const readable = (p: string) => {
    if (!contains(p)) return false;
    const real = files.realpath?.(p);
    return real === undefined || underAny(real, realRoots) || underAny(real, roots);
  };
  const index = (): TreeFile[] => {
    const list = tree.files();
    let idx = treeIndexes.get(list);
    if (!idx) {
      idx = [];
      for (const abs of list) {
        const root = roots.filter((r) => underAny(abs, [r])).sort((a, b) => a.length - b.length)[0];
        if (root === undefined) continue;
        idx.push({ abs, segs: relative(root, abs).split(sep).filter((x) => x !== '') });
      }
      treeIndexes.set(list, idx);
    }
    return idx;
  };
  return {
    contains,
    readable,
    bySuffix: (path, mainDir, exclude) => suffixMatch(path, index(), mainDir, exclude, readable),
  };
}

/** Whether `p` is one of `roots` or inside one (trailing separators ignored). */
function underAny(p: string, roots: readonly string[]): boolean {
  const trim = (x: string) => (x.length > 1 && x.endsWith(sep) ? x.slice(0, -1) : x);
  const q = trim(p);
  return roots.some((r) => {
    const base = trim(r);
    return q === base || q.startsWith(base === sep ? base : base + sep);
  });
}

/**
 * The tree files an absolute include path outside the tree stands for, by path suffix (the path is where a
 * deployment puts the repository's files): the files whose tree path ends with the longest tail of the path,
 * matched component by component (globs component-wise, as glob(3) does), at least one literal component in the
 * tail. Files under different directories with equally long tails: the directory nearest the main file wins
 * (most leading path components in common); a remaining tie is ambiguous. Files being expanded are left out.
 */
function suffixMatch(path: string, files: readonly TreeFile[], mainDir: string, exclude: readonly string[], readable: (p: string) => boolean): SuffixMatch {
  const want = path.split('/').filter((x) => x !== '');
  const magic = want.map((w) => hasMagic(w));
  const glob = magic.some((m) => m);
  const same = (i: number, name: string) => (magic[i] ? fnmatch(want[i], name) : (glob ? want[i].replace(/\\(.)/g, '$1') : want[i]) === name);
  // Where the directory taken may be: the main file's directory or one of its ancestors, or anywhere inside the
  // directory holding the main file's directory (a sibling of it). Not in another project of a monorepo.
  const parent = dirname(mainDir);
  const allowed = (dir: string) => underAny(mainDir, [dir]) || underAny(dir, [parent]);
  let best = 0;
  let hits: { file: TreeFile; k: number }[] = [];
  for (const file of files) {
    if (exclude.includes(file.abs)) continue;
    const n = Math.min(want.length, file.segs.length);
    let k = 0;
    while (k < n && same(want.length - 1 - k, file.segs[file.segs.length - 1 - k])) k++;
    if (k === 0 || k < best) continue;
    if (!magic.slice(want.length - k).some((m) => !m)) continue; // `*.conf` alone says nothing about where
    if (!allowed(anchorOf(file, k))) continue;
    if (k > best) {
      best = k;
      hits = [];
    }
    hits.push({ file, k });
  }
  hits = hits.filter((h) => readable(h.file.abs));
  if (hits.length === 0) return { kind: 'none' };
  const dirOf = (f: TreeFile) => anchorOf(f, best);
  const byDir = new Map<string, string[]>();
  for (const h of hits) byDir.set(dirOf(h.file), [...(byDir.get(dirOf(h.file)) ?? []), h.file.abs]);
  const mainSegs = mainDir.split(sep);
  const nearness = (dir: string) => {
    const segs = dir.split(sep).filter((x) => x !== '');
    const m = mainSegs.filter((x) => x !== '');
    let i = 0;
    while (i < segs.length && i < m.length && segs[i] === m[i]) i++;
    return i;
  };
  const dirs = [...byDir.keys()].map((dir) => ({ dir, near: nearness(dir) })).sort((a, b) => b.near - a.near);
  if (dirs.length > 1 && dirs[0].near === dirs[1].near) {
    return { kind: 'ambiguous', candidates: dirs.filter((x) => x.near === dirs[0].near).flatMap((x) => byDir.get(x.dir)!).sort(byteOrder) };
  }
  const treeDir = dirs[0].dir;
  const deployedAs = `/${want.slice(0, want.length - best).map((x) => `${x}/`).join('')}`;
  const tail = want.slice(want.length - best).join('/');
  return { kind: 'match', files: byDir.get(treeDir)!.sort(byteOrder), deployedAs, tail, treeDir };
}

/** The directory a tree file's last `k` components hang from (with a trailing separator). */
function anchorOf(f: TreeFile, k: number): string {
  return f.abs.slice(0, f.abs.length - f.segs.slice(f.segs.length - k).join(sep).length);
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
