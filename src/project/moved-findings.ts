// Early cutoff: an edit that leaves a file's facts as they were but for where things are (a comment added above,
// a function moved down, lines indented again) leaves the model as it was but for where its spans are in that
// file. The last run's findings then stand, moved to the new places, and the run neither loads facts nor links.
//
// That holds only if what the rules do with positions comes out the same, so a move is taken only when it keeps
// everything they can compare between the points the facts make (each site's and function's start and end):
// their order, which of them coincide, and which share a line. The points' signature says exactly that, so a run
// keeps only the signature of each file its findings point into, and the index of each point a finding's span
// starts or ends at. A span that starts or ends elsewhere (a keyword's width added to a start) cannot be moved
// with certainty: the run links as usual.
import { createHash } from 'node:crypto';
import type { Points } from '../analysis/fact-points.ts';
import type { SourceSpan } from '../core/findings.ts';
import type { Draft } from './nginx-units.ts';

/** What a later run needs to move the findings in one file. */
export interface MoveBase {
  /** signatureOf the file's points. */
  signature: string;
  /** The point each span end of a finding is at, by `line:column`: its index. */
  at: Record<string, number>;
}

/** The points' order (ties by index), and between each point and the next in that order whether they coincide,
 *  share a line, or not: two lists of points with the same signature compare the same way, point by point. */
export function signatureOf(points: Points): string {
  const n = points.length / 2;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => points[2 * a] - points[2 * b] || points[2 * a + 1] - points[2 * b + 1] || a - b);
  const parts: string[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const p = order[k - 1];
    const step = k === 0 ? '' : points[2 * i] !== points[2 * p] ? '/' : points[2 * i + 1] !== points[2 * p + 1] ? ',' : '=';
    parts.push(`${step}${i}`);
  }
  return createHash('sha256').update(parts.join('')).digest('hex');
}

/** The base for moving later `spans` (of findings, in one file), where the file's facts' points are `points`. */
export function moveBase(points: Points, spans: readonly SourceSpan[]): MoveBase {
  const index = new Map<string, number>();
  for (let i = points.length / 2 - 1; i >= 0; i--) index.set(`${points[2 * i]}:${points[2 * i + 1]}`, i);
  const at: Record<string, number> = {};
  const note = (key: string) => {
    const i = index.get(key);
    if (i !== undefined) at[key] = i;
  };
  for (const span of spans) {
    note(`${span.startLine}:${span.startColumn}`);
    note(`${span.endLine}:${span.endColumn}`);
  }
  return { signature: signatureOf(points), at };
}

/** Where each noted place of `base` is now, given the file's points now (`line:column` to the new place); undefined
 *  when the points no longer compare the same way. */
export function placesNow(base: MoveBase, points: Points): Map<string, [number, number]> | undefined {
  if (signatureOf(points) !== base.signature || Object.values(base.at).some((i) => i >= points.length / 2)) return undefined;
  return new Map(Object.entries(base.at).map(([key, i]) => [key, [points[2 * i], points[2 * i + 1]]]));
}

/** The same base after the move (its places under their new `line:column`). */
export function movedBase(base: MoveBase, places: ReadonlyMap<string, [number, number]>): MoveBase {
  const at: Record<string, number> = {};
  for (const [key, i] of Object.entries(base.at)) at[places.get(key)!.join(':')] = i;
  return { signature: base.signature, at };
}

/** `drafts` with every span in a moved file taken to its new place, or undefined if one cannot be. */
export function movedDrafts(drafts: readonly Draft[], moves: ReadonlyMap<string, ReadonlyMap<string, [number, number]>>): Draft[] | undefined {
  let lost = false;
  const move = <S extends SourceSpan>(span: S): S => {
    const to = moves.get(span.file);
    if (!to) return span;
    const start = to.get(`${span.startLine}:${span.startColumn}`);
    const end = to.get(`${span.endLine}:${span.endColumn}`);
    if (!start || !end) {
      lost = true;
      return span;
    }
    return { ...span, startLine: start[0], startColumn: start[1], endLine: end[0], endColumn: end[1] };
  };
  const out = drafts.map((d) => ({
    ...d,
    location: move(d.location),
    related: d.related.map(move),
    ...(d.fix ? { fix: { ...d.fix, call: move(d.fix.call) } } : {}),
  }));
  return lost ? undefined : out;
}

/** The spans of `drafts` by the file they are in. */
export function spansByFile(drafts: readonly Draft[]): Map<string, SourceSpan[]> {
  const out = new Map<string, SourceSpan[]>();
  const add = (span: SourceSpan) => {
    const list = out.get(span.file);
    if (list) list.push(span);
    else out.set(span.file, [span]);
  };
  for (const d of drafts) {
    add(d.location);
    d.related.forEach(add);
    if (d.fix) add(d.fix.call);
  }
  return out;
}
