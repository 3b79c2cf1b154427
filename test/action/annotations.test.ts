// `--format github` (src/format/github.ts): workflow-command syntax, escaping, order and the per-step limits.
import { describe, expect, it } from 'vitest';
import type { Finding, Level } from '../../src/core/findings.ts';
import { escapeData, escapeProperty, formatGithub } from '../../src/format/github.ts';

function finding(level: Level, file: string, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'pool-mixed-lifecycle',
    level,
    message: `m ${file}:${line}`,
    location: { file, startLine: line, startColumn: 3, endLine: line, endColumn: 10 },
    related: [],
    fingerprint: '0:1',
    ...extra,
  };
}

const lines = (s: string) => s.split('\n').filter(Boolean);

describe('GitHub annotations', () => {
  it('maps levels to commands and writes all location properties', () => {
    const out = formatGithub([finding('note', 'b.lua', 2), finding('warning', 'a.lua', 1), finding('error', 'c.lua', 3)]);
    expect(out).toBe(
      '::error file=c.lua,line=3,endLine=3,col=3,endColumn=9,title=resty-lint (pool-mixed-lifecycle)::m c.lua:3\n' +
        '::warning file=a.lua,line=1,endLine=1,col=3,endColumn=9,title=resty-lint (pool-mixed-lifecycle)::m a.lua:1\n' +
        '::notice file=b.lua,line=2,endLine=2,col=3,endColumn=9,title=resty-lint (pool-mixed-lifecycle)::m b.lua:2\n',
    );
  });

  it('leaves columns out of a multi-line span (GitHub rejects them there)', () => {
    const f = finding('warning', 'a.lua', 4, { location: { file: 'a.lua', startLine: 4, startColumn: 2, endLine: 6, endColumn: 4 } });
    expect(formatGithub([f])).toBe('::warning file=a.lua,line=4,endLine=6,title=resty-lint (pool-mixed-lifecycle)::m a.lua:4\n');
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    expect(escapeData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d');
    expect(escapeProperty('C:\\x,y%\n')).toBe('C%3A\\x%2Cy%25%0A');
    const f = finding('error', 'we:ird,na%me.lua', 1, {
      message: 'first line\nsecond: [other](1), 50%',
      related: [{ id: 1, file: 'o.lua', startLine: 9, startColumn: 1, endLine: 9, endColumn: 2, message: 'x' }],
    });
    expect(formatGithub([f])).toBe(
      '::error file=we%3Aird%2Cna%25me.lua,line=1,endLine=1,col=3,endColumn=9,title=resty-lint (pool-mixed-lifecycle)::first line%0Asecond: other (o.lua:9:1), 50%25\n',
    );
  });

  it('shows control characters from Lua strings and file names as control pictures, as the text format does', () => {
    const f = finding('warning', 'a\x07.lua', 1, { message: 'pool "\x1b[31mred\x1b[0m" rings \x07 and \x9b here.\r\nnext' });
    const out = formatGithub([f]);
    expect(out).toBe(
      '::warning file=a\u2407.lua,line=1,endLine=1,col=3,endColumn=9,title=resty-lint (pool-mixed-lifecycle)::' +
        'pool "\u241b[31mred\u241b[0m" rings \u2407 and \ufffd here.\u240d%0Anext\n',
    );
    expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });

  it('prints nothing for no findings', () => {
    expect(formatGithub([])).toBe('');
  });

  it('prints at most 10 per level, most important first, then one notice with the count left out', () => {
    const many = [
      ...Array.from({ length: 12 }, (_, i) => finding('note', `n${String(i).padStart(2, '0')}.lua`, 1)),
      ...Array.from({ length: 11 }, (_, i) => finding('warning', `w${String(i).padStart(2, '0')}.lua`, 1)),
      ...Array.from({ length: 3 }, (_, i) => finding('error', `e${i}.lua`, 5 - i)),
    ];
    const out = lines(formatGithub(many.reverse()));
    expect(out.filter((l) => l.startsWith('::error '))).toHaveLength(3);
    expect(out.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
    // 9 notes: the closing notice takes the tenth notice slot.
    expect(out.filter((l) => l.startsWith('::notice '))).toHaveLength(9);
    expect(out.slice(0, 3).map((l) => l.slice(0, 23))).toEqual(['::error file=e0.lua,lin', '::error file=e1.lua,lin', '::error file=e2.lua,lin']);
    expect(out[3]).toMatch(/^::warning file=w00\.lua,/);
    expect(out[12]).toMatch(/^::warning file=w09\.lua,/);
    expect(out[13]).toMatch(/^::notice file=n00\.lua,/);
    expect(out[22]).toBe(
      '::notice::resty-lint: 4 more findings (1 warning, 3 notes) not shown as annotations (GitHub shows at most 10 per level and step); run resty-lint with --format text or --format sarif to see them all',
    );
    expect(out).toHaveLength(23);
  });

  it('uses all ten note slots when nothing is left out', () => {
    const ten = Array.from({ length: 10 }, (_, i) => finding('note', `n${i}.lua`, 1));
    expect(lines(formatGithub(ten))).toHaveLength(10);
  });

  it('keeps reserved slots free and names where the rest is', () => {
    const errors = Array.from({ length: 10 }, (_, i) => finding('error', `e${i}.lua`, 1));
    const out = lines(formatGithub(errors, { reserved: { error: 1 }, moreHint: 'see x.sarif' }));
    expect(out.filter((l) => l.startsWith('::error '))).toHaveLength(9);
    expect(out[9]).toBe('::notice::resty-lint: 1 more finding (1 error) not shown as annotations (GitHub shows at most 10 per level and step); see x.sarif');
  });
});
