// How the cache keeps what is written whole per project (the snapshot, the results, the link memory): a first line
// that names the format and ends with the SHA-256 of the rest, then the rest. Written atomically (a temporary file
// with a random name, then a rename); read back only when the digest holds. The digest is of the bytes as they
// are, hashed once (a JSON text hashed as a string is encoded to UTF-8 for it, then again to be written).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The first line without its digest, the rest, and the rest's digest; undefined when the file is missing, cut
 *  short or damaged. */
export function readChecked(file: string): { head: string; payload: Buffer; digest: string } | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(10);
  if (newline < 0) return undefined;
  const line = bytes.toString('latin1', 0, newline);
  const space = line.lastIndexOf(' ');
  const payload = bytes.subarray(newline + 1);
  const digest = sha256(payload);
  return space >= 0 && line.slice(space + 1) === digest ? { head: line.slice(0, space), payload, digest } : undefined;
}

/** Writes `head`, the digest of `payload`, then `payload`; false when it could not (the caller goes on without). */
export function writeChecked(file: string, head: string, payload: Buffer): boolean {
  const tmp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${head} ${sha256(payload)}\n`, 'latin1'), payload]), { flag: 'wx' });
    fs.renameSync(tmp, file);
    return true;
  } catch {
    fs.rmSync(tmp, { force: true });
    return false;
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
