// What LuaJIT and ngx_lua load (docs/semantics.md §9): a `#` first line, bytecode known by its signature, NUL
// bytes in strings, and the LUA52COMPAT build switch (config key lua52Compat). The same cases against a real
// ngx_lua: test/lua-load-oracle.test.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Chunk } from 'luaparse';
import { analyze } from './support/analyze.ts';
import { bytecodeKind, parseLua, parseLuaText, skipChunkHeader } from '../src/lua/parse-lua.ts';
import { FactsCache } from '../src/project/facts-cache.ts';
import { analyzeProject } from '../src/project/run-project.ts';
import { RULES } from '../rules/index.ts';
import { SourceText } from '../src/source/source-text.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-loading-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

/** A project directory holding `files` (strings are written as latin1 bytes). */
function project(files: Record<string, string | Buffer>): string {
  const dir = join(tmp, `p${n++}`);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? Buffer.from(content, 'latin1') : content);
  }
  return dir;
}

function findings(files: Record<string, string | Buffer>, options: { lua52Compat?: boolean; nginxConfs?: string[] } = {}) {
  const cwd = project(files);
  const lua = Object.keys(files).filter((f) => f.endsWith('.lua'));
  return analyze({ cwd, files: lua, ...options }).findings.map((f) => ({
    file: f.location.file,
    line: f.location.startLine,
    column: f.location.startColumn,
    ruleId: f.ruleId,
    message: f.message,
  }));
}

// A client closed on one path and pooled on another: one pool-mixed-lifecycle finding, on the close() line.
const MIXED = [
  'local redis = require "resty.redis"',
  'local a = redis:new()',
  'a:connect("127.0.0.1", 6379)',
  'a:set_keepalive(10000, 100)',
  'local b = redis:new()',
  'b:connect("127.0.0.1", 6379)',
  '  b:close()',
  '',
].join('\n');

describe('a first line starting with #', () => {
  it('is blanked up to its line break, keeping every offset', () => {
    const src = '#ngx.header["X"] = 1\nreturn 1\n';
    const { text, header } = skipChunkHeader(src);
    expect(header).toBe(true);
    expect(text).toBe(`${' '.repeat(20)}\nreturn 1\n`);
    expect(text.length).toBe(src.length);
  });

  it('ends at the first CR or LF, as in LuaJIT (lj_lex_setup), and CR LF stays one line break', () => {
    expect(skipChunkHeader('#a\r\nx').text).toBe('  \r\nx');
    expect(skipChunkHeader('#a\rx\ny').text).toBe('  \rx\ny');
    expect(skipChunkHeader('#only').text).toBe('     ');
    expect(skipChunkHeader('x = 1\n#a\n').header).toBe(false);
    expect(skipChunkHeader('x = 1\n#a\n').text).toBe('x = 1\n#a\n');
    // A BOM in text handed over as is (inline code) is skipped too.
    expect(skipChunkHeader('\xef\xbb\xbf#a\nx').text).toBe('     \nx');
  });

  it('parses, and the tree keeps the offsets of the file', () => {
    const src = '#ngx.header["X"] = 1\nreturn 1\n';
    const r = parseLuaText(src);
    expect(r.ok).toBe(true);
    const ret = (r as { chunk: Chunk }).chunk.body[0] as unknown as { rangeStart: number; rangeEnd: number };
    expect(ret.rangeStart).toBe(src.indexOf('return'));
    expect(ret.rangeEnd).toBe(src.indexOf('return') + 'return 1'.length);
  });

  it('is skipped only on the first line: later a statement cannot start with #', () => {
    const r = parseLuaText('local t = {}\n#ngx.header["X"] = 1\n');
    expect(r).toMatchObject({ ok: false, offset: 13 });
  });

  it('leaves findings on the same lines and columns as without it', () => {
    const plain = findings({ 'a.lua': `-- a comment of the same length\n${MIXED}` });
    const hashed = findings({ 'a.lua': `#ngx.header["X-Debug"] = 1 -- x\n${MIXED}` });
    const shebang = findings({ 'a.lua': `#!/usr/bin/env resty\r\n${MIXED.replace(/\n/g, '\r\n')}` });
    expect(plain.map((f) => [f.line, f.column, f.ruleId])).toEqual([[8, 3, 'pool-mixed-lifecycle']]);
    expect(hashed).toEqual(plain);
    expect(shebang).toEqual(plain);
  });

  it('reports a syntax error after the # line on its own line', () => {
    const [f] = findings({ 'a.lua': '#x\nlocal a = = 1\n' });
    expect(f).toMatchObject({ line: 2, ruleId: 'syntax-error' });
  });

  it('after a BOM too (SourceText takes the BOM off, LuaJIT skips both)', () => {
    const text = new SourceText(Buffer.from('\xef\xbb\xbf#x\nreturn 1\n', 'latin1'));
    expect(parseLua(text).ok).toBe(true);
    expect(findings({ 'a.lua': `\xef\xbb\xbf#!/usr/bin/env resty\n${MIXED}` }).map((f) => f.line)).toEqual([8]);
  });

  it('in inline nginx Lua: skipped when the code starts with it (loadbuffer), an error on a later line', () => {
    const conf = (body: string) => `http { server { location / { content_by_lua_block {${body}} } } }\n`;
    const skipped = findings({ 'nginx.conf': conf('#ngx.header["X"] = 1\n  ngx.say("ok")\n') }, { nginxConfs: ['nginx.conf'] });
    expect(skipped).toEqual([]);
    const later = findings({ 'nginx.conf': conf('\n  #ngx.header["X"] = 1\n  ngx.say("ok")\n') }, { nginxConfs: ['nginx.conf'] });
    expect(later).toMatchObject([{ file: 'nginx.conf', line: 2, ruleId: 'syntax-error' }]);
  });
});

