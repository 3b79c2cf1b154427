// The one directory every reported path is relative to, whatever the working directory and the path arguments:
// SARIF URIs, baselines and fingerprints must not change when the same tree is analyzed from a subdirectory.
import fs from 'node:fs';
import path from 'node:path';

/** The git work tree's top directory (the nearest directory holding `.git`, a directory or a worktree's file)
 *  at or above `start`; undefined outside a repository. */
export function gitRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The project root: the git root above the working directory (else above the first path argument), else the
 * config file's directory, else the working directory.
 */
export function projectRoot(cwd: string, paths: readonly string[], configFile: string | undefined): string {
  const from = [cwd, ...paths.slice(0, 1).map((p) => existingDir(path.resolve(cwd, p)))];
  for (const start of from) {
    const root = start && gitRoot(start);
    if (root) return root;
  }
  return configFile ? path.dirname(configFile) : path.resolve(cwd);
}

function existingDir(abs: string): string | undefined {
  try {
    return fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
  } catch {
    return undefined;
  }
}

/** `abs` relative to `root`, `/`-separated; `.` for the root itself. */
export function rootRelative(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/') || '.';
}
