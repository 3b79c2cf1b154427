// Walks a directory tree the way a user expects a linter to: symbolic links inside the tree are followed (each
// real directory is read once, so link cycles end), links that lead outside it are reported, not followed, and
// names that are not valid UTF-8 are kept as the bytes that open them.
import fs from 'node:fs';
import path from 'node:path';
import type { IgnoreCheck } from './ignore-rules.ts';

export interface WalkedFile {
  /** Absolute path as shown (a name that is not UTF-8 shows U+FFFD). */
  abs: string;
  /** The bytes of the path, when `abs` does not open the file (a name that is not valid UTF-8). */
  raw?: Buffer;
}

export interface SkippedLink {
  abs: string;
  reason: 'outside' | 'broken';
  /** A link to a directory (reported whatever names are accepted). */
  directory?: true;
}

export interface Walk {
  files: WalkedFile[];
  skipped: SkippedLink[];
}

const ALWAYS_IGNORED = new Set(['node_modules', '.git']);
const GITIGNORE = Buffer.from('.gitignore');

/**
 * The files under `dir` whose name `accept`s, without node_modules, .git and what `ignored` says. `tree` bounds
 * the symbolic links followed. A file reached both directly and through links is listed once, by its direct path.
 */
export function walkTree(tree: string, dir: string, accept: (name: string) => boolean, ignored: IgnoreCheck): Walk {
  const treeReal = realOrUndefined(Buffer.from(tree))?.toString('utf8') ?? tree;
  const files = new Map<string, WalkedFile & { link: boolean }>();
  const skipped: SkippedLink[] = [];
  const visited = new Set<string>();
  // Directories reached through a link wait until every real directory was read, so files are named by their
  // real place whatever the order of names.
  const deferred: { raw: Buffer; shown: string }[] = [];

  const addFile = (raw: Buffer, shown: string, real: string, link: boolean) => {
    const had = files.get(real);
    if (had && (!had.link || (link && had.abs <= shown))) return;
    files.set(real, { abs: shown, raw: Buffer.from(shown, 'utf8').equals(raw) ? undefined : raw, link });
  };

  // `knownReal`: the real path of a directory that is not a link itself (its real parent's plus its name), which
  // then costs no system call (625 realpath calls on Kong's tree).
  const visit = (rawDir: Buffer, shownDir: string, viaLink: boolean, knownReal?: string) => {
    const real = knownReal ?? realOrUndefined(rawDir)?.toString('latin1');
    if (real === undefined || visited.has(real)) return;
    visited.add(real);
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(rawDir, { withFileTypes: true, encoding: 'buffer' });
    } catch {
      return;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    ignored.listed?.(shownDir, entries.some((e) => e.name.equals(GITIGNORE)));
    for (const e of entries) {
      const name = e.name.toString('utf8');
      if (ALWAYS_IGNORED.has(name)) continue;
      const raw = Buffer.concat([rawDir, Buffer.from(path.sep), e.name]);
      const shown = path.join(shownDir, name);
      if (ignored(shown)) continue;
      // Not a link itself: its real path is its real directory's plus its name, no system call needed.
      if (e.isDirectory()) visit(raw, shown, viaLink, childOf(real, e.name));
      else if (e.isFile()) {
        if (accept(name)) addFile(raw, shown, childOf(real, e.name), viaLink);
      } else if (e.isSymbolicLink()) {
        const target = realOrUndefined(raw);
        let st: fs.Stats | undefined;
        try {
          st = target ? fs.statSync(raw) : undefined;
        } catch {
          st = undefined;
        }
        if (!target || !st) {
          if (accept(name)) skipped.push({ abs: shown, reason: 'broken' });
          continue;
        }
        if (!isInside(treeReal, target.toString('utf8'))) {
          if (st.isDirectory()) skipped.push({ abs: shown, reason: 'outside', directory: true });
          else if (accept(name)) skipped.push({ abs: shown, reason: 'outside' });
          continue;
        }
        if (st.isDirectory()) deferred.push({ raw, shown });
        else if (st.isFile() && accept(name)) addFile(raw, shown, target.toString('latin1'), true);
      }
    }
  };

  visit(Buffer.from(dir), dir, false);
  while (deferred.length > 0) {
    const next = deferred.shift()!;
    visit(next.raw, next.shown, true);
  }
  return { files: [...files.values()].map(({ abs, raw }) => (raw ? { abs, raw } : { abs })), skipped };
}

/** The path of entry `name` of directory `dir` (both as latin1 strings of their bytes); `/` has no separator added. */
function childOf(dir: string, name: Buffer): string {
  return (dir.endsWith(path.sep) ? dir : dir + path.sep) + name.toString('latin1');
}

function realOrUndefined(p: Buffer): Buffer | undefined {
  try {
    return fs.realpathSync.native(p, { encoding: 'buffer' });
  } catch {
    return undefined;
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
