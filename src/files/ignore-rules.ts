// Which paths git ignores: asked of git itself when the tree is a git work tree (nested .gitignore files,
// .git/info/exclude, core.excludesFile, negations, tracked files never ignored), else read from the .gitignore
// files on the way (no negations: leaving them out only analyzes more).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { globBody } from './glob-match.ts';

/** Whether a path (absolute, as the walk names it) is ignored. `listed`: the walk tells which directories it listed
 *  had no .gitignore, so that the check need not ask the disk. */
export type IgnoreCheck = ((abs: string) => boolean) & { listed?: (dir: string, hasGitignore: boolean) => void };

/** The ignore check for a walk of `dir`, started from the project directory `cwd`. */
export function ignoreRules(cwd: string, dir: string): IgnoreCheck {
  return gitIgnores(dir) ?? gitignoreFiles(cwd, dir);
}

function gitIgnores(dir: string): IgnoreCheck | undefined {
  const root = workTreeTop(dir);
  if (root === undefined) return undefined;
  // Untracked ignored files, and whole ignored directories as `dir/`: what `git status --ignored` shows.
  const listed = git(root, ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory']);
  if (listed === undefined) return undefined;
  const ignored = new Set(listed.toString('utf8').split('\0').filter(Boolean).map((p) => p.replace(/\/$/, '')));
  if (ignored.size === 0) return () => false;
  // A directory named explicitly is analyzed even when git ignores it (or an ancestor of it), as a path given
  // to git add -f or ripgrep is: only what is ignored below it is skipped.
  const walked = slashed(path.relative(root, dir));
  const depthOfWalked = walked === '' ? 0 : walked.split('/').length;
  // Asked for every file and directory of the walk: no array made per path (a split per ancestor was most of
  // what discovery allocated).
  return (abs) => {
    let rel = slashed(path.relative(root, abs));
    if (rel === '' || rel.startsWith('../')) return false;
    let depth = 1;
    for (let i = rel.indexOf('/'); i >= 0; i = rel.indexOf('/', i + 1)) depth++;
    for (; depth > depthOfWalked; depth--) {
      if (ignored.has(rel)) return true;
      const slash = rel.lastIndexOf('/');
      if (slash < 0) return false;
      rel = rel.slice(0, slash);
    }
    return false;
  };
}

/** The top of the git work tree `dir` is in, if any. Git finds it as the nearest directory up from `dir` that holds
 *  a `.git` (a directory, or a file for a worktree or a submodule), unless its environment says otherwise: then git
 *  is asked (one process more, about 20 ms, on every run). A `.git` that is not a repository makes ls-files fail:
 *  the .gitignore files are read instead, as when git is not installed. */
function workTreeTop(dir: string): string | undefined {
  if (GIT_DISCOVERY_ENV.some((name) => process.env[name] !== undefined)) {
    const top = git(dir, ['rev-parse', '--show-toplevel']);
    return top?.toString('utf8').replace(/\n$/, '');
  }
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** Variables that change where git looks for its repository (a hook may run with GIT_DIR set). */
const GIT_DISCOVERY_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM', 'GIT_COMMON_DIR'];

/** A relative path with `/` between its segments, whatever the platform's separator. */
function slashed(rel: string): string {
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

function git(cwd: string, args: string[]): Buffer | undefined {
  try {
    const r = spawnSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
    return r.status === 0 && r.stdout ? r.stdout : undefined;
  } catch {
    return undefined;
  }
}

/** Without git: the .gitignore of every directory from `cwd` down to each path's directory. */
function gitignoreFiles(cwd: string, dir: string): IgnoreCheck {
  const base = isInside(path.resolve(cwd), dir) ? path.resolve(cwd) : dir;
  const baseDir = base.endsWith(path.sep) ? base : base + path.sep;
  // Per directory, the .gitignore files that apply to its entries (its own and its ancestors' down from `base`, those
  // with patterns): worked out once per directory, not per entry and ancestor (8 copies of Kong outside git: the
  // check took 173 ms of a 1.7 s warm run, most of it walking up the ancestors of every entry).
  const chains = new Map<string, readonly IgnoreFile[]>();
  // Directories the walk listed without a .gitignore: most of them (8 copies of Kong: 5,073 of 5,137).
  const without = new Set<string>();
  const chainOf = (d: string): readonly IgnoreFile[] => {
    let chain = chains.get(d);
    if (chain) return chain;
    const inherited = d === base ? [] : chainOf(path.dirname(d));
    const globs = without.has(d) ? [] : gitignoreGlobs(d);
    chain = globs.length > 0 ? [...inherited, { dir: d.endsWith(path.sep) ? d : d + path.sep, ignores: gitignoreMatcher(globs) }] : inherited;
    chains.set(d, chain);
    return chain;
  };
  // Called for every entry of the walk: plain string work on the absolute paths the walk makes (normalized).
  const check: IgnoreCheck = (abs) => {
    const d = path.dirname(abs);
    if (d !== base && !d.startsWith(baseDir)) return false;
    for (const file of chainOf(d)) {
      const rel = abs.slice(file.dir.length);
      if (file.ignores(path.sep === '/' ? rel : rel.split(path.sep).join('/'))) return true;
    }
    return false;
  };
  check.listed = (dir, hasGitignore) => {
    if (!hasGitignore) without.add(path.resolve(dir));
  };
  return check;
}

/** A directory's .gitignore: the directory (ending in a separator) and whether its patterns match a path below it. */
interface IgnoreFile {
  dir: string;
  ignores: (rel: string) => boolean;
}

/** Whether any of a .gitignore's `globs` (gitignoreGlobs) matches `rel`, a `/` path below its directory, as
 *  globToRegExp's expressions would. A pattern without a slash (gitignoreGlobs puts `**` and a slash before it)
 *  matches a path when it matches one of the path's segments whole: those are a set of names and one expression
 *  per segment, since one wide alternation of `^(?:.*\/)?name(?:\/.*)?$` tried on the whole path backtracks at
 *  every slash (8 copies of Kong outside git, 30 patterns: 77 ms of a 2 s run). The others are one expression. */
export function gitignoreMatcher(globs: readonly string[]): (rel: string) => boolean {
  const names = new Set<string>();
  const segments: string[] = [];
  const paths: string[] = [];
  for (const glob of globs) {
    const name = glob.startsWith('**/') ? glob.slice(3) : undefined;
    if (name === undefined || name.includes('/') || name.includes('**')) paths.push(globBody(glob));
    else if (/[*?[{\\]/.test(name)) segments.push(globBody(name));
    else names.add(name);
  }
  const segment = segments.length > 0 ? new RegExp(`^(?:${segments.join('|')})$`) : undefined;
  const whole = paths.length > 0 ? new RegExp(`^(?:${paths.join('|')})(?:/.*)?$`) : undefined;
  return (rel) => {
    if (whole?.test(rel)) return true;
    for (let start = 0; ; ) {
      const end = rel.indexOf('/', start);
      const part = end < 0 ? rel.slice(start) : rel.slice(start, end);
      if (names.has(part) || segment?.test(part)) return true;
      if (end < 0) return false;
      start = end + 1;
    }
  };
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The patterns of `dir/.gitignore` as globs relative to `dir` (a name without `/` matches at any depth). */
export function gitignoreGlobs(dir: string): string[] {
  const file = path.join(dir, '.gitignore');
  // Most directories have none: asking first costs far less than the exception a failed read throws (8 copies of
  // Kong outside git: 5,137 directories, 64 .gitignore files; discovery 0.2 s faster).
  if (!fs.existsSync(file)) return [];
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    let pat = line.replace(/\/+$/, '');
    const anchored = pat.includes('/');
    pat = pat.replace(/^\//, '');
    out.push(anchored ? pat : `**/${pat}`);
  }
  return out;
}
