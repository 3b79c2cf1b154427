// nginx.conf tokenizer: a port of ngx_conf_read_token (nginx src/core/ngx_conf_file.c; docs/semantics.md §5.1), with
// the hand-over to lua-nginx-module's block lexer for `*_by_lua_block` (lua-block.ts).
//
// The input is the file as a latin1 string (one char per byte, see SourceText), so every offset is a byte
// offset. Errors are values: nothing here throws on bad input. nginx stops at its first error; this tokenizer
// reports that same error first and then goes on where a sensible continuation exists, so one typo does not hide
// the rest of the file.

import { CONF_BUFFER, readLuaBlock, type ConfBuffer, type ConfError } from './lua-block.ts';
import { luaDirective, luaDirectiveArgCountOk } from './lua-directives.ts';

export type { ConfError } from './lua-block.ts';

export interface Token {
  /** The parameter nginx passes to the directive: quotes removed, `\"` `\'` `\\` `\t` `\r` `\n` unescaped. */
  value: string;
  /** The source text of the token, quotes included. */
  raw: string;
  /** Offset of the first byte (the opening quote of a quoted token). */
  start: number;
  /** Offset just after the last byte (after the closing quote of a quoted token). */
  end: number;
  /** Whether the token started with a quote. */
  quoted: boolean;
  /** The quote character of a quoted token. */
  quote?: '"' | "'";
}

/** One step of the directive stream, in file order. */
export type ConfEvent =
  /** `name args... ;` — `end` is the offset after the `;` (or, after an error, after the last token). */
  | { type: 'directive'; args: Token[]; end: number; terminated: boolean }
  /** `name args... {` — `open` is the offset of the `{`. Children follow, up to the matching 'block-end'. */
  | { type: 'block-start'; args: Token[]; open: number }
  /** The `}` closing the innermost open block (`close` is its offset). */
  | { type: 'block-end'; close: number }
  /**
   * `name args... { lua }` for a directive whose name ends in `_by_lua_block`, read by the Lua block lexer.
   * `body` is undefined when the block never closes.
   */
  | {
      type: 'lua-block';
      args: Token[];
      open: number;
      body: string | undefined;
      bodyOffset: number;
      close: number | undefined;
      /** Byte ranges lua-nginx-module leaves out of the code it gives Lua (see LuaBlockResult.dropped). */
      dropped?: { start: number; end: number }[];
    };

export interface TokenizeResult {
  events: ConfEvent[];
  /** In order of appearance; the first one is the error `nginx -t` reports (when the tokenizer is the cause). */
  errors: ConfError[];
}

/** What one ngx_conf_read_token call returns. */
export type ReadResult =
  | { rc: 'ok'; args: Token[]; end: number } // terminated by ';'
  | { rc: 'block-start'; args: Token[]; open: number }
  | { rc: 'block-done'; args: Token[]; close: number } // args is non-empty only after an `unexpected "}"` error
  | { rc: 'file-done'; args: Token[] }; // args is non-empty only after an unexpected end of file

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const SEMICOLON = 59;
const LBRACE = 123;
const RBRACE = 125;
const HASH = 35;
const BACKSLASH = 92;
const DQUOTE = 34;
const SQUOTE = 39;
const DOLLAR = 36;
const RPAREN = 41;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === CR || c === LF;
}

/**
 * ngx_conf_read_token over one file, including nginx's 4096-byte buffer (a single token, or a run of bytes that
 * nginx keeps in its buffer as one token, must fit in it: "too long parameter").
 */
export class ConfReader implements ConfBuffer {
  readonly text: string;
  pos = 0;
  bufStart = 0;
  bufLast = 0;
  readonly errors: ConfError[] = [];

  constructor(text: string) {
    this.text = text;
  }

  private error(offset: number, message: string): void {
    this.errors.push({ offset, message });
  }

