// lua-nginx-module's lexer for `*_by_lua_block { ... }` bodies (docs/semantics.md §5.2).
//
// nginx reads the directive name and the `{`; then ngx_http_lua_conf_lua_block_parse() reads the raw bytes with
// its own lexer (src/ngx_http_lua_lex.c, generated from util/gen-lexer-c), which knows only 8 token kinds:
//   0 `{`   1 `}`   2 `[=*[`   3 `--[=*[`   4 `]=*]`   5 `--[^\n]*`   6 `"(?:\\[^\n]|[^"\n\\])*"`
//   7 `'(?:\\[^\n]|[^'\n\\])*'`
// Braces are counted; everything else is copied verbatim (no `#` comments, no escapes, no `$` variables).
// The block ends at the `}` that brings the depth back to 0. This module also reproduces how that reader walks
// nginx's 4096-byte configuration buffer, since the buffer decides two load-time errors ("too long lua code
// block", and a long bracket whose closing bracket is not in the buffer).

/** Token kinds of ngx_http_lua_lex, numbered as its regex list / the FOUND_* enum in ngx_http_lua_directive.c. */
export const LuaLexKind = {
  LeftCurly: 0,
  RightCurly: 1,
  LongStringOpen: 2,
  LongCommentOpen: 3,
  LongBracketClose: 4,
  LineComment: 5,
  DoubleQuoted: 6,
  SingleQuoted: 7,
} as const;
export type LuaLexKind = (typeof LuaLexKind)[keyof typeof LuaLexKind];

export interface LuaLexMatch {
  kind: LuaLexKind;
  start: number;
  end: number;
}

/** nginx's configuration buffer size (NGX_CONF_BUFFER). */
export const CONF_BUFFER = 4096;

/**
 * The state ngx_conf_read_token and the Lua block reader share: the file text (latin1, one char per byte), the
 * read position, and where the simulated 4096-byte buffer starts and how far the file has been read into it.
 */
export interface ConfBuffer {
  readonly text: string;
  pos: number;
  bufStart: number;
  bufLast: number;
}

/** A diagnostic: a byte offset into the text and a message worded like nginx's. */
export interface ConfError {
  offset: number;
  message: string;
}

const LF = 10;
const BACKSLASH = 92;

/**
 * ngx_http_lua_lex on `text[from, to)`: the leftmost match of the 8 regexes, the first regex winning when several
 * match at the same position. A token cut off by `to` does not match there (the search goes on past its start),
 * except a line comment, which ends at `to`. Returns undefined when nothing matches.
 */
export function luaLex(text: string, from: number, to: number): LuaLexMatch | undefined {
  for (let i = from; i < to; i++) {
    const m = matchAt(text, i, to);
    if (m) return m;
  }
  return undefined;
}

