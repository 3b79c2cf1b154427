// nginx.conf directive tree of one file (docs/semantics.md §5.1): parseConfText turns a file's text into directives
// (a pure function of the text; `include` directives are left as they are), plus helpers over the tree.
// Following includes is parseNginxConf in include.ts; its glob matching is in glob.ts.

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

/** Calls `fn` for every directive, depth first in file order, with its enclosing block directives. */
export function walkDirectives(list: Directive[], fn: (d: Directive, parents: Directive[]) => void, parents: Directive[] = []): void {
  for (const d of list) {
    fn(d, parents);
    if (d.children) walkDirectives(d.children, fn, [...parents, d]);
  }
}
