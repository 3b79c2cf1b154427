import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.ts';
import { failsRun, formatText, type TextOptions } from '../../src/format/text.ts';

const SOURCES: Record<string, string[]> = {
  'lua/app/cache.lua': [
    'local redis = require "resty.redis"',
    'local red = redis:new()',
    'local s = "é" red:close()',
    '\tif ok then red:set_keepalive(10000, 100) end',
    'local t = "😀" red:close()',
  ],
  'conf/nginx.conf': ['http {', '  server {', '  }}'],
};

const lineText = (file: string, line: number): string | undefined => SOURCES[file]?.[line - 1];

function opts(over: Partial<TextOptions> = {}): TextOptions {
  return { color: false, lineText, failOn: 'warning', filesAnalyzed: 3, ...over };
}

const CLOSE: Finding = {
  ruleId: 'pool-mixed-lifecycle',
  level: 'warning',
  message: 'Connection `red` is closed here but [returned to the pool](1) on another path.',
  // `red:close()` after `local s = "é" `: é is one UTF-16 unit, so the call starts at column 15.
  location: { file: 'lua/app/cache.lua', startLine: 3, startColumn: 15, endLine: 3, endColumn: 26 },
  related: [{ id: 1, message: 'Returned to the pool here.', file: 'lua/app/cache.lua', startLine: 4, startColumn: 13, endLine: 4, endColumn: 42 }],
  fingerprint: 'aaaaaaaaaaaaaaaa:1',
};
const KEEPALIVE: Finding = {
  ruleId: 'pool-unbounded-size',
  level: 'note',
  message: 'set_keepalive() has no pool size.',
  location: { file: 'lua/app/cache.lua', startLine: 4, startColumn: 13, endLine: 4, endColumn: 42 },
  related: [],
  fingerprint: 'bbbbbbbbbbbbbbbb:1',
};
const SYNTAX: Finding = {
  ruleId: 'syntax-error',
  level: 'error',
  message: "Unexpected '}'.",
  location: { file: 'conf/nginx.conf', startLine: 3, startColumn: 4, endLine: 3, endColumn: 5 },
  related: [],
  fingerprint: 'cccccccccccccccc:1',
};

