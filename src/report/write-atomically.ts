// Writing a report or baseline: atomically where the target is a regular file, and every failure as one
// WriteError that names the path and the reason (the CLI and the Action print it and exit 2).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { makeDirectories } from '../files/make-directories.ts';
import { removeTemporary, trackTemporary, untrackTemporary } from './temp-files.ts';

/** A report, baseline or summary file that could not be written. */
export class WriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot write ${file}: ${reason}`);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'its directory does not exist',
  ENOTDIR: 'a parent of it is not a directory',
  EISDIR: 'it is a directory',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
  EIO: 'input/output error',
};

/** The reason of a file system error, without Node's stack or the temporary file's name. */
export function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code];
  return code ?? String((e as Error | undefined)?.message ?? e);
}

/** Temporary file + rename, so an interrupted run never leaves a truncated report behind. The temporary
 *  file has an unpredictable name, is created exclusively (never through something already there) and is
 *  removed when the write fails, the process exits or is signalled (temp-files.ts). A target that exists and
 *  is not a regular file (/dev/null, a FIFO) is written in place: renaming over it would replace the device
 *  with a file. Throws WriteError. */
export function writeAtomically(file: string, content: string): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    // does not exist yet (or unreachable: the write below says why)
  }
  if (stat?.isDirectory()) throw new WriteError(file, REASONS.EISDIR);
  if (stat && !stat.isFile()) {
    try {
      fs.writeFileSync(file, content);
    } catch (e) {
      throw new WriteError(file, reasonOf(e));
    }
    return;
  }
  const tmp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  trackTemporary(tmp);
  try {
    fs.writeFileSync(tmp, content, { flag: 'wx' });
    fs.renameSync(tmp, file);
    untrackTemporary(tmp);
  } catch (e) {
    removeTemporary(tmp);
    throw new WriteError(file, reasonOf(e));
  }
}

/** Creates the directory a report goes to (the Action's outputs); throws WriteError naming `file`. */
export function makeParentDirectory(file: string): void {
  try {
    makeDirectories(path.dirname(file));
  } catch (e) {
    throw new WriteError(file, reasonOf(e));
  }
}
