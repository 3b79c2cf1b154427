import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.ts';
import { assignFingerprints, normalizeLine } from '../../src/core/fingerprint.ts';
import { SourceText } from '../../src/source/source-text.ts';

type Unprinted = Omit<Finding, 'fingerprint'>;

const FILE = 'lua/app/cache.lua';
const ORIGINAL = [
  'local redis = require "resty.redis"',
  'local red = redis:new()',
  'red:close()',
  'if ok then red:set_keepalive(10000, 100) end',
  'red:close()',
].join('\n');

function finding(line: number, column = 1, ruleId = 'pool-mixed-lifecycle', file = FILE): Unprinted {
  return { ruleId, level: 'warning', message: 'Closed.', location: { file, startLine: line, startColumn: column, endLine: line, endColumn: column + 11 }, related: [] };
}

function lines(text: string) {
  const src = SourceText.fromString(text);
  return (_file: string, line: number) => src.lineText(line);
}

describe('assignFingerprints', () => {
  it('has the form <16 hex>:<occurrence>', () => {
    const [f] = assignFingerprints([finding(3)], lines(ORIGINAL));
    expect(f.fingerprint).toMatch(/^[0-9a-f]{16}:1$/);
  });

  it('survives blank lines inserted above', () => {
    const before = assignFingerprints([finding(3), finding(5)], lines(ORIGINAL));
    const shifted = `\n\n\n${ORIGINAL.replace('local red', '\n\nlocal red')}`;
    const after = assignFingerprints([finding(8), finding(10)], lines(shifted));
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
  });

  it('ignores whitespace changes on the flagged line', () => {
    const [a] = assignFingerprints([finding(3)], lines(ORIGINAL));
    const [b] = assignFingerprints([finding(3)], lines(ORIGINAL.replace('red:close()', '\t  red:close()   ')));
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(normalizeLine(' \ta  b\t c \r')).toBe('a b c');
  });

  it('numbers identical (rule, file, line text) triples in file order', () => {
    // Lines 3 and 5 are both `red:close()`: same hash, occurrences 1 and 2, whatever the input order.
    const out = assignFingerprints([finding(5), finding(3)], lines(ORIGINAL));
    const [hash5, n5] = out[0].fingerprint.split(':');
    const [hash3, n3] = out[1].fingerprint.split(':');
    expect(hash5).toBe(hash3);
    expect([n3, n5]).toEqual(['1', '2']);
    // Input order is kept and nothing else changes.
    expect(out[0]).toEqual({ ...finding(5), fingerprint: out[0].fingerprint });

    // Two findings on the same line are told apart by column.
    const same = assignFingerprints([finding(4, 30), finding(4, 12)], lines(ORIGINAL));
    expect(same.map((f) => f.fingerprint.split(':')[1])).toEqual(['2', '1']);
  });

  it('depends on the rule, the file and the line text', () => {
    const base = assignFingerprints([finding(3)], lines(ORIGINAL))[0].fingerprint;
    expect(assignFingerprints([finding(3, 1, 'pool-unbounded-size')], lines(ORIGINAL))[0].fingerprint).not.toBe(base);
    expect(assignFingerprints([finding(3, 1, undefined, 'lua/other.lua')], lines(ORIGINAL))[0].fingerprint).not.toBe(base);
    expect(assignFingerprints([finding(2)], lines(ORIGINAL))[0].fingerprint).not.toBe(base);
    // Occurrences are counted per hash, so another rule on the same line starts at 1 too.
    const mixed = assignFingerprints([finding(3), finding(3, 1, 'pool-unbounded-size')], lines(ORIGINAL));
    expect(mixed.map((f) => f.fingerprint.endsWith(':1'))).toEqual([true, true]);
  });

  it('is stable across runs (a fixed known value)', () => {
    const [f] = assignFingerprints([finding(1)], () => '  local x = 1  ');
    // sha256("pool-mixed-lifecycle\0lua/app/cache.lua\0local x = 1"), first 16 hex digits.
    expect(f.fingerprint).toBe(`${KNOWN}:1`);
  });
});

const KNOWN = 'bdd1d78e7a608cba';
