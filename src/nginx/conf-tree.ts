// nginx.conf directive tree with `include` resolved (semantics.md §5.1, §5.2).
//
// parseConfText turns one file into a tree (a pure function of the file's text; includes left as they are).
// parseNginxConf reads the main file and every included file and splices each included file's directives in
// right after its `include` directive, in the same block, since nginx parses them in the context of the include.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

import { SourceText } from '../source/source-text.ts';
import { luaDirective, luaDirectiveArgCountOk, type LuaDirectiveInfo, type LuaPhase } from './lua-directives.ts';
import { tokenizeConf, tokenValueOffset, type ConfEvent, type Token } from './tokenize.ts';

export type { Token } from './tokenize.ts';

/** The Lua a directive carries. */
export type LuaCode =
  | {
      form: 'block';
      phase: LuaPhase | undefined; // undefined for a `*_by_lua_block` name ngx_lua does not have (yet)
      /** The Lua source between the braces, as latin1 (one char per byte). */
      body: string;
      /** Offset of body[0] in the file: conf offset = bodyOffset + Lua offset. */
      bodyOffset: number;
      /**
       * Ranges of the file (inside the body) that lua-nginx-module's reader drops from the code it gives Lua (a
       * buffer bug, reported as an error). Almost always absent; see nginxLuaBody in lua-block.ts.
       */
      dropped?: { start: number; end: number }[];
    }
  | {
      form: 'string';
      phase: LuaPhase;
      /** The code nginx passes to Lua: the parameter with nginx's escapes applied (latin1). */
      body: string;
      /** The parameter holding the code; map Lua offsets with luaOffsetToConf. */
      token: Token;
    }
  | {
      form: 'file';
      phase: LuaPhase;
      /** The path as written (relative paths are resolved against nginx's server prefix, `-p`). */
      path: string;
      token: Token;
    };

export interface Directive {
  name: string;
  /** The parameters after the name. */
  args: Token[];
  nameToken: Token;
  /** The file the directive is written in. */
  file: string;
  /** Offset of the directive name. */
  offset: number;
  /** Offset just after the directive's `;` or closing `}`. */
  end: number;
  /** Contents of a block directive (not of a Lua block). Included files are spliced in. */
  children?: Directive[];
  /** Offsets of `{` and `}` of a block (close is undefined when the block never closes). */
  block?: { open: number; close: number | undefined };
  lua?: LuaCode;
  /** For `include`: the pattern as nginx resolves it, and the files it matched, in nginx's order. */
  include?: { pattern: string; files: string[] };
}

export interface ConfDiagnostic {
  file: string;
  offset: number;
  message: string;
}

export interface ParsedConfFile {
  file: string;
  directives: Directive[];
  errors: ConfDiagnostic[];
}

/**
 * One file's directive tree (a pure function of its text). `text` is the file's bytes as latin1 (e.g.
 * SourceText.latin1, so offsets are SourceText offsets). Includes are not followed here.
 */
export function parseConfText(text: string, file: string): ParsedConfFile {
  const { events, errors } = tokenizeConf(text);
  const diagnostics: ConfDiagnostic[] = errors.map((e) => ({ file, offset: e.offset, message: e.message }));
  const root: Directive[] = [];
  const stack: Directive[][] = [root];
  const open: Directive[] = [];

  const add = (d: Directive) => stack[stack.length - 1].push(d);
  const report = (offset: number, message: string) => diagnostics.push({ file, offset, message });

  for (const ev of events) {
    if (ev.type === 'block-end') {
      const d = open.pop();
      stack.pop();
      if (d?.block) {
        d.block.close = ev.close;
        d.end = ev.close + 1;
      }
      continue;
    }
    const d = newDirective(ev, file);
    checkLuaDirective(d, ev, report);
    add(d);
    if (ev.type === 'block-start') {
      d.children = [];
      open.push(d);
      stack.push(d.children);
    }
  }
  // Blocks left open at the end of the file (reported by the tokenizer) end with it.
  for (const d of open) d.end = text.length;
  diagnostics.sort((a, b) => a.offset - b.offset);
  return { file, directives: root, errors: diagnostics };
}