  readToken(): ReadResult {
    const text = this.text;
    const size = text.length;
    const args: Token[] = [];
    let needSpace = false;
    let lastSpace = true;
    let sharpComment = false;
    let variable = false;
    let quoted = false; // the previous byte was a backslash
    let sQuoted = false;
    let dQuoted = false;
    let start = this.pos; // nginx's `start`: where the current token's bytes begin (after an opening quote)
    let tokenStart = this.pos; // the token's first byte, opening quote included
    let reportedTooLong = false;

    for (;;) {
      if (this.pos >= this.bufLast) {
        if (this.bufLast >= size) {
          if (args.length > 0 || !lastSpace) {
            this.error(size, 'unexpected end of file, expecting ";" or "}"');
            // A token still open at the end (an unclosed quote, a trailing word) is kept, for recovery.
            if (!lastSpace && !needSpace) args.push(this.makeToken(tokenStart, size, start, size, dQuoted || sQuoted));
          }
          this.pos = size;
          return { rc: 'file-done', args };
        }
        if (this.pos - start >= CONF_BUFFER && !reportedTooLong) {
          reportedTooLong = true;
          if (dQuoted || sQuoted) {
            this.error(start, `too long parameter, probably missing terminating "${dQuoted ? '"' : "'"}" character`);
          } else {
            this.error(start, `too long parameter "${text.slice(start, start + 10)}..." started`);
          }
        }
        // nginx moves the current token's bytes to the buffer start and fills the rest from the file.
        this.bufStart = this.pos - start >= CONF_BUFFER ? this.pos : start;
        this.bufLast = Math.min(size, this.bufStart + CONF_BUFFER);
      }

      const ch = text.charCodeAt(this.pos++);

      if (sharpComment) {
        if (ch !== LF) continue;
        sharpComment = false;
      }

      if (quoted) {
        quoted = false;
        continue;
      }

      if (needSpace) {
        if (isSpace(ch)) {
          lastSpace = true;
          needSpace = false;
          continue;
        }
        if (ch === SEMICOLON) return { rc: 'ok', args, end: this.pos };
        if (ch === LBRACE) return { rc: 'block-start', args, open: this.pos - 1 };
        if (ch !== RPAREN) this.error(this.pos - 1, `unexpected "${text[this.pos - 1]}"`);
        // `)` (and, after the error, any byte) starts the next token.
        lastSpace = true;
        needSpace = false;
      }

      if (lastSpace) {
        start = this.pos - 1;
        tokenStart = start;

        if (isSpace(ch)) continue;

        switch (ch) {
          case SEMICOLON:
          case LBRACE:
            if (args.length === 0) {
              this.error(this.pos - 1, `unexpected "${text[this.pos - 1]}"`);
              continue;
            }
            if (ch === LBRACE) return { rc: 'block-start', args, open: this.pos - 1 };
            return { rc: 'ok', args, end: this.pos };

          case RBRACE:
            if (args.length !== 0) this.error(this.pos - 1, 'unexpected "}"');
            return { rc: 'block-done', args, close: this.pos - 1 };

          case HASH:
            sharpComment = true;
            continue;

          case BACKSLASH:
            quoted = true;
            lastSpace = false;
            continue;

          case DQUOTE:
            start++;
            dQuoted = true;
            lastSpace = false;
            continue;

          case SQUOTE:
            start++;
            sQuoted = true;
            lastSpace = false;
            continue;

          case DOLLAR:
            variable = true;
            lastSpace = false;
            continue;

          default:
            lastSpace = false;
        }
      } else {
        if (ch === LBRACE && variable) continue;

        variable = false;

        if (ch === BACKSLASH) {
          quoted = true;
          continue;
        }

        if (ch === DOLLAR) {
          variable = true;
          continue;
        }

        let found = false;
        let wasQuoted = false;
        if (dQuoted) {
          if (ch === DQUOTE) {
            dQuoted = false;
            needSpace = true;
            found = true;
            wasQuoted = true;
          }
        } else if (sQuoted) {
          if (ch === SQUOTE) {
            sQuoted = false;
            needSpace = true;
            found = true;
            wasQuoted = true;
          }
        } else if (isSpace(ch) || ch === SEMICOLON || ch === LBRACE) {
          lastSpace = true;
          found = true;
        }

        if (found) {
          const valueEnd = this.pos - 1;
          args.push(this.makeToken(tokenStart, wasQuoted ? this.pos : valueEnd, start, valueEnd, wasQuoted));
          if (ch === SEMICOLON) return { rc: 'ok', args, end: this.pos };
          if (ch === LBRACE) return { rc: 'block-start', args, open: this.pos - 1 };
        }
      }
    }
  }