describe('bytecode and binary files', () => {
  // string.dump(loadstring("return 'compiled'", "=compiled")) by OpenResty's LuaJIT 2.1 (luajit2 @ 15f58c9); the
  // fixture fixtures/lua/loads-like-ngx-lua/compiled.lua is the same kind of file, with its expectation in the chunk name.
  const LUAJIT_DUMP = Buffer.from('1b4c4a0208093d636f6d70696c65641e02000100010002030001270000004c0002000d636f6d70696c656401010000', 'hex');

  it('knows bytecode by its signature only', () => {
    expect(bytecodeKind(LUAJIT_DUMP)).toBe('LuaJIT');
    expect(bytecodeKind(Buffer.from('\x1bLua\x51\x00', 'latin1'))).toBe('PUC Lua');
    expect(bytecodeKind(Buffer.from('local s = "\x00"', 'latin1'))).toBeUndefined();
    expect(bytecodeKind(Buffer.from('\x1bL', 'latin1'))).toBeUndefined();
    expect(bytecodeKind(Buffer.alloc(0))).toBeUndefined();
  });

  it('reports bytecode as not analyzed (a note)', () => {
    const out = findings({ 'jit.lua': LUAJIT_DUMP, 'puc.lua': Buffer.from('\x1bLua\x51\x00\x01\x04\x08\x04\x08\x00', 'latin1') });
    expect(out).toEqual([
      { file: 'jit.lua', line: 1, column: 1, ruleId: 'not-analyzed', message: 'Not analyzed: this is LuaJIT bytecode, not Lua source.' },
      {
        file: 'puc.lua',
        line: 1,
        column: 1,
        ruleId: 'not-analyzed',
        message: 'Not analyzed: this is PUC Lua bytecode, not Lua source. LuaJIT refuses to load it (cannot load incompatible bytecode).',
      },
    ]);
  });

  it('analyzes a file with NUL bytes in strings, early or late', () => {
    const early = findings({ 'a.lua': `local SEP = "\x00"\n${MIXED}` });
    const late = findings({ 'a.lua': `${MIXED}local SEP = "a\x00b"\n` });
    expect(early.map((f) => [f.line, f.ruleId])).toEqual([[8, 'pool-mixed-lifecycle']]);
    expect(late.map((f) => [f.line, f.ruleId])).toEqual([[7, 'pool-mixed-lifecycle']]);
  });

  it('gives any other binary file a syntax error, not a note', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    expect(findings({ 'img.lua': png })).toMatchObject([{ file: 'img.lua', ruleId: 'syntax-error' }]);
    expect(findings({ 'esc.lua': Buffer.from('\x1bXYZ', 'latin1') })).toMatchObject([
      { line: 1, ruleId: 'syntax-error', message: 'Syntax error: cannot load incompatible bytecode' },
    ]);
  });

  it('refuses bytecode after a # line or a BOM, as LuaJIT does', () => {
    const afterHash = Buffer.concat([Buffer.from('#!/usr/bin/env luajit\n'), LUAJIT_DUMP]);
    const afterBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), LUAJIT_DUMP]);
    expect(findings({ 'a.lua': afterHash, 'b.lua': afterBom })).toMatchObject([
      { file: 'a.lua', line: 2, ruleId: 'syntax-error', message: 'Syntax error: cannot load malformed bytecode' },
      { file: 'b.lua', line: 1, ruleId: 'syntax-error', message: 'Syntax error: cannot load malformed bytecode' },
    ]);
  });
});

