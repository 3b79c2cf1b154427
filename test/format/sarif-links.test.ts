// Item 18: a pool name holding `[` or `]` must not break SARIF's embedded links (SARIF 2.1.0 §3.11.6): the
// literal brackets are escaped with a backslash, the real links stay links, and plain-text outputs show the
// name as written.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { plainMessage } from '../../src/core/findings.ts';
import { formatSarif } from '../../src/format/sarif.ts';
import { RULES } from '../../rules/index.ts';
import { analyze } from '../support/analyze.ts';

const dir = mkdtempSync(join(tmpdir(), 'resty-lint-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Two paths of one pool whose name looks like link syntax: one pools the connection, the other closes it.
const POOL = '[x](1) y]';
writeFileSync(
  join(dir, 'h.lua'),
  [
    'local redis = require "resty.redis"',
    'local function get()',
    '  local red = redis:new()',
    `  red:connect("127.0.0.1", 6379, { pool = "${POOL}" })`,
    '  red:set_keepalive(10000, 100)',
    'end',
    'local function flush()',
    '  local red = redis:new()',
    `  red:connect("127.0.0.1", 6379, { pool = "${POOL}" })`,
    '  red:close()',
    'end',
    'return { get = get, flush = flush }',
  ].join('\n'),
);

/** A SARIF viewer's reading of a message (as CodeQL's): links, and text with `\[`, `\]`, `\\` unescaped. */
function viewerParts(text: string): (string | { label: string; id: number })[] {
  const parts: (string | { label: string; id: number })[] = [];
  const unescape = (s: string) => s.replace(/\\([\\[\]])/g, '$1');
  const link = /(?<=(?<!\\)(?:\\\\)*)\[((?:[^\\[\]]|\\[\\[\]])*)\]\((\d+)\)/g;
  let at = 0;
  for (const m of text.matchAll(link)) {
    parts.push(unescape(text.slice(at, m.index)), { label: unescape(m[1]), id: Number(m[2]) });
    at = m.index + m[0].length;
  }
  parts.push(unescape(text.slice(at)));
  return parts;
}

describe('embedded links in SARIF messages', () => {
  const { findings } = analyze({ cwd: dir, files: ['h.lua'] });
  const finding = findings.find((f) => f.ruleId === 'pool-mixed-lifecycle');

  it('escapes the brackets of a pool name and keeps the real links', () => {
    expect(finding).toBeDefined();
    const log = JSON.parse(formatSarif({ findings, rules: RULES.map((r) => r.meta), toolVersion: '0', informationUri: 'https://x' })) as Log;
    const result = log.runs[0].results!.find((r) => r.ruleId === 'pool-mixed-lifecycle')!;
    const parts = viewerParts(result.message.text!);
    // Only the rule's own link survives as a link, to the location that pools the connections.
    expect(parts.filter((p) => typeof p !== 'string')).toEqual([{ label: 'The keepalive path', id: 1 }]);
    expect(parts.filter((p) => typeof p === 'string').join('')).toContain(`pool "${POOL}"`);
    expect(result.message.text).toContain('"\\[x\\](1) y\\]"');
  });

  it('shows the name as written in plain text', () => {
    expect(plainMessage(finding!)).toContain(`pool "${POOL}"`);
    expect(plainMessage(finding!)).toMatch(/The keepalive path \(h\.lua:\d+:\d+\)/);
  });
});
