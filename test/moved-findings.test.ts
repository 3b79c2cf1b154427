// What a move of a file's points may be for findings to follow it (src/project/moved-findings.ts): only one that
// keeps every comparison a rule can make between them.
import { describe, expect, it } from 'vitest';
import { positionFree } from '../src/project/facts-cache.ts';
import { moveBase, movedDrafts, placesNow, spansByFile } from '../src/project/moved-findings.ts';
import type { Draft } from '../src/project/nginx-units.ts';

// Two spans a file's facts make: a call on line 3 (columns 5 to 20) and its function, lines 2 to 4.
const BEFORE = [3, 5, 3, 20, 2, 1, 4, 4];

const draft = (startLine: number, startColumn: number, endLine: number, endColumn: number): Draft => ({
  ruleId: 'connection-not-released',
  level: 'warning',
  message: 'm',
  location: { file: 'a.lua', startLine, startColumn, endLine, endColumn },
  related: [{ file: 'a.lua', startLine: 2, startColumn: 1, endLine: 4, endColumn: 4, message: 'r', id: 1 }],
});

/** The drafts moved from BEFORE to `now`, or undefined. */
const move = (drafts: Draft[], now: number[]) => {
  const places = placesNow(moveBase(BEFORE, spansByFile(drafts).get('a.lua')!), now);
  return places && movedDrafts(drafts, new Map([['a.lua', places]]));
};

describe('moving findings', () => {
  it('follows lines moved down and indented', () => {
    expect(move([draft(3, 5, 3, 20)], [5, 7, 5, 22, 4, 3, 6, 6])).toEqual([
      { ...draft(5, 7, 5, 22), related: [{ file: 'a.lua', startLine: 4, startColumn: 3, endLine: 6, endColumn: 6, message: 'r', id: 1 }] },
    ]);
  });

  it('refuses a move that swaps two places, joins two, splits one, or moves a line apart', () => {
    const d = [draft(3, 5, 3, 20)];
    expect(move(d, [3, 20, 3, 5, 2, 1, 4, 4])).toBeUndefined(); // order
    expect(move(d, [3, 5, 3, 5, 2, 1, 4, 4])).toBeUndefined(); // two places become one
    expect(placesNow(moveBase([3, 5, 3, 5, 2, 1, 4, 4], spansByFile(d).get('a.lua')!), BEFORE)).toBeUndefined(); // one place becomes two
    expect(move(d, [3, 5, 4, 2, 2, 1, 5, 4])).toBeUndefined(); // the call's ends no longer share a line
    expect(move(d, [3, 5, 3, 20, 3, 1, 4, 4])).toBeUndefined(); // the function's start joins the call's line
    expect(move(d, BEFORE.slice(4))).toBeUndefined(); // a span less
  });

  it('does not move a span that does not start and end at points of the facts', () => {
    // A keyword's span (a start with a width added): where its end goes is not known.
    expect(move([draft(2, 1, 2, 9)], [5, 7, 5, 22, 4, 3, 6, 6])).toBeUndefined();
  });
});

describe('facts without their offsets', () => {
  const payload = (start: number, sites: string, text: string) =>
    JSON.stringify({ facts: { functions: [{ id: 0, spanStart: start, spanEnd: start + 40, returns: [[{ t: 'const', v: text }]] }], tables: [{ spanStart: { t: 'unknown' } }], sites: JSON.parse(sites) } });

  it('are the same when only the offsets differ', () => {
    expect(positionFree(payload(3, '[5,9,12,20]', 'x'))).toBe(positionFree(payload(103, '[105,109,112,120]', 'x')));
  });

  it('keep a string that reads like an offset, and a field of that name', () => {
    expect(positionFree(payload(3, '[5,9]', '"sites":[1]'))).not.toBe(positionFree(payload(3, '[5,9]', '"sites":[2]')));
    expect(positionFree(payload(3, '[5,9]', '"spanStart":1'))).not.toBe(positionFree(payload(3, '[5,9]', '"spanStart":2')));
    expect(positionFree(payload(3, '[5,9]', 'x'))).toContain('"tables":[{"spanStart":{"t":"unknown"}}]');
  });
});
