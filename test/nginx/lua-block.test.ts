import { describe, expect, it } from 'vitest';

import { parseConfText } from '../../src/nginx/conf-tree.ts';
import { CONF_BUFFER, luaLex, nginxLuaBody, readLuaBlock, type ConfBuffer } from '../../src/nginx/lua-block.ts';
import { tokenizeConf, type ConfEvent } from '../../src/nginx/tokenize.ts';
import { SourceText } from '../../src/source/source-text.ts';

// Inputs and results of lua-nginx-module's generated lexer (src/ngx_http_lua_lex.c at v0.10.23, compiled and run
// on each input as one buffer): [input, [kind, start, end] or undefined for no match]. Our luaLex agreed with it
// on 400 000 random inputs over the alphabet { } [ ] = - " ' \ LF a space.
const GOLDEN: [string, [number, number, number] | undefined][] = [
  ["", undefined],
  ["abc", undefined],
  ["{", [0, 0, 1]],
  ["a}", [1, 1, 2]],
  ["[[", [2, 0, 2]],
  ["[=[", [2, 0, 3]],
  ["[==", undefined],
  ["[=x[", undefined],
  ["]]", [4, 0, 2]],
  ["]=]", [4, 0, 3]],
  ["]=", undefined],
  ["--", [5, 0, 2]],
  ["--x\n{", [5, 0, 3]],
  ["--[[", [3, 0, 4]],
  ["--[=[", [3, 0, 5]],
  ["--[=", [5, 0, 4]],
  ["--[x", [5, 0, 4]],
  ["-x-", undefined],
  ["\"a\"", [6, 0, 3]],
  ["\"a\\\"b\"", [6, 0, 6]],
  ["\"a\\\\\"", [6, 0, 5]],
  ["\"a\nb\"{", [0, 5, 6]],
  ["\"a\\\nb\"}", [1, 6, 7]],
  ["\"abc", undefined],
  ["'it''s'", [7, 0, 4]],
  ["'a\\'", undefined],
  ["x = '}' ", [7, 4, 7]],
  ["\"\\\\\\\"}\"", [6, 0, 7]],
  ["-- it's }\n", [5, 0, 9]],
  ["[[ } ]]", [2, 0, 2]],
  ["a[b]]", [4, 3, 5]],
  ["--[[ x ]]", [3, 0, 4]],
  ["\"{\"", [6, 0, 3]],
  ["'--'", [7, 0, 4]],
  ["\"--[[\"", [6, 0, 6]],
  ["--\"x\"\n}", [5, 0, 5]],
  ["[=[]=]", [2, 0, 3]],
  ["-[[", [2, 1, 3]],
  ["- -{", [0, 3, 4]],
  ["\"a\\x\"}", [6, 0, 5]],
  ["\\\"}", [1, 2, 3]],
  ["'\\\n'}", [1, 4, 5]],
  ["#t}", [1, 2, 3]],
];

type LuaEvent = Extract<ConfEvent, { type: 'lua-block' }>;

function luaBlocks(text: string): LuaEvent[] {
  return tokenizeConf(text).events.filter((e): e is LuaEvent => e.type === 'lua-block');
}

function errors(text: string): { line: number; message: string }[] {
  const source = SourceText.fromString(text);
  return tokenizeConf(text).errors.map((e) => ({ line: source.lineOf(e.offset), message: e.message }));
}

describe('luaLex (ngx_http_lua_lex)', () => {
  it.each(GOLDEN)('%j', (input, expected) => {
    const m = luaLex(input, 0, input.length);
    expect(m ? [m.kind, m.start, m.end] : undefined).toEqual(expected);
  });

  it('only sees the bytes up to `to`', () => {
    expect(luaLex('"a}"', 0, 3)).toEqual({ kind: 1, start: 2, end: 3 }); // the string is cut: its } counts
    expect(luaLex('-- x\n', 0, 3)).toEqual({ kind: 5, start: 0, end: 3 });
    expect(luaLex('ab{', 1, 3)).toEqual({ kind: 0, start: 2, end: 3 });
  });
});

