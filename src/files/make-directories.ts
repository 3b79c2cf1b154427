// `mkdir -p` that always ends: fs.mkdirSync(..., { recursive: true }) spins forever where a parent exists but
// refuses new entries with ENOENT (/proc/x). Here each missing level is created once, top down, and any
// failure is thrown as it is.
import fs from 'node:fs';
import path from 'node:path';

/** Creates `dir` and its missing parents; throws the first error (EEXIST of a non-directory included). */
export function makeDirectories(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (stat) {
      if (!stat.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: 'ENOTDIR', path: at });
      break;
    }
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      // Another process made it meanwhile: fine, as long as it is a directory.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(d).isDirectory()) throw e;
    }
  }
}
