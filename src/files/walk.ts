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
const SEP = Buffer.from(path.sep);

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

  // `exact`: `shown` opens the file (its bytes are the path's), so no raw bytes are kept.
  const addFile = (raw: () => Buffer, shown: string, real: string, link: boolean, exact: boolean) => {
    const had = files.get(real);
    if (had && (!had.link || (link && had.abs <= shown))) return;
    const bytes = exact ? undefined : raw();
    files.set(real, { abs: shown, raw: !bytes || Buffer.from(shown, 'utf8').equals(bytes) ? undefined : bytes, link });
  };

  // `knownReal`: the real path of a directory that is not a link itself (its real parent's plus its name), which
  // then costs no system call (625 realpath calls on Kong's tree).
  // `exactDir`: `shownDir` is known to name the directory byte for byte (every name on the way was ASCII).
  const visit = (rawDir: Buffer, shownDir: string, viaLink: boolean, knownReal?: string, exactDir = false) => {
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
    // Per entry, plain string work: the names of a listing hold no separator, and `shownDir` is normalized (raw bytes
    // are joined only for directories and for names that are not ASCII).
    const prefix = shownDir.endsWith(path.sep) ? shownDir : shownDir + path.sep;
    for (const e of entries) {
      const name = e.name.toString('utf8');
      if (ALWAYS_IGNORED.has(name)) continue;
      const rawOf = () => Buffer.concat([rawDir, SEP, e.name]);
      const shown = prefix + name;
      if (ignored(shown)) continue;
      const exact = exactDir && isAscii(e.name);
      // Not a link itself: its real path is its real directory's plus its name, no system call needed.
      if (e.isDirectory()) visit(rawOf(), shown, viaLink, childOf(real, e.name), exact);
      else if (e.isFile()) {
        if (accept(name)) addFile(rawOf, shown, childOf(real, e.name), viaLink, exact);
      } else if (e.isSymbolicLink()) {
        const raw = rawOf();
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
        else if (st.isFile() && accept(name)) addFile(() => raw, shown, target.toString('latin1'), true, exact);
      }
    }
  };

  const top = path.normalize(dir);
  visit(Buffer.from(top), top, false, undefined, true);
  while (deferred.length > 0) {
    const next = deferred.shift()!;
    visit(next.raw, next.shown, true);
  }
  return { files: [...files.values()].map(({ abs, raw }) => (raw ? { abs, raw } : { abs })), skipped };
}

/** Whether every byte is ASCII: such a name decodes to a string that encodes back to the same bytes. */
function isAscii(name: Buffer): boolean {
  for (let i = 0; i < name.length; i++) if (name[i]! >= 0x80) return false;
  return true;
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