function newDirective(ev: Exclude<ConfEvent, { type: 'block-end' }>, file: string): Directive {
  const [nameToken, ...args] = ev.args;
  const d: Directive = { name: nameToken.value, args, nameToken, file, offset: nameToken.start, end: 0 };
  switch (ev.type) {
    case 'directive':
      d.end = ev.end;
      break;
    case 'block-start':
      d.end = ev.open + 1;
      d.block = { open: ev.open, close: undefined };
      break;
    case 'lua-block':
      d.end = ev.close === undefined ? ev.bodyOffset + (ev.body?.length ?? 0) : ev.close + 1;
      d.block = { open: ev.open, close: ev.close };
      if (ev.body !== undefined) {
        d.lua = { form: 'block', phase: luaDirective(d.name)?.phase, body: ev.body, bodyOffset: ev.bodyOffset };
        if (ev.dropped) d.lua.dropped = ev.dropped;
      }
      break;
  }
  if (ev.type === 'directive') {
    const info = luaDirective(d.name);
    if (info && info.form !== 'block') {
      const token = args[info.argsBefore];
      if (token) {
        d.lua =
          info.form === 'string'
            ? { form: 'string', phase: info.phase, body: token.value, token }
            : { form: 'file', phase: info.phase, path: token.value, token };
      }
    }
  }
  return d;
}

/** ngx_conf_handler's checks that decide how nginx reads a Lua directive (terminator, argument count). */
function checkLuaDirective(
  d: Directive,
  ev: Exclude<ConfEvent, { type: 'block-end' }>,
  report: (offset: number, message: string) => void,
): void {
  const info: LuaDirectiveInfo | undefined = luaDirective(d.name);
  if (!info) return;
  if (info.form === 'block') {
    // A `*_by_lua_block` with `{` is checked by the tokenizer before it reads the Lua.
    if (ev.type === 'directive' && ev.terminated) report(d.offset, `directive "${d.name}" has no opening "{"`);
    else if (ev.type === 'lua-block' && ev.body === '' && info.emptyCodeRejected) report(d.offset, NO_CODE);
    return;
  }
  if (ev.type !== 'directive') {
    report(d.offset, `directive "${d.name}" is not terminated by ";"`);
    return;
  }
  if (!luaDirectiveArgCountOk(info, d.args.length)) {
    report(d.offset, `invalid number of arguments in "${d.name}" directive`);
    return;
  }
  if (info.emptyCodeRejected && d.args[info.argsBefore]?.value === '') report(d.offset, NO_CODE);
}

const NO_CODE = 'invalid location config: no runnable Lua code';

/** Maps an offset into a directive's Lua code (block or string form) to an offset in its conf file. */
export function luaOffsetToConf(lua: LuaCode, luaOffset: number): number {
  switch (lua.form) {
    case 'block':
      return lua.bodyOffset + luaOffset;
    case 'string':
      return tokenValueOffset(lua.token, luaOffset);
    case 'file':
      return lua.token.start;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Include resolution

/** What parseNginxConf reads. */
export interface ConfFiles {
  /** The file's bytes, or undefined when it cannot be read (missing, a directory, no permission). */
  read(path: string): Buffer | undefined;
  /** The entry names of a directory, or undefined when it is not a readable directory. Needed for globs. */
  list?(dir: string): string[] | undefined;
}

/** ConfFiles over the real file system. */
export const nodeConfFiles: ConfFiles = {
  read(path) {
    try {
      if (!statSync(path).isFile()) return undefined;
      return readFileSync(path);
    } catch {
      return undefined;
    }
  },
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return undefined;
    }
  },
};

export interface ParseNginxConfOptions {
  /** nginx's conf prefix, which relative `include` paths are resolved against. Default: the main file's directory. */
  confPrefix?: string;
  /** Include nesting limit (a safety net beside the cycle check). Default 64. */
  maxIncludeDepth?: number;
  /** Limit on the number of file parses an include tree may cost. Default 10000. */
  maxIncludedFiles?: number;
}

export interface NginxConf {
  mainPath: string;
  /** The main file's directives, with included files spliced in after each `include`. */
  directives: Directive[];
  /** Every file read, with its text (for positions: `sources.get(file).position(offset)`). */
  sources: Map<string, SourceText>;
  /** Tokenizer and include errors, per file; the same error in a file included twice is reported once. */
  errors: ConfDiagnostic[];
}

/**
 * Parses the main configuration file and everything it includes. Never throws for bad input: unreadable files,
 * include cycles and syntax errors become diagnostics, and the directives of the other files are still returned.
 */
