// What LuaJIT and ngx_lua load (docs/semantics.md §9): a `#` first line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Chunk } from 'luaparse';
import { analyze } from './support/analyze.ts';
import { parseLua, parseLuaText, skipChunkHeader } from '../src/lua/parse-lua.ts';
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

function findings(files: Record<string, string | Buffer>, options: { nginxConfs?: string[] } = {}) {
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
    const ret = (r as { chunk: Chunk }).chunk.body[0] as unknown as { range: [number, number] };
    expect(ret.range[0]).toBe(src.indexOf('return'));
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
