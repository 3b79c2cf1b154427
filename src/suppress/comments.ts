// Where the comments of a file are, as its own language's lexer sees them: only a comment can hold a suppression
// directive, never a string that looks like one (`local s = "-- resty-lint: ignore-file x"`).
//   Lua: `--` line comments and `--[==[ ... ]==]` long comments, outside '...', "..." and [==[ ... ]==] strings;
//        a first line starting with `#` is skipped as LuaJIT skips it (not a comment, no directive).
//   nginx.conf: `#` comments between tokens (never inside a quoted or unquoted parameter), and the Lua comments
//        of `*_by_lua_block { ... }` bodies.
//   redis.conf: lines whose first non-blank byte is `#` (redis has no trailing comments).
// Offsets are into SourceText.latin1 (byte offsets). A separate scan, so that parsing stays free of comment
// collection (parse-lua.ts).
import { tokenizeConf } from '../nginx/tokenize.ts';

export type CommentSyntax = 'lua' | 'nginx' | 'redis';

/** A comment: `start` is its marker (`--` or `#`), `end` the offset after it (a line comment stops before the line break). */
export interface CommentRange {
  start: number;
  end: number;
}

export function commentsOf(latin1: string, syntax: CommentSyntax): CommentRange[] {
  switch (syntax) {
    case 'lua':
      return luaComments(latin1, skipHeader(latin1), latin1.length);
    case 'nginx':
      return nginxComments(latin1);
    case 'redis':
      return redisComments(latin1);
  }
}

const LF = 10;
const CR = 13;
const DASH = 45;
const LBRACKET = 91;
const RBRACKET = 93;
const EQUALS = 61;
const BACKSLASH = 92;
const DQUOTE = 34;
const SQUOTE = 39;
const HASH = 35;

function isEol(c: number): boolean {
  return c === LF || c === CR;
}

function lineEnd(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && !isEol(s.charCodeAt(i))) i++;
  return i;
}

/** LuaJIT skips a first line starting with `#` (lj_lex_setup); SourceText has already removed a BOM. */
function skipHeader(s: string): number {
  return s.charCodeAt(0) === HASH ? lineEnd(s, 0, s.length) : 0;
}

/** The level of a long bracket `[==[` opening at `i` (the number of `=`), or -1 when there is none. */
function longBracketLevel(s: string, i: number): number {
  if (s.charCodeAt(i) !== LBRACKET) return -1;
  let j = i + 1;
  while (s.charCodeAt(j) === EQUALS) j++;
  return s.charCodeAt(j) === LBRACKET ? j - i - 1 : -1;
}

/** The offset after the `]==]` closing a long bracket of `level` whose body starts at `from`; `to` when unclosed. */
function longBracketEnd(s: string, from: number, level: number, to: number): number {
  const close = `]${'='.repeat(level)}]`;
  const at = s.indexOf(close, from);
  return at < 0 || at + close.length > to ? to : at + close.length;
}

/** Lua comments in s[from, to): the lexer's view (llex.c / lj_lex.c), strings and long brackets skipped. */
export function luaComments(s: string, from: number, to: number, out: CommentRange[] = []): CommentRange[] {
  let i = from;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c === DASH && s.charCodeAt(i + 1) === DASH && i + 1 < to) {
      const level = longBracketLevel(s, i + 2);
      const end = level >= 0 ? longBracketEnd(s, i + 4 + level, level, to) : lineEnd(s, i + 2, to);
      out.push({ start: i, end });
      i = end;
    } else if (c === DQUOTE || c === SQUOTE) {
      i = shortStringEnd(s, i, to);
    } else if (c === LBRACKET) {
      const level = longBracketLevel(s, i);
      i = level >= 0 ? longBracketEnd(s, i + 2 + level, level, to) : i + 1;
    } else {
      i++;
    }
  }
  return out;
}

/** The offset after a '...' or "..." string opening at `i` (at the line break when unfinished, as Lua stops there). */
function shortStringEnd(s: string, i: number, to: number): number {
  const quote = s.charCodeAt(i);
  let j = i + 1;
  while (j < to) {
    const c = s.charCodeAt(j);
    if (c === quote) return j + 1;
    if (isEol(c)) return j;
    // An escape takes the next byte whatever it is (an escaped line break continues the string).
    if (c === BACKSLASH) {
      j += s.charCodeAt(j + 1) === CR && s.charCodeAt(j + 2) === LF ? 3 : 2;
    } else j++;
  }
  return to;
}

/** `#` comments of an nginx configuration: the bytes no token and no Lua block covers, plus Lua blocks' comments. */
function nginxComments(s: string): CommentRange[] {
  const covered: Array<[number, number]> = [];
  const out: CommentRange[] = [];
  for (const e of tokenizeConf(s).events) {
    if (e.type === 'block-end') continue;
    for (const t of e.args) covered.push([t.start, t.end]);
    if (e.type === 'lua-block') {
      const end = e.close === undefined ? s.length : e.close + 1;
      covered.push([e.open, end]);
      luaComments(s, e.bodyOffset, e.body === undefined ? s.length : e.bodyOffset + e.body.length, out);
    }
  }
  covered.sort((a, b) => a[0] - b[0]);
  let i = 0;
  let k = 0;
  while (i < s.length) {
    while (k < covered.length && covered[k][1] <= i) k++;
    if (k < covered.length && covered[k][0] <= i) {
      i = covered[k][1];
      continue;
    }
    const next = k < covered.length ? covered[k][0] : s.length;
    const hash = s.indexOf('#', i);
    if (hash < 0) break;
    if (hash >= next) {
      i = next;
      continue;
    }
    const end = lineEnd(s, hash, s.length);
    out.push({ start: hash, end });
    i = end;
  }
  return out.sort((a, b) => a.start - b.start);
}

/** redis.conf: a line is a comment when its first non-blank byte is `#` (config.c, loadServerConfigFromString). */
function redisComments(s: string): CommentRange[] {
  const out: CommentRange[] = [];
  for (const m of s.matchAll(/^[ \t]*(#[^\r\n]*)/gm)) out.push({ start: m.index + m[0].length - m[1].length, end: m.index + m[0].length });
  return out;
}