export function parseNginxConf(files: ConfFiles, mainPath: string, options: ParseNginxConfOptions = {}): NginxConf {
  const confPrefix = options.confPrefix ?? dirname(mainPath);
  const maxDepth = options.maxIncludeDepth ?? 64;
  const maxParses = options.maxIncludedFiles ?? 10_000;
  const sources = new Map<string, SourceText>();
  const parsed = new Map<string, ParsedConfFile | undefined>();
  // Errors are returned in nginx's parse order (the first is the one nginx reports): each is keyed by the
  // offsets of the include directives that led to its file, then its own offset.
  const keyed: { key: number[]; error: ConfDiagnostic }[] = [];
  const seenErrors = new Set<string>();
  let parses = 0;

  const report = (e: ConfDiagnostic, includePath: number[]) => {
    const id = `${e.file}\0${e.offset}\0${e.message}`;
    if (seenErrors.has(id)) return;
    seenErrors.add(id);
    keyed.push({ key: [...includePath, e.offset], error: e });
  };
  const sortedErrors = (): ConfDiagnostic[] =>
    keyed.sort((a, b) => compareKeys(a.key, b.key)).map((k) => k.error);

  const load = (path: string): ParsedConfFile | undefined => {
    if (parsed.has(path)) return parsed.get(path);
    const bytes = files.read(path);
    if (!bytes) {
      parsed.set(path, undefined);
      return undefined;
    }
    const source = new SourceText(bytes);
    sources.set(path, source);
    const result = parseConfText(source.latin1, path);
    if (source.bomLength > 0) {
      result.errors.unshift({
        file: path,
        offset: 0,
        message: 'the file starts with a UTF-8 byte order mark, which nginx reads as part of the first directive name',
      });
    }
    parsed.set(path, result);
    return result;
  };

  // Copies a file's tree, following includes; `stack` holds the files being expanded (cycle check) and `at`
  // the offsets of the include directives that led there.
  const expand = (list: Directive[], stack: string[], at: number[]): Directive[] => {
    const out: Directive[] = [];
    for (const d of list) {
      const copy: Directive = { ...d };
      if (d.children) copy.children = expand(d.children, stack, at);
      out.push(copy);
      if (d.name !== 'include') continue;
      const includingFile = d.file;
      const here = (message: string) => report({ file: includingFile, offset: d.offset, message }, at);
      if (d.block) {
        here('directive "include" is not terminated by ";"');
        continue;
      }
      if (d.args.length !== 1) {
        here('invalid number of arguments in "include" directive');
        continue;
      }
      const pattern = isAbsolute(d.args[0].value) ? d.args[0].value : join(confPrefix, d.args[0].value);
      // nginx globs when the path has any of `*?[` (strpbrk), and sorts the matches; a glob may match nothing.
      const globbed = /[*?[]/.test(pattern) ? globFiles(files, pattern) : [pattern];
      const matched = globbed?.map((p) => resolve(p));
      if (matched === undefined) {
        here(`cannot expand the include pattern "${pattern}": no directory listing available`);
        continue;
      }
      copy.include = { pattern, files: matched };
      for (const path of matched) {
        if (stack.includes(path)) {
          // nginx itself recurses until it crashes (SIGSEGV from `nginx -t` with nginx 1.22).
          here(`include cycle: ${[...stack.slice(stack.indexOf(path)), path].join(' -> ')}`);
          continue;
        }
        if (stack.length > maxDepth) {
          here(`includes nested deeper than ${maxDepth} files`);
          continue;
        }
        if (++parses > maxParses) {
          here(`more than ${maxParses} included files; the rest are skipped`);
          continue;
        }
        const sub = load(path);
        if (!sub) {
          here(`open() "${path}" failed (cannot read the file)`);
          continue;
        }
        const subAt = [...at, d.offset];
        for (const e of sub.errors) report(e, subAt);
        out.push(...expand(sub.directives, [...stack, path], subAt));
      }
    }
    return out;
  };

  const main = resolve(mainPath);
  const root = load(main);
  if (!root) {
    report({ file: main, offset: 0, message: `open() "${main}" failed (cannot read the file)` }, []);
    return { mainPath: main, directives: [], sources, errors: sortedErrors() };
  }
  for (const e of root.errors) report(e, []);
  const directives = expand(root.directives, [main], []);
  return { mainPath: main, directives, sources, errors: sortedErrors() };
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Calls `fn` for every directive, depth first in file order, with its enclosing block directives. */
export function walkDirectives(list: Directive[], fn: (d: Directive, parents: Directive[]) => void, parents: Directive[] = []): void {
  for (const d of list) {
    fn(d, parents);
    if (d.children) walkDirectives(d.children, fn, [...parents, d]);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// POSIX glob() as nginx calls it: glob(pattern, 0, ...), i.e. sorted results (C locale: byte order), a leading
// `.` in a name only matched by a literal `.`, `\` escapes, and no error when nothing matches.

/** Files matching an absolute glob pattern, sorted like glob(3); undefined when `files.list` is missing. */
export function globFiles(files: ConfFiles, pattern: string): string[] | undefined {
  if (!files.list) return undefined;
  const list = files.list.bind(files);
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p) => p !== '');
  let current = [absolute ? '/' : '.'];
  for (let i = 0; i < parts.length; i++) {
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

function hasMagic(part: string): boolean {
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
