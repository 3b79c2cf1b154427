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
  const deferred: { open: string | Buffer; shown: string }[] = [];

  // `open` is what opens the file: its shown path when that is its bytes as UTF-8, else the path's bytes.
  const addFile = (open: string | Buffer, shown: string, real: string, link: boolean) => {
    const had = files.get(real);
    if (had && (!had.link || (link && had.abs <= shown))) return;
    files.set(real, { abs: shown, raw: typeof open === 'string' || Buffer.from(shown, 'utf8').equals(open) ? undefined : open, link });
  };

  // A directory is opened by its shown path when that is its bytes (every name on the way was valid UTF-8), else by
  // the bytes. `knownReal`: the real path of a directory that is not a link itself (its real parent's plus its
  // name), which then costs no system call (625 realpath calls on Kong's tree).
  const visit = (open: string | Buffer, shownDir: string, viaLink: boolean, knownReal?: string) => {
    const real = knownReal ?? realOrUndefined(open)?.toString('latin1');
    if (real === undefined || visited.has(real)) return;
    visited.add(real);
    const entries = listing(open);
    if (!entries) return;
    ignored.listed?.(shownDir, entries.some((e) => e.name === '.gitignore'));
    // Per entry, plain string work: the names of a listing hold no separator, and `shownDir` is normalized.
    const prefix = shownDir.endsWith(path.sep) ? shownDir : shownDir + path.sep;
    const realPrefix = real.endsWith(path.sep) ? real : real + path.sep;
    for (const e of entries) {
      const name = e.name;
      if (ALWAYS_IGNORED.has(name)) continue;
      const shown = prefix + name;
      if (ignored(shown)) continue;
      const childOpen = typeof open === 'string' && e.bytes === undefined ? shown : Buffer.concat([typeof open === 'string' ? Buffer.from(open) : open, SEP, e.bytes ?? Buffer.from(name)]);
      // Real paths are latin1 strings of their bytes, as realpath gives them: an ASCII name is its own.
      const childReal = realPrefix + (e.bytes ? e.bytes.toString('latin1') : isAscii(name) ? name : Buffer.from(name).toString('latin1'));
      // Not a link itself: its real path is its real directory's plus its name, no system call needed.
      if (e.dirent.isDirectory()) visit(childOpen, shown, viaLink, childReal);
      else if (e.dirent.isFile()) {
        if (accept(name)) addFile(childOpen, shown, childReal, viaLink);
      } else if (e.dirent.isSymbolicLink()) {
        const target = realOrUndefined(childOpen);
        let st: fs.Stats | undefined;
        try {
          st = target ? fs.statSync(childOpen) : undefined;
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
        if (st.isDirectory()) deferred.push({ open: childOpen, shown });
        else if (st.isFile() && accept(name)) addFile(childOpen, shown, target.toString('latin1'), true);
      }
    }
  };

  const top = path.normalize(dir);
  visit(top, top, false);
  while (deferred.length > 0) {
    const next = deferred.shift()!;
    visit(next.open, next.shown, true);
  }
  return { files: [...files.values()].map(({ abs, raw }) => (raw ? { abs, raw } : { abs })), skipped };
}

interface Entry {
  /** The name as UTF-8 (a byte that is not shows U+FFFD). */
  name: string;
  /** The name's bytes, when `name` does not encode back to them. */
  bytes?: Buffer;
  dirent: fs.Dirent<string> | fs.Dirent<Buffer>;
}

/** The entries of a directory in the order of their names' bytes; undefined when it cannot be read. Opened by a
 *  string, a directory lists names as strings; a name that is not valid UTF-8 then reads as U+FFFD, and the
 *  directory is listed again as bytes (which costs more: listing 8 copies of Kong as bytes took 30 % longer). */
function listing(open: string | Buffer): Entry[] | undefined {
  try {
    if (typeof open === 'string') {
      const dirents = fs.readdirSync(open, { withFileTypes: true });
      if (!dirents.some((d) => d.name.includes('\uFFFD'))) {
        return dirents.sort((a, b) => compareCodePoints(a.name, b.name)).map((dirent) => ({ name: dirent.name, dirent }));
      }
    }
    const dirents = fs.readdirSync(typeof open === 'string' ? Buffer.from(open) : open, { withFileTypes: true, encoding: 'buffer' });
    return dirents
      .sort((a, b) => Buffer.compare(a.name, b.name))
      .map((dirent) => {
        const name = dirent.name.toString('utf8');
        return isAscii(name) || Buffer.from(name).equals(dirent.name) ? { name, dirent } : { name, bytes: dirent.name, dirent };
      });
  } catch {
    return undefined;
  }
}

/** Orders strings as their UTF-8 bytes are ordered: by code point (UTF-16 order differs where a surrogate meets a
 *  character from U+E000 to U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x < 0xd800 && y < 0xd800) return x - y;
    return a.codePointAt(i)! - b.codePointAt(i)!;
  }
  return a.length - b.length;
}

/** Whether every character is ASCII: such a name is its own UTF-8 and its own latin1. */
function isAscii(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) >= 0x80) return false;
  return true;
}

function realOrUndefined(p: string | Buffer): Buffer | undefined {
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
