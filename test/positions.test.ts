// Locations are SARIF's: 1-based lines and UTF-16 columns, whatever the file's BOM, line ends or bytes.
import { describe, expect, it } from 'vitest';
import { analyze } from './support/analyze.ts';
import { SourceText } from '../src/source/source-text.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const DIR = 'fixtures/lua/luajit-syntax-and-encodings';

describe('positions', () => {
  const result = analyze({ cwd: REPO_ROOT, files: [`${DIR}/bom-crlf.lua`, `${DIR}/shebang-luajit.lua`] });

  it('parses BOM, CRLF, shebang, LuaJIT literals, goto and break; without a diagnostic', () => {
    expect(result.findings.filter((f) => f.ruleId === 'syntax-error')).toEqual([]);
    expect(result.filesAnalyzed).toBe(2);
  });

  it('puts the close() after non-ASCII text at its UTF-16 column', () => {
    const f = result.findings.find((x) => x.ruleId === 'pool-mixed-lifecycle');
    // `local s = "héllo ✓" local red = redis:new() red:connect("127.0.0.1", 6379) ` is 75 UTF-16 units (78 bytes).
    expect(f?.location).toEqual({ file: `${DIR}/shebang-luajit.lua`, startLine: 11, startColumn: 76, endLine: 11, endColumn: 87 });
  });

  it('counts lines of a BOM + CRLF file like an editor does', () => {
    const f = result.findings.find((x) => x.ruleId === 'pool-mixed-lifecycle');
    expect(f?.related[0]).toMatchObject({ file: `${DIR}/bom-crlf.lua`, startLine: 6, startColumn: 3, endLine: 6, endColumn: 32 });
  });

  it('maps byte offsets to UTF-16 columns, invalid bytes counting one unit each', () => {
    const t = new SourceText(Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0d, 0x0a, 0xf0, 0x9f, 0x98, 0x80, 0x63]));
    expect(t.position(3)).toEqual({ line: 1, column: 4 }); // a, \xff, \xfe -> 3 units
    expect(t.position(6)).toEqual({ line: 2, column: 1 });
    expect(t.position(10)).toEqual({ line: 2, column: 3 }); // an astral emoji is 2 UTF-16 units
    expect(t.lineText(1)).toBe('a\ufffd\ufffdb');
  });
});
