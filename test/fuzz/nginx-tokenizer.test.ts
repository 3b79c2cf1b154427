// Fuzzing the nginx.conf tokenizer and the `*_by_lua_block` reader on their own: whatever the bytes, they
// never throw (errors are values), every offset they return lies in the text, every token is the text it
// claims, a closed Lua block's body is exactly the text between its braces, and the Lua block lexer agrees with
// a regex model of lua-nginx-module's 8 token kinds. Inputs cross nginx's 4096-byte buffer on purpose.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfText } from '../../src/nginx/conf-tree.ts';
import { CONF_BUFFER, luaLex, nginxLuaBody, readLuaBlock, type ConfBuffer, type LuaLexMatch } from '../../src/nginx/lua-block.ts';
import { tokenizeConf, type Token } from '../../src/nginx/tokenize.ts';

// FUZZ_SEED / FUZZ_SCALE explore further (e.g. FUZZ_SEED=7 FUZZ_SCALE=20 npx vitest run test/fuzz); the suite runs seed 42.
const SEED = Number(process.env.FUZZ_SEED ?? 42);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
fc.configureGlobal({ seed: SEED, numRuns: runs(3000) });

const PIECES = [
  '{', '}', ';', '"', "'", '\\', '#', '$', '${', '(', ')', '[', ']', '=', '-', '\n', '\r', '\t', ' ', ' ', 'a', 'x1',
  '[[', ']]', '[=[', ']=]', '[==[', ']==]', '--', '--[[', '--[=[', '\\"', "\\'", '\\\\', '\0', '\xff',
  'http ', 'server ', 'location / ', 'include ', 'content_by_lua_block ', 'init_by_lua_block ', 'set_by_lua_block $v ',
  'content_by_lua_file ', 'content_by_lua ', 'local s = "}" ', "t = '{' ", 'x = [[ } ]] ', '-- } \n',
];

const latin1Bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((b) => Buffer.from(b).toString('latin1'));

/** Text made of nginx/Lua-significant pieces, random bytes, and long runs that cross the 4096-byte buffer. */
const confText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 2, arbitrary: latin1Bytes(12) },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom('a', ' ', 'x = x + 1 ', '"', '\n', '}'), fc.integer({ min: 1, max: 2 * CONF_BUFFER + 100 })).map(([s, n]) =>
          s.repeat(Math.ceil(n / s.length)),
        ),
      },
    ),
    { maxLength: 60 },
  )
  .map((a) => a.join(''));

/** Mostly well-formed configs: nested blocks, directives, and Lua blocks whose bodies are Lua-ish piece soups. */
const structured: fc.Arbitrary<string> = fc.letrec<{ items: string; item: string }>((tie) => ({
  item: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('listen 80;', 'set $a "b;c";', "return 200 '}';", 'include x/*.conf;', 'content_by_lua_file a.lua;', "content_by_lua 'ngx.say(\\'}\\')';", '# } comment\n'),
    fc.tuple(fc.constantFrom('content_by_lua_block', 'init_by_lua_block', 'set_by_lua_block $v'), fc.array(fc.constantFrom(...PIECES.slice(0, 40)), { maxLength: 20 }), fc.constantFrom('', 'x'.repeat(5000)))
      .map(([d, body, filler]) => `${d} {${body.join('')}${filler}}`),
    fc.tuple(fc.constantFrom('http', 'server', 'location /', 'if ($a)', 'upstream u'), tie('items')).map(([b, body]) => `${b} {\n${body}\n}`),
  ),
  items: fc.array(tie('item'), { maxLength: 5 }).map((a) => a.join('\n')),
})).items;

const anyText = fc.oneof({ weight: 3, arbitrary: confText }, { weight: 2, arbitrary: structured }, { weight: 1, arbitrary: latin1Bytes(300) });

// Plain checks (not expect()) in the per-token loops: thousands of tokens per case, a thousand cases.
function ok(cond: boolean, what: string): asserts cond {
  if (!cond) throw new Error(what);
}

function expectInText(text: string, offset: number, what: string): void {
  ok(Number.isInteger(offset) && offset >= 0 && offset <= text.length, `${what} ${offset} is outside the text (length ${text.length})`);
}

function expectToken(text: string, t: Token): void {
  expectInText(text, t.start, 'token start');
  expectInText(text, t.end, 'token end');
  ok(t.start <= t.end, `token ${JSON.stringify(t)}: start after end`);
  ok(text.slice(t.start, t.end) === t.raw, `token ${JSON.stringify(t)}: raw is not the text at its offsets`);
  ok(typeof t.value === 'string', 'token without value');
}

