// Work a link does for one unit that a partial relink (relink.ts) can take from the last link when nothing it read
// changed: a unit's part of the callers index, its ngx.ctx getters and releases, each of its functions the walks
// reach (reached-functions.ts). A plain link does the work every time (PLAIN_WORK).
import type { LinkUnit } from './link-unit.ts';

/** One unit's piece of work: its result and what computing it read. */
export interface Work<T> {
  result: T;
  /** Files whose facts computing it read, module names it resolved (answer-ledger.ts moduleRead) and entries of the
   *  project-wide indexes it looked up (indexRead). */
  reads: Set<string>;
}

/** The project-wide indexes a unit's work can read: callers of a function, what fills each ngx.ctx slot. */
export type ProjectIndex = 'callers' | 'ctx';

/** What looking `key` up in a project-wide index reads, among the files a unit's work reads (no path starts with a
 *  NUL). */
export function indexRead(index: ProjectIndex, key: string): string {
  return `\0${index} ${key}`;
}

export interface WorkKeeper {
  /** The result of `compute` for `unit`, or the last link's when nothing it read changed. */
  once<T>(kind: string, unit: LinkUnit, compute: () => T): T;
  /** A unit's part of a project-wide index, as [key, entry] (every unit's is asked for before any unit is linked):
   *  as `once`. */
  indexPart<T>(index: ProjectIndex, unit: LinkUnit, compute: () => Array<[string, T]>): Array<[string, T]>;
  /** A result built up piece by piece during the link (`within`), or the last link's when nothing it read changed. */
  piecewise<T>(kind: string, unit: LinkUnit, fresh: () => T): Work<T>;
  /** Runs `compute` as part of `work`: what it reads counts as read by the work. */
  within<R>(work: Work<unknown>, compute: () => R): R;
  /** The work being done looked `key` up in a project-wide index. */
  indexUse(index: ProjectIndex, key: string): void;
}

/** A link that keeps nothing for the next. */
export const PLAIN_WORK: WorkKeeper = {
  once: (_kind, _unit, compute) => compute(),
  indexPart: (_index, _unit, compute) => compute(),
  piecewise: (_kind, _unit, fresh) => ({ result: fresh(), reads: new Set() }),
  within: (_work, compute) => compute(),
  indexUse: () => {},
};