describe('formatText', () => {
  it('groups by file, shows source, carets, related locations, summary and exit line', () => {
    expect(formatText([KEEPALIVE, SYNTAX, CLOSE], opts())).toBe(
      [
        'conf/nginx.conf',
        "  3:4  error    Unexpected '}'.  syntax-error",
        '      }}',
        '       ^',
        '',
        'lua/app/cache.lua',
        '  3:15  warning  Connection `red` is closed here but returned to the pool (lua/app/cache.lua:4:13) on another path.  pool-mixed-lifecycle',
        '    local s = "é" red:close()',
        '                  ^~~~~~~~~~~',
        '      ↳ lua/app/cache.lua:4:13: Returned to the pool here.',
        '  4:13  note     set_keepalive() has no pool size.  pool-unbounded-size',
        '        if ok then red:set_keepalive(10000, 100) end',
        '                   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 note) in 3 files analyzed',
        'exit 1: findings at or above --fail-on warning',
        '',
      ].join('\n'),
    );
  });

  it('puts the caret under UTF-16 columns, including astral characters', () => {
    const out = formatText([CLOSE], opts());
    const lines = out.split('\n');
    const src = lines.indexOf('    local s = "é" red:close()');
    expect(src).toBeGreaterThan(0);
    // The caret sits under the `r` of `red`, the tildes end under `)`.
    expect(lines[src + 1].indexOf('^')).toBe(lines[src].indexOf('red:close'));
    expect(lines[src + 1].trimEnd().length).toBe(lines[src].length);

    // 😀 is 2 UTF-16 units (one more column than é) and 2 terminal cells.
    const emoji: Finding = { ...CLOSE, location: { ...CLOSE.location, startLine: 5, startColumn: 16, endLine: 5, endColumn: 27 }, related: [] };
    const e = formatText([emoji], opts()).split('\n');
    expect(e[2]).toBe('    local t = "😀" red:close()');
    expect(e[3]).toBe('                   ^~~~~~~~~~~');
  });

  it('expands tabs the same way in the source and caret lines', () => {
    const out = formatText([KEEPALIVE], opts()).split('\n');
    expect(out[2]).toBe('        if ok then red:set_keepalive(10000, 100) end');
    expect(out[3].indexOf('^')).toBe(out[2].indexOf('red:'));
  });

  it('marks multi-line spans with a single caret', () => {
    const multi: Finding = { ...CLOSE, location: { ...CLOSE.location, endLine: 4, endColumn: 3 }, related: [] };
    const out = formatText([multi], opts()).split('\n');
    expect(out[3]).toBe('                  ^');
  });

  it('points past the end of the line, and leaves the source out when it is unavailable', () => {
    const eof: Finding = { ...SYNTAX, location: { file: 'conf/nginx.conf', startLine: 3, startColumn: 6, endLine: 3, endColumn: 6 } };
    expect(formatText([eof], opts()).split('\n').slice(2, 4)).toEqual(['      }}', '         ^']);
    const gone = formatText([SYNTAX], opts({ lineText: () => undefined })).split('\n');
    expect(gone.slice(0, 3)).toEqual(['conf/nginx.conf', "  3:4  error    Unexpected '}'.  syntax-error", '']);
  });

  it('windows very long lines around the span', () => {
    const long = `${'x'.repeat(500)}red:close()${'y'.repeat(500)}`;
    const f: Finding = { ...CLOSE, location: { file: 'min.lua', startLine: 1, startColumn: 501, endLine: 1, endColumn: 512 }, related: [] };
    const out = formatText([f], opts({ lineText: () => long })).split('\n');
    expect(out[2].length).toBeLessThan(200);
    expect(out[2].startsWith('    …')).toBe(true);
    expect(out[2].endsWith('…')).toBe(true);
    expect(out[3].indexOf('^')).toBe(out[2].indexOf('red:close()'));
    expect(out[3].trimEnd().length).toBe(out[2].indexOf('red:close()') + 'red:close()'.length);
  });

  it('shows control characters from the source as control pictures', () => {
    const f: Finding = { ...SYNTAX, location: { ...SYNTAX.location, startColumn: 3, endColumn: 4 } };
    const out = formatText([f], opts({ lineText: () => 'a\x1b[31mb' }));
    expect(out).not.toContain('\x1b');
    expect(out).toContain('    a␛[31mb\n      ^\n');
  });

  it('has no escape characters without color, and ANSI colors with it', () => {
    const plain = formatText([CLOSE, SYNTAX, KEEPALIVE], opts());
    expect(plain).not.toContain('\x1b');
    const colored = formatText([CLOSE, SYNTAX, KEEPALIVE], opts({ color: true }));
    expect(colored).toContain('\x1b[31merror  \x1b[0m');
    expect(colored).toContain('\x1b[33mwarning\x1b[0m');
    expect(colored).toContain('\x1b[36mnote   \x1b[0m');
    expect(colored).toContain('\x1b[1mconf/nginx.conf\x1b[0m');
    expect(colored).toContain('\x1b[90m3:4\x1b[0m');
    // Stripping the escapes gives back the plain output.
    expect(colored.replace(/\x1b\[\d+m/g, '')).toBe(plain);
  });

  it('summarises a clean run', () => {
    expect(formatText([], opts({ filesAnalyzed: 1 }))).toBe(
      '✔ No problems found in 1 file analyzed\nexit 0: nothing at or above --fail-on warning\n',
    );
    expect(formatText([], opts({ filesAnalyzed: 0, failOn: 'none' }))).toBe(
      '✔ No problems found in 0 files analyzed\nexit 0: --fail-on none never fails on findings\n',
    );
  });

  it('says whether the findings fail the run', () => {
    const last = (fs: Finding[], failOn: TextOptions['failOn']) => formatText(fs, opts({ failOn })).trimEnd().split('\n').slice(-2);
    expect(last([KEEPALIVE], 'warning')).toEqual([
      '✖ 1 problem (0 errors, 0 warnings, 1 note) in 3 files analyzed',
      'exit 0: nothing at or above --fail-on warning',
    ]);
    expect(last([KEEPALIVE], 'note')[1]).toBe('exit 1: findings at or above --fail-on note');
    expect(last([CLOSE], 'error')[1]).toBe('exit 0: nothing at or above --fail-on error');
    expect(last([SYNTAX], 'error')[1]).toBe('exit 1: findings at or above --fail-on error');
    expect(last([SYNTAX], 'none')[1]).toBe('exit 0: --fail-on none never fails on findings');
  });

  it('failsRun compares levels against the threshold', () => {
    expect(failsRun([{ level: 'warning' }], 'warning')).toBe(true);
    expect(failsRun([{ level: 'note' }], 'warning')).toBe(false);
    expect(failsRun([{ level: 'error' }], 'none')).toBe(false);
    expect(failsRun([], 'note')).toBe(false);
  });

  it('indents continuation lines of multi-line messages', () => {
    const f: Finding = { ...SYNTAX, message: 'First line.\nSecond line.' };
    const out = formatText([f], opts({ lineText: () => undefined })).split('\n');
    expect(out[1]).toBe('  3:4  error    First line.  syntax-error');
    expect(out[2]).toBe('                Second line.');
  });

  it('prints the lead sentence on the finding line and wraps the rest under it', () => {
    const rest = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const f: Finding = { ...CLOSE, message: `Connection \`red\` is closed here. It was [returned to the pool](1) on another path; ${rest}.` };
    const lines = (width?: number) => formatText([f], opts({ width, lineText: () => undefined })).split('\n').slice(1, -4);
    const at100 = lines();
    expect(at100[0]).toBe('  3:15  warning  Connection `red` is closed here.  pool-mixed-lifecycle');
    const indent = ' '.repeat(17);
    expect(at100.slice(1, -1).every((l) => l.startsWith(indent) && l.length <= 100)).toBe(true);
    expect(at100.slice(1, -1).some((l) => l.length > 90)).toBe(true); // filled up to the width, not just broken
    expect(at100.slice(1, -1).map((l) => l.slice(indent.length)).join(' ')).toBe(
      `It was returned to the pool (lua/app/cache.lua:4:13) on another path; ${rest}.`,
    );
    expect(at100[at100.length - 1]).toBe('      ↳ lua/app/cache.lua:4:13: Returned to the pool here.');
    // The terminal's width when known, never narrower than 40 columns of text.
    const at60 = lines(60);
    expect(at60.slice(1, -1).every((l) => l.length <= 60)).toBe(true);
    expect(at60.length).toBeGreaterThan(at100.length);
    expect(lines(10).slice(1, -1).some((l) => l.length > 40)).toBe(true);
  });
});