describe('*_by_lua_block bodies', () => {
  it('counts braces; the block ends at the } that brings the depth back to 0', () => {
    const text = 'content_by_lua_block { local t = { a = { } } }\nnext;';
    const [b] = luaBlocks(text);
    expect(b.body).toBe(' local t = { a = { } } ');
    expect(b.bodyOffset).toBe(22);
    expect(b.open).toBe(21);
    expect(b.close).toBe(text.indexOf('}\nnext'));
    expect(tokenizeConf(text).events.at(-1)).toMatchObject({ type: 'directive', args: [{ value: 'next' }] });
  });

  it('skips braces in strings (with escapes), long strings, long comments and line comments', () => {
    const body = [
      '',
      `  local a = "}" .. '{' .. "\\"}" .. '\\'{'`,
      '  local b = [[ } ]] .. [==[ ]] { ]=] ]==]',
      '  -- } it\'s {',
      '  --[[ { ]] --[=[',
      '  }',
      '  ]=]',
      '',
    ].join('\n');
    const [b] = luaBlocks(`access_by_lua_block {${body}}`);
    expect(b.body).toBe(body);
  });

  it('copies bytes verbatim: no nginx escapes, # comments or $ variables', () => {
    const body = ' local s = "\\t\\"$x#y" local n = #s ${ } ';
    expect(luaBlocks(`log_by_lua_block {${body}}`)[0].body).toBe(body);
  });

  it('a string does not span a newline, so its quote is then ordinary and braces after it count', () => {
    const [b] = luaBlocks('content_by_lua_block { "a\n} b" }');
    expect(b.body).toBe(' "a\n');
    // back in nginx's tokenizer: `b"` is one token (a quote inside a token is ordinary), then `}` is early
    expect(errors('content_by_lua_block { "a\n} b" }')).toEqual([{ line: 2, message: 'unexpected "}"' }]);
  });

  it('set_by_lua_block takes one argument before the brace', () => {
    const [b] = luaBlocks('set_by_lua_block $v { return "}" }');
    expect(b.args.map((a) => a.value)).toEqual(['set_by_lua_block', '$v']);
    expect(b.body).toBe(' return "}" ');
    expect(errors('set_by_lua_block { return 1 }')).toEqual([
      { line: 1, message: 'invalid number of arguments in "set_by_lua_block" directive' },
    ]);
    expect(errors('rewrite_by_lua_block x { }')).toEqual([
      { line: 1, message: 'invalid number of arguments in "rewrite_by_lua_block" directive' },
    ]);
  });

  it('any name ending in _by_lua_block is read as Lua (a future directive too)', () => {
    expect(luaBlocks('future_by_lua_block { "}" }')[0].body).toBe(' "}" ');
  });

  it('a missing closing long bracket is an error naming the bracket', () => {
    expect(errors('content_by_lua_block {\n local s = [==[ x ]=] ]]\n}')).toEqual([
      { line: 2, message: 'Lua code block missing the closing long bracket "]==]", the inlined Lua code may be too long' },
    ]);
    expect(errors('content_by_lua_block {\n--[[ x\n}')).toEqual([
      { line: 2, message: 'Lua code block missing the closing long bracket "]]", the inlined Lua code may be too long' },
    ]);
  });

  it('a block that never closes: error at the last { nginx saw', () => {
    expect(errors('content_by_lua_block {\n local t = {\n  a = {}\n')).toEqual([
      { line: 3, message: 'unexpected end of file, expecting terminating characters for lua code block' },
    ]);
    expect(luaBlocks('content_by_lua_block { x')[0]).toMatchObject({ body: undefined, close: undefined });
  });

  it('the text after the block goes back to the nginx tokenizer', () => {
    expect(errors('content_by_lua_block { };')).toEqual([{ line: 1, message: 'unexpected ";"' }]);
    const ev = tokenizeConf('location / { content_by_lua_block { } add_header A b; }').events;
    expect(ev.map((e) => e.type)).toEqual(['block-start', 'lua-block', 'directive', 'block-end']);
  });
});

