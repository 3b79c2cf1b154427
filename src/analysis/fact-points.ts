// The places a file's facts name: every site's start and end, every function's. What rules can compare of two
// versions of a file is how these compare (src/project/moved-findings.ts); a partial relink checks that facts read
// again are in the same places (src/link/relink.ts).
import type { FileFacts } from './file-facts.ts';
import type { SourceSpan } from '../core/findings.ts';

/** Every offset a file's facts hold: each site's start and end, then each function's, flat. */
export type Offsets = readonly number[];

/** The line and column of each offset, in the same order, flat (two numbers a point). */
export type Points = readonly number[];

export function offsetsOf(facts: FileFacts): Offsets {
  const out = facts.sites.slice();
  for (const fn of facts.functions) out.push(fn.spanStart, fn.spanEnd);
  return out;
}

export function pointsOf(offsets: Offsets, locate: (span: [number, number]) => SourceSpan): Points {
  const out: number[] = [];
  for (let i = 0; i < offsets.length; i += 2) {
    const s = locate([offsets[i], offsets[i + 1]]);
    out.push(s.startLine, s.startColumn, s.endLine, s.endColumn);
  }
  return out;
}
