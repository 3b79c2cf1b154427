// luaparse behind one function: LuaJIT syntax, byte offsets, and every failure turned into a value.
import luaparse from 'luaparse';
import type { Chunk } from 'luaparse';
import type { SourceText } from '../source/source-text.ts';

export type ParseResult =
  | { ok: true; chunk: Chunk }
  | { ok: false; offset: number; message: string };

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

/** Parses Lua source given as a latin1 byte string (the offsets in the tree are byte offsets). */
export function parseLuaText(latin1: string): ParseResult {
  try {
    const chunk = luaparse.parse(latin1, OPTIONS as unknown as luaparse.Options) as Chunk;
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

export function parseLua(text: SourceText): ParseResult {
  return parseLuaText(text.latin1);
}