describe("the Lua block reader in nginx's 4096-byte buffer", () => {
  const pad = (n: number) => `${'#'.repeat(61)}\n`.repeat(Math.floor(n / 62)) + `#${'p'.repeat(n % 62)}\n`;

  it('a long string must close inside the buffer', () => {
    expect(errors(`content_by_lua_block {\nlocal s = [[${'x'.repeat(3000)}]]\n}`)).toEqual([]);
    expect(errors(`content_by_lua_block {\nlocal s = [[${'x'.repeat(5000)}]]\n}`)).toEqual([
      { line: 2, message: 'Lua code block missing the closing long bracket "]]", the inlined Lua code may be too long' },
    ]);
    // recovery: the bracket that closes past the buffer is taken, and the rest of the file is read
    const text = `content_by_lua_block {\nlocal s = [[${'x'.repeat(5000)}]]\n}\nnext;`;
    expect(luaBlocks(text)[0].body).toBe(`\nlocal s = [[${'x'.repeat(5000)}]]\n`);
    expect(tokenizeConf(text).events.at(-1)).toMatchObject({ type: 'directive', args: [{ value: 'next' }] });
  });

  it('a quoted string longer than the buffer is "too long lua code block"', () => {
    // reported where the reader's current token began: right after the previous Lua token (here the `{`)
    expect(errors(`content_by_lua_block {\nlocal s = "${'d'.repeat(5000)}"\n}`)).toEqual([
      { line: 1, message: 'too long lua code block, probably missing terminating characters' },
    ]);
  });

  it('4 KB without any brace, quote, comment or long bracket is "too long lua code block" (most alignments)', () => {
    const code = `local x = 0\n${'x = x + 1\n'.repeat(410)}`;
    expect(errors(`content_by_lua_block {\n${code}}\n`).map((e) => e.message)).toEqual([
      'too long lua code block, probably missing terminating characters',
    ]);
    expect(errors(`content_by_lua_block {\n${code.slice(0, 2000)}}\n${pad(5000)}`)).toEqual([]);
  });

  it('reports the bytes lua-nginx-module drops, and what Lua really gets', () => {
    // At one buffer alignment nginx's reader overwrites 2048 bytes of a token-free run (checked against nginx
    // in oracle.test.ts). Find it by scanning paddings.
    const run = `${'\n'.padEnd(10, ' ')}`.repeat(460);
    let hit: { text: string; block: LuaEvent } | undefined;
    for (let p = 0; p < CONF_BUFFER && !hit; p++) {
      const text = `${pad(p)}init_by_lua_block {--\n${run}\nlocal x = 1\n}\n`;
      const [block] = luaBlocks(text);
      if (block.dropped) hit = { text, block };
    }
    expect(hit).toBeDefined();
    const { text, block } = hit!;
    expect(block.dropped).toHaveLength(1);
    const [d] = block.dropped!;
    expect(d.end - d.start).toBe(2048);
    expect(block.body).toBe(`--\n${run}\nlocal x = 1\n`); // the file's text
    const real = nginxLuaBody(text, block)!;
    expect(real).toBe(text.slice(block.bodyOffset, d.start) + text.slice(d.end, block.close));
    expect(real.length).toBe(block.body!.length - 2048);
    expect(tokenizeConf(text).errors).toEqual([
      { offset: d.start, message: expect.stringContaining('lua-nginx-module drops 2048 bytes of this Lua block here') },
    ]);
    // conf-tree passes the ranges on
    const [dir] = parseConfText(text, 'x').directives;
    expect(dir.lua).toMatchObject({ form: 'block', dropped: block.dropped });
  });

  it('readLuaBlock can be driven directly on a buffer state', () => {
    const text = 'x { a { b } c } rest';
    const buf: ConfBuffer = { text, pos: 3, bufStart: 0, bufLast: text.length };
    const r = readLuaBlock(buf);
    expect(r).toEqual({ body: ' a { b } c ', bodyOffset: 3, close: 14, errors: [] });
    expect(buf.pos).toBe(15);
  });
});
