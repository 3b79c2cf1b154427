import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.ts';
import { formatJson } from '../../src/format/json.ts';

const A: Finding = {
  ruleId: 'pool-mixed-lifecycle',
  level: 'warning',
  message: 'Connection is closed here but [returned to the pool](1) in [the helper](2).',
  location: { file: 'lua/app/cache.lua', startLine: 42, startColumn: 5, endLine: 42, endColumn: 16 },
  related: [
    { id: 2, message: 'Helper.', file: 'lua/lib/db.lua', startLine: 10, startColumn: 1, endLine: 14, endColumn: 4 },
    { id: 1, message: 'Returned to the pool here.', file: 'lua/lib/db.lua', startLine: 12, startColumn: 3, endLine: 12, endColumn: 30 },
  ],
  fingerprint: 'aaaaaaaaaaaaaaaa:1',
};
const B: Finding = {
  ruleId: 'syntax-error',
  level: 'error',
  message: "Unexpected '}'.",
  location: { file: 'conf/nginx.conf', startLine: 7, startColumn: 1, endLine: 7, endColumn: 2 },
  related: [],
  fingerprint: 'bbbbbbbbbbbbbbbb:1',
};

describe('formatJson', () => {
  it('writes the documented shape, sorted, with a fixed key order', () => {
    const text = formatJson([A, B], { toolVersion: '0.1.0', filesAnalyzed: 12 });
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text);
    expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(Object.keys(parsed)).toEqual(['tool', 'summary', 'findings']);
    expect(parsed.tool).toEqual({ name: 'resty-lint', version: '0.1.0' });
    expect(parsed.summary).toEqual({ error: 1, warning: 1, note: 0, filesAnalyzed: 12 });
    expect(parsed.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['syntax-error', 'pool-mixed-lifecycle']);
    expect(parsed.findings[1]).toEqual({
      ruleId: 'pool-mixed-lifecycle',
      level: 'warning',
      message: A.message,
      plainMessage: 'Connection is closed here but returned to the pool (lua/lib/db.lua:12:3) in the helper (lua/lib/db.lua:10:1).',
      location: { file: 'lua/app/cache.lua', startLine: 42, startColumn: 5, endLine: 42, endColumn: 16 },
      related: [
        { id: 1, file: 'lua/lib/db.lua', startLine: 12, startColumn: 3, endLine: 12, endColumn: 30, message: 'Returned to the pool here.' },
        { id: 2, file: 'lua/lib/db.lua', startLine: 10, startColumn: 1, endLine: 14, endColumn: 4, message: 'Helper.' },
      ],
      fingerprint: 'aaaaaaaaaaaaaaaa:1',
    });
    expect(Object.keys(parsed.findings[1])).toEqual(['ruleId', 'level', 'message', 'plainMessage', 'location', 'related', 'fingerprint']);
  });

  it('is byte-identical for any input order and ignores extra properties', () => {
    const meta = { toolVersion: '0.1.0', filesAnalyzed: 2 };
    const extra = { ...B, suppressions: [{ kind: 'inSource' }], location: { ...B.location, internal: 1 } } as Finding;
    expect(formatJson([B, A], meta)).toBe(formatJson([A, B], meta));
    expect(formatJson([A, extra], meta)).toBe(formatJson([A, B], meta));
  });

  it('handles no findings', () => {
    expect(JSON.parse(formatJson([], { toolVersion: '0.1.0', filesAnalyzed: 0 }))).toEqual({
      tool: { name: 'resty-lint', version: '0.1.0' },
      summary: { error: 0, warning: 0, note: 0, filesAnalyzed: 0 },
      findings: [],
    });
  });
});