describe('fuzz: tokenizeConf', () => {
  it('never throws; offsets, tokens and Lua block bodies match the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { events, errors } = tokenizeConf(text);
        for (const e of errors) {
          expectInText(text, e.offset, 'error offset');
          ok(e.message.length > 0, 'empty error message');
        }
        let opened = 0;
        let closed = 0;
        events.forEach((ev, i) => {
          if (ev.type === 'block-end') {
            closed++;
            ok(text[ev.close] === '}', `block-end at ${ev.close} is not a }`);
            return;
          }
          ok(ev.args.length > 0, `${ev.type} without a name`);
          for (const a of ev.args) expectToken(text, a);
          if (ev.type === 'directive') expectInText(text, ev.end, 'directive end');
          if (ev.type === 'block-start') {
            opened++;
            ok(text[ev.open] === '{', `block-start at ${ev.open} is not a {`);
          }
          if (ev.type === 'lua-block') {
            ok(text[ev.open] === '{' && ev.bodyOffset === ev.open + 1, `lua-block at ${ev.open}: bad open/bodyOffset`);
            if (ev.body === undefined) {
              // An unclosed block runs to the end of the file: it is the last event, with an error.
              ok(i === events.length - 1 && errors.length > 0, 'an unclosed Lua block is not the last event, or has no error');
            } else {
              ok(ev.close !== undefined && text[ev.close] === '}', `lua-block close ${ev.close} is not a }`);
              ok(text.slice(ev.bodyOffset, ev.close) === ev.body, 'lua-block body is not the text between its braces');
              for (const d of ev.dropped ?? []) ok(ev.bodyOffset <= d.start && d.start <= d.end && d.end <= ev.close, `dropped range ${JSON.stringify(d)} outside the body`);
            }
          }
        });
        ok(closed <= opened, `${closed} block ends for ${opened} block starts`);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(fc.property(anyText, (text) => void expect(tokenizeConf(text)).toEqual(tokenizeConf(text))), { numRuns: runs(300) });
  });

  it('parseConfText never throws and reports offsets inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = parseConfText(text, 'fuzz.conf');
        for (const d of parsed.errors) expectInText(text, d.offset, 'diagnostic offset');
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('fuzz: readLuaBlock', () => {
  /**
   * readLuaBlock's precondition: the `{` has just been read (text[pos - 1] is `{`), and nginx's buffer holds it
   * (bufStart < pos <= bufLast): either the whole file, or a 4096-byte window as ConfReader leaves it.
   */
  const state = fc.tuple(anyText, anyText, fc.nat({ max: CONF_BUFFER - 1 }), fc.boolean()).map(([before, after, back, whole]): ConfBuffer => {
    const text = `${before}{${after}`;
    const pos = before.length + 1;
    if (whole) return { text, pos, bufStart: 0, bufLast: text.length };
    const bufStart = Math.max(0, pos - 1 - back);
    return { text, pos, bufStart, bufLast: Math.min(text.length, bufStart + CONF_BUFFER) };
  });

  it('never throws; a closed body is the text between the braces; errors are values', () => {
    fc.assert(
      fc.property(state, (buf) => {
        const { text } = buf;
        const from = buf.pos;
        const r = readLuaBlock(buf);
        expect(buf.pos).toBeGreaterThanOrEqual(from);
        expect(buf.pos).toBeLessThanOrEqual(text.length);
        expect(r.bodyOffset).toBe(from);
        for (const e of r.errors) expectInText(text, e.offset, 'error offset');
        if (r.body === undefined) {
          expect(r.close).toBeUndefined();
          expect(r.errors.length).toBeGreaterThan(0);
        } else {
          expect(text[r.close!]).toBe('}');
          expect(r.body).toBe(text.slice(from, r.close));
          expect(buf.pos).toBe(r.close! + 1);
          const lua = nginxLuaBody(text, r);
          expect(typeof lua).toBe('string');
          expect(lua!.length).toBeLessThanOrEqual(r.body.length);
        }
      }),
    );
  });
});

describe('fuzz: luaLex against a regex model of ngx_http_lua_lex', () => {
  // The 8 token kinds, in priority order (the first regex wins at a position): see src/nginx/lua-block.ts.
  const KINDS = [/\{/y, /\}/y, /\[=*\[/y, /--\[=*\[/y, /\]=*\]/y, /--[^\n]*/y, /"(?:\\[^\n]|[^"\n\\])*"/y, /'(?:\\[^\n]|[^'\n\\])*'/y];

  function model(text: string, from: number, to: number): LuaLexMatch | undefined {
    const subject = text.slice(0, to);
    for (let i = from; i < to; i++) {
      for (let k = 0; k < KINDS.length; k++) {
        const re = KINDS[k];
        re.lastIndex = i;
        const m = re.exec(subject);
        if (m) return { kind: k as LuaLexMatch['kind'], start: i, end: i + m[0].length };
      }
    }
    return undefined;
  }

  const lexText = fc.array(fc.constantFrom('{', '}', '[', ']', '=', '-', '"', "'", '\\', '\n', 'a', ' '), { maxLength: 40 }).map((a) => a.join(''));

  it('finds the same token as the model, for any window', () => {
    fc.assert(
      fc.property(
        lexText.chain((text) => fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length }))),
        ([text, a, b]) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          expect(luaLex(text, from, to)).toEqual(model(text, from, to));
        },
      ),
      { numRuns: runs(3000) },
    );
  });
});
