import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.ts';
import { formatCompact } from '../../src/format/compact.ts';

const A: Finding = {
  ruleId: 'pool-mixed-lifecycle',
  level: 'warning',
  message: 'Connection `red` is closed here but [returned to the pool](1) on another path.',
  location: { file: 'lua/app/cache.lua', startLine: 42, startColumn: 5, endLine: 42, endColumn: 16 },
  related: [{ id: 1, message: 'Returned to the pool here.', file: 'lua/app/cache.lua', startLine: 37, startColumn: 5, endLine: 37, endColumn: 42 }],
  fingerprint: 'aaaaaaaaaaaaaaaa:1',
};
const B: Finding = {
  ruleId: 'syntax-error',
  level: 'error',
  message: "Unexpected '}'.\n  Did you close the server block twice?",
  location: { file: 'conf/nginx.conf', startLine: 7, startColumn: 1, endLine: 7, endColumn: 2 },
  related: [],
  fingerprint: 'bbbbbbbbbbbbbbbb:1',
};
const C: Finding = {
  ruleId: 'pool-unbounded-size',
  level: 'note',
  message: 'set_keepalive() has no pool size.',
  location: { file: 'lua/app/cache.lua', startLine: 9, startColumn: 3, endLine: 9, endColumn: 30 },
  related: [],
  fingerprint: 'cccccccccccccccc:1',
};

describe('formatCompact', () => {
  it('prints one sorted line per finding, links resolved and newlines collapsed', () => {
    expect(formatCompact([A, B, C])).toBe(
      "conf/nginx.conf:7:1: error [syntax-error] Unexpected '}'. Did you close the server block twice?\n" +
        'lua/app/cache.lua:9:3: note [pool-unbounded-size] set_keepalive() has no pool size.\n' +
        'lua/app/cache.lua:42:5: warning [pool-mixed-lifecycle] Connection `red` is closed here but returned to the pool (lua/app/cache.lua:37:5) on another path.\n',
    );
  });

  it('is the same for any input order, and empty for no findings (no summary line)', () => {
    expect(formatCompact([C, A, B])).toBe(formatCompact([B, C, A]));
    expect(formatCompact([])).toBe('');
  });

  it('matches a typical problem-matcher regex on every line', () => {
    const matcher = /^(.+):(\d+):(\d+): (error|warning|note) \[([a-z0-9-]+)\] (.+)$/;
    const lines = formatCompact([A, B, C]).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(matcher);
  });
});
