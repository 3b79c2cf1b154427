import { describe, expect, it } from 'vitest';

import { ConfReader, tokenizeConf, tokenValueOffset, unescape, type ConfEvent, type Token } from '../../src/nginx/tokenize.ts';
import { SourceText } from '../../src/source/source-text.ts';

/** The argument values of every statement (directive / block start / Lua block), in order. */
function statements(text: string): string[][] {
  return tokenizeConf(text)
    .events.filter((e): e is Exclude<ConfEvent, { type: 'block-end' }> => e.type !== 'block-end')
    .map((e) => e.args.map((a) => a.value));
}

function errors(text: string): { line: number; column: number; message: string }[] {
  const source = SourceText.fromString(text);
  return tokenizeConf(text).errors.map((e) => ({ ...source.position(e.offset), message: e.message }));
}

function firstArgs(text: string): Token[] {
  const ev = tokenizeConf(text).events[0];
  if (!ev || ev.type === 'block-end') throw new Error('no statement');
  return ev.args;
}

describe('tokenizeConf: tokens', () => {
  it('splits on space, tab, CR and LF; ; ends a directive', () => {
    expect(statements('a b\tc\r\nd\ne;f;')).toEqual([['a', 'b', 'c', 'd', 'e'], ['f']]);
  });

  it('gives every token its value, raw text, byte offsets and quoting', () => {
    const text = 'add_header  X-A "a b"  \'c\\\'d\' e\\"f;';
    const [name, h, dq, sq, esc] = firstArgs(text);
    expect(name).toEqual({ value: 'add_header', raw: 'add_header', start: 0, end: 10, quoted: false });
    expect(h).toEqual({ value: 'X-A', raw: 'X-A', start: 12, end: 15, quoted: false });
    expect(dq).toEqual({ value: 'a b', raw: '"a b"', start: 16, end: 21, quoted: true, quote: '"' });
    expect(sq).toEqual({ value: "c'd", raw: "'c\\'d'", start: 23, end: 29, quoted: true, quote: "'" });
    expect(esc).toEqual({ value: 'e"f', raw: 'e\\"f', start: 30, end: 34, quoted: false });
    for (const t of [name, h, dq, sq, esc]) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });

  it('# starts a comment only where a token would start', () => {
    expect(statements('a#b c # d ;\n;\ne;')).toEqual([['a#b', 'c'], ['e']]);
    expect(statements('# x { ; }\nf "#" g#;')).toEqual([['f', '#', 'g#']]);
  });

  it('a quote opens a quoted token only at a token start', () => {
    expect(statements('a b"c d\'e;')).toEqual([['a', 'b"c', "d'e"]]);
  });

  it('quoted tokens may span lines and hold ; { } #', () => {
    expect(statements('a "x;\n{ } # y";')).toEqual([['a', 'x;\n{ } # y']]);
  });

  it('after a closing quote: whitespace, ;, { and ) are accepted', () => {
    expect(statements('a "x" "y";b "z"{ }c \'w\';')).toEqual([['a', 'x', 'y'], ['b', 'z'], ['c', 'w']]);
    // `)` ends the quoted token and starts the next one
    expect(statements('if ($a = "x") { }')).toEqual([['if', '($a', '=', 'x', ')']]);
  });

  it('any other byte after a closing quote is an error: unexpected "<c>"', () => {
    expect(errors('a "x"y;')).toEqual([{ line: 1, column: 6, message: 'unexpected "y"' }]);
    expect(errors('a "x"#y\n;')).toEqual([{ line: 1, column: 6, message: 'unexpected "#"' }]);
    expect(errors("a 'x''y';")).toEqual([{ line: 1, column: 6, message: `unexpected "'"` }]);
    // recovery: the byte starts the next token
    expect(statements('a "x"y;')).toEqual([['a', 'x', 'y']]);
  });

  it('backslash escapes: \\" \\\' \\\\ lose the backslash, \\t \\r \\n become control characters, others stay', () => {
    expect(statements('a \\"\\\'\\\\ "\\t\\r\\n" \\x\\$;')).toEqual([['a', `"'\\`, '\t\r\n', '\\x\\$']]);
    expect(unescape('a\\tb\\\\tc\\q')).toBe('a\tb\\tc\\q');
  });

  it('a backslash stops the next byte from ending the token', () => {
    expect(statements('a b\\ c\\;d\\{e\\}f \\#g;')).toEqual([['a', 'b\\ c\\;d\\{e\\}f', '\\#g']]);
    expect(statements('a "b\\"c";')).toEqual([['a', 'b"c']]);
  });

  it('${var}: a { right after $ does not end the token; } is an ordinary byte', () => {
    // after `$d` the `{` is not right after `$`: it opens a block
    expect(statements('set $a ${b}c$d{e} f}g;}')).toEqual([['set', '$a', '${b}c$d'], ['e}', 'f}g']]);
    expect(statements('a ${{b}} $${c};')).toEqual([['a', '${{b}}', '$${c}']]);
  });

  it('{ and } open and close blocks; } inside a token is ordinary', () => {
    const ev = tokenizeConf('http { server{ listen 80; } }').events;
    expect(ev.map((e) => e.type)).toEqual(['block-start', 'block-start', 'directive', 'block-end', 'block-end']);
    expect(ev[0]).toMatchObject({ type: 'block-start', open: 5 });
    expect(ev[3]).toMatchObject({ type: 'block-end', close: 26 });
    expect(ev[4]).toMatchObject({ type: 'block-end', close: 28 });
    expect(statements('return 200 a}b;')).toEqual([['return', '200', 'a}b']]);
  });

  it('maps positions in an unescaped value back to the file', () => {
    const text = "content_by_lua 'a\\'b\\\\tc';";
    const token = firstArgs(text)[1];
    expect(token.value).toBe("a'b\\tc");
    const offsets = [...token.value].map((_, i) => tokenValueOffset(token, i));
    expect(offsets.map((o) => text[o])).toEqual(['a', '\\', 'b', '\\', 't', 'c']);
    expect(tokenValueOffset(token, token.value.length)).toBe(text.length - 2); // the closing quote
  });
});