describe('lua52Compat (LuaJIT built with LUAJIT_ENABLE_LUA52COMPAT)', () => {
  const SPLIT_CALL = 'local log = ngx.log\nlog\n(ngx.ERR, "x")\n';

  it('defaults to OpenResty\'s build: a call whose ( starts a new line is accepted', () => {
    expect(parseLuaText(SPLIT_CALL).ok).toBe(true);
    expect(findings({ 'a.lua': SPLIT_CALL })).toEqual([]);
    expect(findings({ 'a.lua': SPLIT_CALL }, { lua52Compat: true })).toEqual([]);
  });

  it('false: the split call is a syntax error with LuaJIT\'s message, at the (', () => {
    expect(findings({ 'a.lua': SPLIT_CALL }, { lua52Compat: false })).toEqual([
      { file: 'a.lua', line: 3, column: 1, ruleId: 'syntax-error', message: "Syntax error: ambiguous syntax (function call x new statement) near '('" },
    ]);
  });

  it('switches empty statements, break in mid-block and goto as a name', () => {
    const cases: Array<[string, boolean, boolean]> = [
      // [source, parses with lua52Compat true, parses with false]
      ['local n = 0;;\n', true, false],
      ['for i = 1, 2 do break; print(i) end\n', true, false],
      ['local goto = 1\n', false, true],
      ['local t = { goto = 1 }\nreturn t.goto\n', false, true],
      ['for i = 1, 2 do if i then goto continue end ::continue:: end\n', true, true],
    ];
    for (const [src, compat, plain] of cases) {
      expect(parseLuaText(src, { lua52Compat: true }).ok, `${src} with LUA52COMPAT`).toBe(compat);
      expect(parseLuaText(src, { lua52Compat: false }).ok, `${src} without LUA52COMPAT`).toBe(plain);
    }
  });

  it('applies to inline nginx Lua too', () => {
    const conf = `http { server { location / { content_by_lua_block {\n  ngx.say\n  ("x")\n} } } }\n`;
    expect(findings({ 'nginx.conf': conf }, { nginxConfs: ['nginx.conf'] })).toEqual([]);
    expect(findings({ 'nginx.conf': conf }, { nginxConfs: ['nginx.conf'], lua52Compat: false })).toMatchObject([
      { file: 'nginx.conf', line: 3, ruleId: 'syntax-error' },
    ]);
  });

  it('is read from the config file', () => {
    const cwd = project({ 'a.lua': SPLIT_CALL, '.resty-lint.json': '{ "lua52Compat": false }' });
    const run = analyzeProject(cwd, { paths: [], nginxConf: [], rules: RULES, cache: false });
    expect(run.findings.map((f) => f.ruleId)).toEqual(['syntax-error']);
  });

  it('keeps separate cache entries per build', () => {
    const cwd = project({ 'a.lua': SPLIT_CALL });
    const cache = new FactsCache(join(cwd, '.cache'));
    const ids = (lua52Compat: boolean) => analyze({ cwd, files: ['a.lua'], cache, lua52Compat }).findings.map((f) => f.ruleId);
    expect(ids(false)).toEqual(['syntax-error']);
    expect(ids(true)).toEqual([]);
    expect(ids(false)).toEqual(['syntax-error']);
    expect(ids(true)).toEqual([]);
    // One entry computed per build, the first found again; the last run finds the bytes its build's snapshot
    // recorded (file-snapshot.ts) and loads no facts at all.
    expect([cache.misses, cache.hits]).toEqual([2, 1]);
  });
});
