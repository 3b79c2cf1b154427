// nginx-style glob expansion for `include` patterns: POSIX glob() as nginx calls it, glob(pattern, 0, ...), i.e.
// sorted results (C locale: byte order), a leading `.` in a name only matched by a literal `.`, `\` escapes, and
// no error when nothing matches. Directories are listed through the caller, so tests can use a memory file system.

/** The directory listing globFiles needs (ConfFiles in include.ts has this shape). */
export interface DirectoryLister {
  /** The entry names of a directory, or undefined when it is not a readable directory. Needed for globs. */
  list?(dir: string): string[] | undefined;
}

/** Files matching an absolute glob pattern, sorted like glob(3); undefined when `files.list` is missing. */
export function globFiles(files: DirectoryLister, pattern: string): string[] | undefined {
  if (!files.list) return undefined;
  const list = files.list.bind(files);
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p) => p !== '');
  // Like glob(3), start at the literal directories before the first wildcard: they are not listed, only the
  // directories the wildcards apply to are (so `/srv/app/conf.d/*.conf` lists conf.d and nothing above it).
  let first = parts.findIndex(hasMagic);
  if (first < 0) first = Math.max(0, parts.length - 1);
  const head = parts.slice(0, first).map(unescapeGlob).join('/');
  let current = [absolute ? `/${head}` : head === '' ? '.' : head];
  for (let i = first; i < parts.length; i++) {
    const part = parts[i];
    const next: string[] = [];
    for (const dir of current) {
      if (!hasMagic(part)) {
        const name = unescapeGlob(part);
        const entries = list(dir);
        if (entries?.includes(name) || ((name === '.' || name === '..') && entries)) next.push(joinPath(dir, name));
        continue;
      }
      for (const name of list(dir) ?? []) {
        if (fnmatch(part, name)) next.push(joinPath(dir, name));
      }
    }
    current = next;
  }
  return current.sort(byteOrder);
}

function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : dir === '.' ? name : `${dir}/${name}`;
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Whether a path component has an unescaped `*`, `?` or `[`. */
export function hasMagic(part: string): boolean {
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

function unescapeGlob(part: string): string {
  return part.replace(/\\(.)/g, '$1');
}

/** fnmatch(pattern, name, FNM_PERIOD) for one path component. */
export function fnmatch(pattern: string, name: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.') && !pattern.startsWith('\\.')) return false;
  return matchFrom(pattern, 0, name, 0);
}

function matchFrom(p: string, pi: number, s: string, si: number): boolean {
  while (pi < p.length) {
    const c = p[pi];
    if (c === '*') {
      while (p[pi] === '*') pi++;
      if (pi === p.length) return true;
      for (let k = si; k <= s.length; k++) if (matchFrom(p, pi, s, k)) return true;
      return false;
    }
    if (si >= s.length) return false;
    if (c === '?') {
      pi++;
      si++;
      continue;
    }
    if (c === '[') {
      const r = matchBracket(p, pi, s[si]);
      if (r === undefined) {
        // An unclosed `[` is an ordinary character.
        if (s[si] !== '[') return false;
        pi++;
        si++;
        continue;
      }
      if (!r.matched) return false;
      pi = r.next;
      si++;
      continue;
    }
    if (c === '\\' && pi + 1 < p.length) {
      if (p[pi + 1] !== s[si]) return false;
      pi += 2;
      si++;
      continue;
    }
    if (c !== s[si]) return false;
    pi++;
    si++;
  }
  return si === s.length;
}

const CLASSES: Record<string, (ch: string) => boolean> = {
  alpha: (ch) => /[A-Za-z]/.test(ch),
  digit: (ch) => /[0-9]/.test(ch),
  alnum: (ch) => /[A-Za-z0-9]/.test(ch),
  upper: (ch) => /[A-Z]/.test(ch),
  lower: (ch) => /[a-z]/.test(ch),
  space: (ch) => /[ \t\n\r\f\v]/.test(ch),
  blank: (ch) => ch === ' ' || ch === '\t',
  punct: (ch) => /[!-/:-@[-`{-~]/.test(ch),
  xdigit: (ch) => /[0-9A-Fa-f]/.test(ch),
  print: (ch) => ch >= ' ' && ch <= '~',
  graph: (ch) => ch > ' ' && ch <= '~',
  cntrl: (ch) => ch < ' ' || ch === '\x7f',
};

function matchBracket(p: string, pi: number, ch: string): { matched: boolean; next: number } | undefined {
  let i = pi + 1;
  let negate = false;
  if (p[i] === '!' || p[i] === '^') {
    negate = true;
    i++;
  }
  let matched = false;
  let first = true;
  while (i < p.length) {
    let c = p[i];
    if (c === ']' && !first) return { matched: matched !== negate, next: i + 1 };
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const end = p.indexOf(':]', i + 2);
      if (end > 0) {
        const test = CLASSES[p.slice(i + 2, end)];
        if (test?.(ch)) matched = true;
        i = end + 2;
        continue;
      }
    }
    if (c === '\\' && i + 1 < p.length) {
      i++;
      c = p[i];
    }
    if (p[i + 1] === '-' && i + 2 < p.length && p[i + 2] !== ']') {
      let hi = p[i + 2];
      let skip = 3;
      if (hi === '\\' && i + 3 < p.length) {
        hi = p[i + 3];
        skip = 4;
      }
      if (ch >= c && ch <= hi) matched = true;
      i += skip;
      continue;
    }
    if (ch === c) matched = true;
    i++;
  }
  return undefined;
}
