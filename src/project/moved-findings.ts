// Early cutoff: an edit that leaves a file's facts as they were but for where things are (a comment added above,
// a function moved down, lines indented again) leaves the model as it was but for where its spans are in that
// file. The last run's findings then stand, moved to the new places, and the run neither loads facts nor links.
//
// That holds only if what the rules do with positions comes out the same, so a move is taken only when it keeps
// everything they can compare: every point the facts make (each site's and function's start and end) goes to
// one new point and no two to the same one, their order is kept, and two points share a line after the move if
// and only if they did before. A finding's span must start and end at such points; one made any other way (a
// keyword's width added to a start) cannot be moved with certainty, and the run links as usual.
import type { FileFacts } from '../analysis/file-facts.ts';
import type { SourceSpan } from '../core/findings.ts';
import type { Draft } from './nginx-units.ts';

/** Where a file's facts point: the line and column of each site's start and end, then each function's, in the
 *  facts' order, flat (four numbers a span). */
export type Points = number[];

export function pointsOf(facts: FileFacts, locate: (span: [number, number]) => SourceSpan): Points {
  const out: Points = [];
  const add = (start: number, end: number) => {
    const s = locate([start, end]);
    out.push(s.startLine, s.startColumn, s.endLine, s.endColumn);
  };
  for (let i = 0; i < facts.sites.length; i += 2) add(facts.sites[i], facts.sites[i + 1]);
  for (const fn of facts.functions) add(fn.spanStart, fn.spanEnd);
  return out;
}

/** Where each point of `before` went in `now` (by `line:column`), or undefined when the move does not keep what
 *  the rules compare. */
export function pointMove(before: Points, now: Points): Map<string, [number, number]> | undefined {
  if (before.length !== now.length) return undefined;
  const to = new Map<string, [number, number]>();
  const from = new Map<string, string>();
  for (let i = 0; i < before.length; i += 2) {
    const a = `${before[i]}:${before[i + 1]}`;
    const b = `${now[i]}:${now[i + 1]}`;
    const seen = to.get(a);
    if (seen ? `${seen[0]}:${seen[1]}` !== b : from.has(b)) return undefined;
    to.set(a, [now[i], now[i + 1]]);
    from.set(b, a);
  }
  const old = [...to.keys()].map((k) => k.split(':').map(Number) as [number, number]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (let i = 1; i < old.length; i++) {
    const [p, q] = [to.get(`${old[i - 1][0]}:${old[i - 1][1]}`)!, to.get(`${old[i][0]}:${old[i][1]}`)!];
    const ordered = p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]);
    if (!ordered || (old[i - 1][0] === old[i][0]) !== (p[0] === q[0])) return undefined;
  }
  return to;
}

/** `drafts` with every span in a moved file taken to its new place, or undefined if one cannot be. */
export function movedDrafts(drafts: readonly Draft[], moves: ReadonlyMap<string, Map<string, [number, number]>>): Draft[] | undefined {
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

/** The files a draft points into. */
export function draftFiles(drafts: readonly Draft[]): Set<string> {
  const files = new Set<string>();
  for (const d of drafts) {
    files.add(d.location.file);
    for (const r of d.related) files.add(r.file);
    if (d.fix) files.add(d.fix.call.file);
  }
  return files;
}
