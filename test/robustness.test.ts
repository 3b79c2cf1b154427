// One bad file never crashes the run or loses the other files' findings.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from './support/analyze.ts';
import { linkedModel } from '../src/project/run-project.ts';
import { discover } from '../src/files/discover.ts';

const MIX_A = 'local redis = require "resty.redis"\nlocal r = redis:new()\nr:connect("127.0.0.1", 6379)\nr:set_keepalive(1000, 10)\n';
const MIX_B = 'local redis = require "resty.redis"\nlocal q = redis:new()\nq:connect("127.0.0.1", 6379)\nq:close()\n';

const dir = mkdtempSync(join(tmpdir(), 'resty-lint-robust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function project(extra: Record<string, string | Buffer>) {
  const root = mkdtempSync(join(dir, 'p-'));
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'a.lua'), MIX_A);
  writeFileSync(join(root, 'b.lua'), MIX_B);
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(root, name), content);
  const { files } = discover(root, ['.']);
  return { root, result: analyze({ cwd: root, files }) };
}

function expectMixStillFound(result: ReturnType<typeof analyze>) {
  expect(result.findings.filter((f) => f.ruleId === 'pool-mixed-lifecycle').map((f) => `${f.location.file}:${f.location.startLine}`)).toEqual(['b.lua:4']);
}

describe('bad input', () => {
  const cases: Record<string, string | Buffer> = {
    'deep-parens.lua': `local x = ${'('.repeat(100000)}1${')'.repeat(100000)}\n`,
    'deep-functions.lua': `${'local f = function() '.repeat(3000)}${'end '.repeat(3000)}\n`,
    'deep-ifs.lua': `${'if x then '.repeat(3000)}${'end '.repeat(3000)}\n`,
    'long-sum.lua': `local x = ${Array(100000).fill('1').join(' + ')}\n`,
    'long-chain.lua': `local x = a${'.b'.repeat(50000)}\nlocal y = f${'()'.repeat(20000)}\nlocal z = "a"${' .. "b"'.repeat(3000)}\n`,
    'binary.lua': Buffer.from([0x1b, 0x4c, 0x4a, 0x02, 0x00, 0x00, 0xff, 0x10]),
    'truncated.lua': 'local function f(\n  if then',
    'nul.lua': 'local s = "a\u0000b"\n',
    'invalid-utf8.lua': Buffer.from([0x6c, 0x6f, 0x63, 0x61, 0x6c, 0x20, 0x73, 0x3d, 0x22, 0xff, 0xc3, 0x28, 0x22, 0x0a]),
  };

  for (const [name, content] of Object.entries(cases)) {
    it(`${name}: reported or analyzed, and the other files still analyzed`, () => {
      const { result } = project({ [name]: content });
      expectMixStillFound(result);
      const diagnostics = result.findings.filter((f) => f.location.file === name);
      const analyzed = linkedModel(result).units.some((u) => u.path === name);
      // Every input is accounted for: analyzed, or reported with a diagnostic (never both silently dropped).
      expect(analyzed || diagnostics.length > 0, `${name} neither analyzed nor reported`).toBe(true);
      // Bad input is a syntax error or a file skipped on purpose; never a failure of the analyzer itself.
      for (const d of diagnostics) expect(['syntax-error', 'not-analyzed'], d.message).toContain(d.ruleId);
      expect(result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message)).toEqual([]);
    });
  }

  it('skips a file over the size limit with a note, and analyzes the rest', () => {
    const root = mkdtempSync(join(dir, 'big-'));
    writeFileSync(join(root, 'a.lua'), MIX_A);
    writeFileSync(join(root, 'b.lua'), MIX_B);
    writeFileSync(join(root, 'huge.lua'), `local t = {${'1,'.repeat(600_000)}}\n`);
    const result = analyze({ cwd: root, files: ['a.lua', 'b.lua', 'huge.lua'], maxFileBytes: 1_000_000 });
    expectMixStillFound(result);
    expect(result.findings.find((f) => f.location.file === 'huge.lua')).toMatchObject({
      ruleId: 'not-analyzed',
      level: 'note',
      message: 'Not analyzed: 1200013 bytes is over the 1000000-byte limit (maxFileBytes in the config file).',
    });
  });

  it('says why a binary file was skipped', () => {
    const { result } = project({ 'binary.lua': cases['binary.lua'] });
    const d = result.findings.find((f) => f.location.file === 'binary.lua');
    expect(d).toMatchObject({ ruleId: 'not-analyzed', level: 'note', message: 'Not analyzed: this is LuaJIT bytecode, not Lua source.' });
  });

  it('reports a too-deep file instead of overflowing', () => {
    const { result } = project({ 'deep-parens.lua': cases['deep-parens.lua'] });
    const d = result.findings.find((f) => f.location.file === 'deep-parens.lua');
    expect(d?.message).toMatch(/nested too deeply/);
  });

  it('reports a file that vanished between discovery and reading', () => {
    const { root } = project({});
    const result = analyze({ cwd: root, files: ['a.lua', 'b.lua', 'gone.lua'] });
    expectMixStillFound(result);
    expect(result.findings.find((f) => f.location.file === 'gone.lua')).toMatchObject({ ruleId: 'not-analyzed', message: 'Could not read this file: ENOENT' });
  });
});