describe('tokenizeConf: errors', () => {
  it('{ or ; at the start of a statement', () => {
    expect(errors('a;\n ;')).toEqual([{ line: 2, column: 2, message: 'unexpected ";"' }]);
    expect(errors('{ }')).toEqual([
      { line: 1, column: 1, message: 'unexpected "{"' },
      { line: 1, column: 3, message: 'unexpected "}"' },
    ]);
  });

  it('} with arguments pending', () => {
    expect(errors('http {\n  listen 80\n}')).toEqual([{ line: 3, column: 1, message: 'unexpected "}"' }]);
    // recovery: the pending directive is kept, the block still closes
    const ev = tokenizeConf('http {\n  listen 80\n}\nuser x;').events;
    expect(ev.map((e) => e.type)).toEqual(['block-start', 'directive', 'block-end', 'directive']);
    expect(ev[1]).toMatchObject({ terminated: false });
  });

  it('unbalanced blocks', () => {
    expect(errors('a;\n}\nb;')).toEqual([{ line: 2, column: 1, message: 'unexpected "}"' }]);
    expect(statements('a;\n}\nb;')).toEqual([['a'], ['b']]);
    expect(errors('http {\n server {\n}\n')).toEqual([{ line: 4, column: 1, message: 'unexpected end of file, expecting "}"' }]);
  });

  it('unexpected end of file inside a directive or a quoted token', () => {
    expect(errors('a b')).toEqual([{ line: 1, column: 4, message: 'unexpected end of file, expecting ";" or "}"' }]);
    expect(errors('a "b;\nc;')).toEqual([{ line: 2, column: 3, message: 'unexpected end of file, expecting ";" or "}"' }]);
    expect(errors('a "b"')).toEqual([{ line: 1, column: 6, message: 'unexpected end of file, expecting ";" or "}"' }]);
    expect(errors('a # b;')).toEqual([{ line: 1, column: 7, message: 'unexpected end of file, expecting ";" or "}"' }]);
    expect(errors('a;\n# only a comment')).toEqual([]);
    expect(errors('')).toEqual([]);
  });

  it('4096-byte buffer: a token of 4096 bytes (before the end of the file) is too long', () => {
    expect(errors(`a ${'x'.repeat(4095)};\n`)).toEqual([]);
    expect(errors(`a ${'x'.repeat(4096)};\n`)).toEqual([{ line: 1, column: 3, message: 'too long parameter "xxxxxxxxxx..." started' }]);
    // the closing quote must also fit: 4095 bytes + quote reaches the buffer end with the token still open
    expect(errors(`a "${'x'.repeat(4094)}";\n`)).toEqual([]);
    expect(errors(`a "${'x'.repeat(4095)}";\n`)).toEqual([{ line: 1, column: 4, message: 'too long parameter "xxxxxxxxxx..." started' }]);
    expect(errors(`a '${'x'.repeat(5000)}\n`)).toEqual([
      { line: 1, column: 4, message: `too long parameter, probably missing terminating "'" character` },
      { line: 2, column: 1, message: 'unexpected end of file, expecting ";" or "}"' },
    ]);
    // ... and so must a comment line
    expect(errors(`#${'c'.repeat(4100)}\na;`)).toEqual([{ line: 1, column: 1, message: 'too long parameter "#ccccccccc..." started' }]);
  });

  it('the limit depends on where the buffer was refilled, not only on the token length', () => {
    // A 4000-byte token is fine wherever it sits: nginx moves it to the buffer start before reading on.
    for (const pad of [0, 1, 100, 2047, 2048, 4000, 4095, 4096, 5000]) {
      expect(errors(`${'#'.repeat(pad)}\na ${'x'.repeat(4000)};\nb;`)).toEqual(
        pad >= 4096 ? [{ line: 1, column: 1, message: `too long parameter "${'#'.repeat(10)}..." started` }] : [],
      );
    }
  });

  it('never throws, whatever the bytes', () => {
    const alphabet = ['a', ' ', '\n', ';', '{', '}', '"', "'", '\\', '#', '$', ')', '[', ']', '-', '=', 'content_by_lua_block '];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      let s = '';
      for (let j = rnd(40); j > 0; j--) s += alphabet[rnd(alphabet.length)];
      const r = tokenizeConf(s);
      for (const e of r.errors) expect(e.offset).toBeLessThanOrEqual(s.length);
    }
  });
});

describe('ConfReader', () => {
  it('returns what ngx_conf_read_token returns', () => {
    const r = new ConfReader('a b; c {\n}');
    expect(r.readToken()).toMatchObject({ rc: 'ok', end: 4 });
    expect(r.readToken()).toMatchObject({ rc: 'block-start', open: 7 });
    expect(r.readToken()).toMatchObject({ rc: 'block-done', close: 9, args: [] });
    expect(r.readToken()).toMatchObject({ rc: 'file-done', args: [] });
    expect(r.errors).toEqual([]);
  });
});
