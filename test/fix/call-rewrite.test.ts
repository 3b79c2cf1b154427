// Issue 17: a rule states a fix as a call to rewrite; src/fix/ checks it against the text and makes one edit.
import { describe, expect, it } from 'vitest';
import type { CallRewrite } from '../../src/core/findings.ts';
import { applyEdits } from '../../src/fix/apply-edits.ts';
import { rewriteCall } from '../../src/fix/call-rewrite.ts';

/** The rewrite of the call that spans the whole of `code` (one or more lines), applied to it. */
function rewrite(code: string, r: Omit<CallRewrite, 'call' | 'description'>): string | undefined {
  const lines = code.split('\n');
  const call = { file: 'a.lua', startLine: 1, startColumn: 1, endLine: lines.length, endColumn: lines[lines.length - 1].length + 1 };
  const fix = rewriteCall({ ...r, call, description: 'd' }, (l) => lines[l - 1] ?? '');
  return fix && applyEdits(code, fix.edits).text;
}

const toKeepalive = { method: 'close', newMethod: 'set_keepalive', args: ['60000', '50'] };
const bounded = { method: 'set_keepalive', args: ['10000', null] };

describe('call rewrites', () => {
  it('turns close() into the keepalive call, receiver kept', () => {
    expect(rewrite('red:close()', toKeepalive)).toBe('red:set_keepalive(60000, 50)');
    expect(rewrite('self.conn.red : close ( )', toKeepalive)).toBe('self.conn.red : set_keepalive(60000, 50)');
    expect(rewrite('get(a, "x:close()"):close()', toKeepalive)).toBe('get(a, "x:close()"):set_keepalive(60000, 50)');
  });

  it('replaces the idle time and keeps the other arguments as written', () => {
    expect(rewrite('red:set_keepalive(0, 100)', bounded)).toBe('red:set_keepalive(10000, 100)');
    expect(rewrite('red:set_keepalive(0, pool_size(conf, "x,y"))', bounded)).toBe('red:set_keepalive(10000, pool_size(conf, "x,y"))');
    expect(rewrite('red:set_keepalive(0)', bounded)).toBe('red:set_keepalive(10000)');
    expect(rewrite('red:set_keepalive(\n  0,\n  100\n)', bounded)).toBe('red:set_keepalive(10000, 100)');
  });

  it('offers nothing where the text is not the call the rule named', () => {
    expect(rewrite('red:shutdown()', toKeepalive)).toBeUndefined();
    expect(rewrite('close(red)', toKeepalive)).toBeUndefined();
    expect(rewrite('red:set_keepalive(0, -- idle\n 100)', bounded)).toBeUndefined();
    expect(rewrite('red:set_keepalive(0, [[a,b]])', bounded)).toBeUndefined();
    expect(rewrite('red:close()', { ...toKeepalive, method: 'a.b' })).toBeUndefined();
  });
});

describe('applying edits', () => {
  const at = (startLine: number, startColumn: number, endLine: number, endColumn: number, text: string) => ({ location: { file: 'a', startLine, startColumn, endLine, endColumn }, text });

  it('counts lines as SourceText does (CRLF, CR, LF) and columns after a BOM', () => {
    expect(applyEdits('a\r\nbc\rde\nf', [at(2, 2, 2, 3, 'X'), at(3, 1, 3, 2, 'Y')]).text).toBe('a\r\nbX\rYe\nf');
    expect(applyEdits('\ufeffabc', [at(1, 1, 1, 2, 'Z')]).text).toBe('\ufeffZbc');
  });

  it('skips an edit that overlaps one already made (they are made from the end of the text)', () => {
    const r = applyEdits('abcdef', [at(1, 2, 1, 4, 'X'), at(1, 3, 1, 5, 'Y')]);
    expect(r).toEqual({ text: 'abYef', applied: 1, skipped: 1 });
  });
});
