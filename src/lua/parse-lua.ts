// luaparse behind one function: LuaJIT syntax, byte offsets, and every failure turned into a value.
// What LuaJIT accepts and what it skips before the first token: docs/semantics.md §9.
import luaparse from 'luaparse';
import type { Chunk } from 'luaparse';
import type { SourceText } from '../source/source-text.ts';

export type ParseResult =
  | { ok: true; chunk: Chunk }
  | { ok: false; offset: number; message: string };

/** How the LuaJIT that runs the code was built, as far as it changes what parses (docs/semantics.md §9.3). */
export interface LuaSyntax {
  /** Built with LUAJIT_ENABLE_LUA52COMPAT, as OpenResty's own build is by default: `goto` is a reserved word,
   *  `;` is an empty statement, `break` need not end a block, and a call's `(` may start a new line. */
  lua52Compat: boolean;
}

/** OpenResty's default build (util/configure adds -DLUAJIT_ENABLE_LUA52COMPAT unless --without-luajit-lua52). */
export const DEFAULT_LUA_SYNTAX: LuaSyntax = { lua52Compat: true };

const OPTIONS = {
  luaVersion: 'LuaJIT',
  extendedIdentifiers: true,
  locations: false,
  ranges: true,
  // Suppression comments are read from the text itself; collecting comment nodes only costs time.
  comments: false,
  scope: false,
  // Strings come back as byte strings (decode with bytesToUtf8); needs latin1 input.
  encodingMode: 'pseudo-latin1',
} as const;

// luajitLua52Compat and a node's range as two numbers (rangeStart, rangeEnd: no array, no marker object per node)
// come from patches/luaparse+0.3.1.patch. Without the patch, luaparse would ignore the option silently and report
// valid OpenResty code as a syntax error, and every position would be 0: refuse to run without it.
if (!accepts(';', true) || !rangesAreNumbers()) {
  throw new Error('luaparse lacks patches/luaparse+0.3.1.patch (option luajitLua52Compat, rangeStart/rangeEnd): reinstall it with `npm ci`');
}

/** Parses Lua source given as a latin1 byte string (the offsets in the tree are byte offsets), as LuaJIT's
 *  loadstring / loadbuffer would: inline nginx code and anything else that is not read from a file. */
export function parseLuaText(latin1: string, syntax: LuaSyntax = DEFAULT_LUA_SYNTAX): ParseResult {
  return parseChunk(latin1, false, syntax);
}

/** Parses a Lua file (SourceText has already taken off a UTF-8 BOM, which LuaJIT skips too). */
export function parseLua(text: SourceText, syntax: LuaSyntax = DEFAULT_LUA_SYNTAX): ParseResult {
  return parseChunk(text.latin1, text.bomLength > 0, syntax);
}

/**
 * The chunk as LuaJIT's lexer starts on it (luajit2 src/lj_lex.c, lj_lex_setup): it skips a UTF-8 BOM, then a
 * first line that starts with `#` (any `#`, not only `#!`) up to the first CR or LF. Skipped bytes become spaces
 * (the line break stays), so byte offsets and line numbers are those of the file. `header` says whether anything
 * was skipped; `bytecodeAt` is where LuaJIT then looks for the ESC that starts bytecode (after that line break).
 */
export function skipChunkHeader(latin1: string, hadBom = false): { text: string; header: boolean; bytecodeAt: number } {
  let start = 0;
  let header = hadBom;
  if (latin1.startsWith('\xef\xbb\xbf')) {
    start = 3;
    header = true;
  }
  let bytecodeAt = start;
  if (latin1.charCodeAt(start) === 0x23 /* # */) {
    header = true;
    while (start < latin1.length && !isEol(latin1.charCodeAt(start))) start++;
    // lex_newline: one line break, where CR LF and LF CR count as one.
    bytecodeAt = start + 1;
    if (isEol(latin1.charCodeAt(bytecodeAt)) && latin1.charCodeAt(bytecodeAt) !== latin1.charCodeAt(start)) bytecodeAt++;
  }
  return { text: start === 0 ? latin1 : ' '.repeat(start) + latin1.slice(start), header, bytecodeAt };
}

function isEol(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/**
 * Bytecode by its signature at the start of the file (docs/semantics.md §9.2), never by NUL bytes, which Lua
 * strings may hold: `\x1bLJ` is LuaJIT's dump header (lj_bcdump.h), `\x1bLua` PUC Lua's (LuaJIT refuses it with
 * "cannot load incompatible bytecode").
 */
export function bytecodeKind(bytes: Uint8Array): 'LuaJIT' | 'PUC Lua' | undefined {
  if (bytes[0] !== 0x1b || bytes[1] !== 0x4c) return undefined;
  if (bytes[2] === 0x4a) return 'LuaJIT';
  if (bytes[2] === 0x75 && bytes[3] === 0x61) return 'PUC Lua';
  return undefined;
}

function parseChunk(latin1: string, hadBom: boolean, syntax: LuaSyntax): ParseResult {
  const { text, header, bytecodeAt } = skipChunkHeader(latin1, hadBom);
  if (text.charCodeAt(bytecodeAt) === 0x1b) {
    // LuaJIT reads a chunk that starts with ESC as bytecode: refused after a header (lj_lex_setup), and
    // anything without the \x1bLJ header is incompatible (lj_bcread.c, bcread_header).
    return { ok: false, offset: bytecodeAt, message: header ? 'cannot load malformed bytecode' : 'cannot load incompatible bytecode' };
  }
  try {
    const chunk = luaparse.parse(text, optionsFor(syntax)) as Chunk;
    return { ok: true, chunk };
  } catch (e) {
    if (e instanceof RangeError) {
      return { ok: false, offset: 0, message: 'code is nested too deeply to parse (stack exhausted); LuaJIT itself rejects nesting deeper than about 200 levels' };
    }
    const err = e as { index?: number; message?: string };
    if (typeof err.index === 'number') {
      // luaparse's own column is inconsistent (0- or 1-based); the index is reliable.
      const message = String(err.message ?? 'syntax error').replace(/^\[\d+:\d+\]\s*/, '');
      return { ok: false, offset: err.index, message };
    }
    throw e;
  }
}

function optionsFor(syntax: LuaSyntax): luaparse.Options {
  return { ...OPTIONS, luajitLua52Compat: syntax.lua52Compat } as unknown as luaparse.Options;
}

function rangesAreNumbers(): boolean {
  const node = (luaparse.parse(' return', optionsFor(DEFAULT_LUA_SYNTAX)) as Chunk).body[0] as unknown as { rangeStart?: unknown; rangeEnd?: unknown };
  return node.rangeStart === 1 && node.rangeEnd === 7;
}

function accepts(src: string, lua52Compat: boolean): boolean {
  try {
    luaparse.parse(src, optionsFor({ lua52Compat }));
    return true;
  } catch {
    return false;
  }
}