  private makeToken(tokenStart: number, end: number, valueStart: number, valueEnd: number, quoted: boolean): Token {
    const raw = this.text.slice(tokenStart, end);
    const token: Token = { value: unescape(this.text.slice(valueStart, valueEnd)), raw, start: tokenStart, end, quoted };
    if (quoted) token.quote = raw[0] as '"' | "'";
    return token;
  }
}

/** nginx's copy loop: `\"` `\'` `\\` lose the backslash; `\t` `\r` `\n` become TAB, CR, LF; other `\x` stay. */
export function unescape(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      const n = s[i + 1];
      if (n === '"' || n === "'" || n === '\\') {
        out += n;
        i++;
        continue;
      }
      if (n === 't' || n === 'r' || n === 'n') {
        out += n === 't' ? '\t' : n === 'r' ? '\r' : '\n';
        i++;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/**
 * The conf offset of `token.value[index]` (index === value.length gives the offset after the value): maps a
 * position in an unescaped parameter, such as the Lua code of `content_by_lua '...'`, back to the file.
 */
export function tokenValueOffset(token: Token, index: number): number {
  let raw = token.quoted ? 1 : 0;
  const rawEnd = token.raw.length - (token.quoted ? 1 : 0);
  for (let v = 0; v < index && raw < rawEnd; v++) {
    if (token.raw[raw] === '\\' && raw + 1 < rawEnd && '"\'\\trn'.includes(token.raw[raw + 1])) raw += 2;
    else raw += 1;
  }
  return token.start + raw;
}

/** Whether a directive name hands its block to the Lua block lexer. */
export function isLuaBlockName(name: string): boolean {
  return name.endsWith('_by_lua_block');
}

/**
 * Tokenizes one nginx configuration file (its bytes as a latin1 string) into a flat stream of directive events,
 * checking block balance like ngx_conf_parse does for a file.
 */
export function tokenizeConf(text: string): TokenizeResult {
  const reader = new ConfReader(text);
  const events: ConfEvent[] = [];
  let depth = 0;

  for (;;) {
    const r = reader.readToken();
    switch (r.rc) {
      case 'ok':
        events.push({ type: 'directive', args: r.args, end: r.end, terminated: true });
        break;

      case 'block-start': {
        const name = r.args[0].value;
        if (!isLuaBlockName(name)) {
          events.push({ type: 'block-start', args: r.args, open: r.open });
          depth++;
          break;
        }
        const info = luaDirective(name);
        if (info && !luaDirectiveArgCountOk(info, r.args.length - 1)) {
          reader.errors.push({ offset: r.args[0].start, message: `invalid number of arguments in "${name}" directive` });
        }
        const lua = readLuaBlock(reader);
        reader.errors.push(...lua.errors);
        const unclosed = lua.body === undefined;
        const event: ConfEvent = {
          type: 'lua-block',
          args: r.args,
          open: r.open,
          body: lua.body,
          bodyOffset: lua.bodyOffset,
          close: lua.close,
        };
        if (lua.dropped) event.dropped = lua.dropped;
        events.push(event);
        // A block that never closes ran to the end of the file; nothing follows it.
        if (unclosed) return { events, errors: reader.errors };
        break;
      }

      case 'block-done':
        if (r.args.length > 0) {
          const last = r.args[r.args.length - 1];
          events.push({ type: 'directive', args: r.args, end: last.end, terminated: false });
        }
        if (depth === 0) {
          // ngx_conf_parse: a `}` outside any block of this file.
          if (r.args.length === 0) reader.errors.push({ offset: r.close, message: 'unexpected "}"' });
        } else {
          depth--;
          events.push({ type: 'block-end', close: r.close });
        }
        break;

      case 'file-done':
        if (r.args.length > 0) {
          const last = r.args[r.args.length - 1];
          events.push({ type: 'directive', args: r.args, end: last.end, terminated: false });
        } else if (depth > 0) {
          reader.errors.push({ offset: text.length, message: 'unexpected end of file, expecting "}"' });
        }
        return { events, errors: reader.errors };
    }
  }
}