function matchAt(text: string, i: number, to: number): LuaLexMatch | undefined {
  const c = text.charCodeAt(i);
  switch (c) {
    case 123: // {
      return { kind: LuaLexKind.LeftCurly, start: i, end: i + 1 };
    case 125: // }
      return { kind: LuaLexKind.RightCurly, start: i, end: i + 1 };
    case 91: {
      // [=*[
      const j = skipEquals(text, i + 1, to);
      if (j < to && text.charCodeAt(j) === 91) return { kind: LuaLexKind.LongStringOpen, start: i, end: j + 1 };
      return undefined;
    }
    case 93: {
      // ]=*]
      const j = skipEquals(text, i + 1, to);
      if (j < to && text.charCodeAt(j) === 93) return { kind: LuaLexKind.LongBracketClose, start: i, end: j + 1 };
      return undefined;
    }
    case 45: {
      // --[=*[  or  --[^\n]*
      if (i + 1 >= to || text.charCodeAt(i + 1) !== 45) return undefined;
      if (i + 2 < to && text.charCodeAt(i + 2) === 91) {
        const j = skipEquals(text, i + 3, to);
        if (j < to && text.charCodeAt(j) === 91) return { kind: LuaLexKind.LongCommentOpen, start: i, end: j + 1 };
      }
      let k = i + 2;
      while (k < to && text.charCodeAt(k) !== LF) k++;
      return { kind: LuaLexKind.LineComment, start: i, end: k };
    }
    case 34: // "
    case 39: {
      // '
      let j = i + 1;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (d === LF) return undefined;
        if (d === BACKSLASH) {
          if (j + 1 < to && text.charCodeAt(j + 1) !== LF) {
            j += 2;
            continue;
          }
          return undefined;
        }
        if (d === c) {
          return { kind: c === 34 ? LuaLexKind.DoubleQuoted : LuaLexKind.SingleQuoted, start: i, end: j + 1 };
        }
        j++;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function skipEquals(text: string, j: number, to: number): number {
  while (j < to && text.charCodeAt(j) === 61) j++;
  return j;
}

export interface LuaBlockResult {
  /** The Lua source between the outer braces (latin1), or undefined when the block never closes. */
  body: string | undefined;
  /** Offset of the body's first byte: the byte after the opening `{`. body offset + Lua offset = conf offset. */
  bodyOffset: number;
  /** Offset of the closing `}` (undefined when the block never closes). */
  close: number | undefined;
  /**
   * Errors nginx reports while reading the block. The first one is what `nginx -t` prints; the reader then goes
   * on where it can (a long bracket closed beyond nginx's buffer), so the rest of the file is still read.
   */
  errors: ConfError[];
  /**
   * Byte ranges nginx leaves out of the code it passes to Lua (a lua-nginx-module buffer bug; each also has an
   * error). `body` is always the file's text; nginxLuaBody() gives what Lua really gets.
   */
  dropped?: { start: number; end: number }[];
}

/** The code lua-nginx-module hands to Lua for a block: the body without the ranges its reader drops. */
export function nginxLuaBody(text: string, block: { body: string | undefined; bodyOffset: number; dropped?: { start: number; end: number }[] }): string | undefined {
  if (block.body === undefined || !block.dropped) return block.body;
  let out = '';
  let at = block.bodyOffset;
  for (const d of block.dropped) {
    out += text.slice(at, d.start);
    at = d.end;
  }
  return out + text.slice(at, block.bodyOffset + block.body.length);
}

/**
 * Reads a Lua block whose opening `{` has just been consumed (`buf.pos` is the byte after it), like
 * ngx_http_lua_conf_lua_block_parse + ngx_http_lua_conf_read_lua_token. Leaves `buf.pos` after the closing `}`.
 */
export function readLuaBlock(buf: ConfBuffer): LuaBlockResult {
  const text = buf.text;
  const size = text.length;
  const half = CONF_BUFFER / 2;
  const bodyOffset = buf.pos;
  const errors: ConfError[] = [];
  const dropped: { start: number; end: number }[] = [];
  let level = 1;
  // nginx reports a missing end at the line of the last `{` it saw (ctx->start_line); we point at that brace.
  let lastCurly = buf.pos - 1;
  let reportedTooLong = false;

  const eof = (): LuaBlockResult => {
    errors.push({
      offset: lastCurly,
      message: 'unexpected end of file, expecting terminating characters for lua code block',
    });
    buf.pos = size;
    return { body: undefined, bodyOffset, close: undefined, errors };
  };
  const tooLong = (at: number): void => {
    if (reportedTooLong) return;
    reportedTooLong = true;
    errors.push({ offset: at, message: 'too long lua code block, probably missing terminating characters' });
  };

  for (;;) {
    // One ngx_http_lua_conf_read_lua_token call.
    let start = buf.pos;
    let kind: LuaLexKind;
    let tokenEnd: number;
    for (;;) {
      if (buf.pos >= buf.bufLast || (buf.bufLast - buf.pos < half && buf.bufLast < size)) {
        if (buf.bufLast >= size) return eof();
        if (buf.bufLast - start >= CONF_BUFFER) {
          tooLong(start);
          start = buf.pos; // recovery: let the buffer slide on
        }
        buf.bufStart = start;
        buf.bufLast = Math.min(size, start + CONF_BUFFER);
      }
      const m = luaLex(text, buf.pos, buf.bufLast);
      if (!m) {
        if (buf.bufLast >= size) return eof();
        if (buf.bufLast - buf.pos >= CONF_BUFFER) tooLong(buf.pos);
        // nginx moves the unmatched bytes to the buffer start, reads more and lexes only the new bytes.
        // When that happens twice in a row the first run of bytes is overwritten: nginx drops them from the
        // code it hands to Lua (start moves forward past bytes that were never part of a token).
        if (buf.pos > start && !reportedTooLong) {
          dropped.push({ start, end: buf.pos });
          errors.push({
            offset: start,
            message:
              `lua-nginx-module drops ${buf.pos - start} bytes of this Lua block here: its block reader loses them ` +
              'when about 4 KB in a row contain no brace, quote, comment or long bracket; Lua gets other code than ' +
              'the file shows (break the run with a `--` comment)',
          });
        }
        const oldLast = buf.bufLast;
        buf.bufStart = buf.pos;
        buf.bufLast = Math.min(size, buf.pos + CONF_BUFFER);
        start = buf.bufStart;
        buf.pos = oldLast;
        continue;
      }
      kind = m.kind;
      tokenEnd = m.end;
      if (kind === LuaLexKind.LongStringOpen || kind === LuaLexKind.LongCommentOpen) {
        const open = kind === LuaLexKind.LongCommentOpen ? m.start + 2 : m.start;
        const closing = ']' + '='.repeat(m.end - open - 2) + ']';
        const q = text.indexOf(closing, m.end);
        if (q < 0 || q + closing.length > buf.bufLast) {
          errors.push({
            offset: m.start,
            message:
              `Lua code block missing the closing long bracket "${closing}", ` +
              'the inlined Lua code may be too long',
          });
          if (q < 0) {
            // Never closed: Lua would not load it either; nothing after it can be read reliably.
            buf.pos = size;
            return { body: undefined, bodyOffset, close: undefined, errors };
          }
          // Closed, but beyond nginx's buffer: recover by taking it, and let the buffer follow.
          buf.bufStart = m.start;
          buf.bufLast = Math.max(buf.bufLast, Math.min(size, q + closing.length));
        }
        tokenEnd = q + closing.length;
      }
      buf.pos = tokenEnd;
      break;
    }

    if (kind === LuaLexKind.LeftCurly) {
      level++;
      lastCurly = tokenEnd - 1;
    } else if (kind === LuaLexKind.RightCurly) {
      level--;
      if (level === 0) {
        const close = tokenEnd - 1;
        const result: LuaBlockResult = { body: text.slice(bodyOffset, close), bodyOffset, close, errors };
        if (dropped.length > 0) result.dropped = dropped;
        return result;
      }
    }
  }
}
