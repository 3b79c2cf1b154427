// Which files a run analyzes: the given files, plus every Lua file under the given directories,
// minus node_modules, .git and what .gitignore excludes.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';

export interface Discovered {
  /** Paths relative to cwd, `/`-separated, sorted. */
  files: string[];
  /** Paths that do not exist. */
  missing: string[];
}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export function discover(cwd: string, inputs: readonly string[]): Discovered {
  const files = new Set<string>();
  const missing: string[] = [];
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
      files.add(toRelative(cwd, abs));
      continue;
    }
    for (const f of filesUnder(cwd, abs, '**/*.lua')) files.add(toRelative(cwd, f));
  }
  return { files: [...files].sort(), missing };
}

/** Absolute paths of the files matching `pattern` under `dir`, minus node_modules, .git and what the
 *  .gitignore files of `dir` and of `cwd` exclude. Symbolic links are not followed (no loops). */
export function filesUnder(cwd: string, dir: string, pattern: string, caseSensitive = true): string[] {
  const ignore = [...ALWAYS_IGNORED, ...gitignoreGlobs(dir), ...(dir !== path.resolve(cwd) ? gitignoreGlobs(cwd, dir) : [])];
  return fg
    .sync(pattern, { cwd: dir, ignore, dot: true, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true, caseSensitiveMatch: caseSensitive })
    .map((f) => path.join(dir, f));
}

function toRelative(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs).split(path.sep).join('/');
  return rel === '' ? '.' : rel;
}

/** The patterns of `dir/.gitignore` as fast-glob ignore globs, relative to `scanRoot` (default: dir). */
export function gitignoreGlobs(dir: string, scanRoot: string = dir): string[] {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return [];
  }
  const rel = path.relative(dir, scanRoot).split(path.sep).join('/');
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    // Negations cannot be expressed as fast-glob ignores; leaving them out only analyzes more.
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    let pat = line.replace(/\/+$/, '');
    const anchored = pat.includes('/');
    pat = pat.replace(/^\//, '');
    let glob = anchored ? pat : `**/${pat}`;
    if (rel && rel !== '') {
      // Only patterns that reach into the scanned subdirectory apply, re-rooted at it.
      if (anchored) {
        if (!glob.startsWith(`${rel}/`)) continue;
        glob = glob.slice(rel.length + 1);
      }
    }
    out.push(glob, `${glob}/**`);
  }
  return out;
}
