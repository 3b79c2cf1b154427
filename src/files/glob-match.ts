// fast-glob-style patterns (`**`, `*`, `?`, `[...]`, `{a,b}`) matched against relative `/` paths, for the
// config file's `ignore` list (fast-glob itself only matches while walking the disk).

export function globToRegExp(pattern: string): RegExp {
  // A directory pattern also covers everything below it.
  return new RegExp(`^${globBody(pattern)}(?:/.*)?$`);
}

/** The expression for `pattern` itself, unanchored (what globToRegExp wraps). */
export function globBody(pattern: string): string {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = pattern.indexOf('}', i + 1);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${pattern.slice(i + 1, end).split(',').map(escape).join('|')})`;
        i = end;
      }
    } else re += escape(c);
  }
  return re;
}

function escape(s: string): string {
  return s.replace(/[.+^$()|\\/]/g, (m) => `\\${m}`);
}

/** Paths not excluded by `patterns` (later `!pattern`s re-include, as in .gitignore). */
export function filterIgnored(paths: readonly string[], patterns: readonly string[]): string[] {
  if (patterns.length === 0) return [...paths];
  const compiled = patterns.map((p) => ({ negate: p.startsWith('!'), re: globToRegExp(p.replace(/^!/, '').replace(/^\.\//, '')) }));
  return paths.filter((p) => {
    let ignored = false;
    for (const { negate, re } of compiled) if (re.test(p)) ignored = !negate;
    return !ignored;
  });
}
