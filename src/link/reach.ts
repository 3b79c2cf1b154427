// Reachability from an entry point (an nginx directive's chunk, a gateway plugin method) through calls and
// requires across files: which functions run, reached through which call sites. Shared by the rules that ask
// "what does this phase run" (phase-reach.ts, loop-reach.ts, yield-reach.ts). Optionally it goes on into
// ngx.timer callbacks (they run later, in the same worker's event loop) and tracks C-call boundaries (a function
// a C function calls back, a module main chunk `require` runs), where a yield fails.
import type { SourceSpan } from '../core/findings.ts';
import type { EntryPoint } from '../model/project-model.ts';
import { REQUIRE_BOUNDARY } from '../clients/yield-boundaries.ts';
import type { LinkUnit } from './link-unit.ts';
import type { ReachedFunctions } from './reached-functions.ts';

/** A C function between the entry and the code reached: the `table.sort` call (or `require`) that runs it. */
export interface Boundary {
  /** `a table.sort comparator`, `require` (CCallback.what, REQUIRE_BOUNDARY). */
  what: string;
  location: SourceSpan;
}

/** The call sites from the entry to a reached function, innermost first: located only for what is reported
 *  (callPathSpans), since a walk passes far more calls than it reports. */
export interface CallPath {
  unit: LinkUnit;
  site: number;
  outer: CallPath | null;
}

/** A call path's sites as source locations, outermost first. */
export function callPathSpans(path: CallPath | null, cx: ReachContext): SourceSpan[] {
  const out: SourceSpan[] = [];
  for (let p = path; p; p = p.outer) out.push(cx.functions.siteSpan(p.unit, p.site));
  return out.reverse();
}

/** One function reached from the entry. */
export interface Reached {
  unit: LinkUnit;
  fn: number;
  /** Call sites from the entry chunk to this function (null: the entry's own function). */
  via: CallPath | null;
  /** It runs in an ngx.timer callback started by the code reached (only with `intoTimers`). */
  timer: boolean;
  /** The innermost C boundary it runs under (only with `boundaries`). */
  boundary?: Boundary;
}

export interface ReachOptions {
  /** Follow ngx.timer.at/every callbacks, and callbacks a project function hands to a timer. */
  intoTimers?: boolean;
  /** Track C-call boundaries; a function reached both under one and not is visited both ways. */
  boundaries?: boolean;
  /** Modules whose main chunk already ran before any request (required by init_by_lua*): a request's
   *  `require` of them returns package.loaded without running it, so the walk does not enter it. */
  preloaded?: ReadonlySet<string>;
  /** Functions already walked, shared by the walks of several entries: a function walked before in the same
   *  state (same `tag`, same boundary presence) reaches nothing new. The callers that share it report each
   *  site once, for the first entry that reaches it. */
  seen?: Set<string>;
  /** What else the state of a reached function holds for the caller (`a`: it counts). */
  tag?: (r: Reached) => string;
}

export interface ReachContext {
  byPath: ReadonlyMap<string, LinkUnit>;
  /** Every function reached, as the walks see it (reached-functions.ts). */
  functions: ReachedFunctions;
}

/** Calls `visit` for every function the entry reaches (breadth first, the entry's function first). */
export function walkReach(start: LinkUnit, entry: EntryPoint, cx: ReachContext, opts: ReachOptions, visit: (r: Reached) => void): void {
  const seen = opts.seen ?? new Set<string>();
  // An nginx directive runs the unit's main chunk; a plugin method entry runs that function.
  const first: Reached = { unit: start, fn: entry.fn ?? 0, via: null, timer: false };
  const queue: Reached[] = [];
  const keyOf = (r: Reached) => `${r.unit.path}#${r.fn}${r.boundary ? '|b' : ''}${opts.tag ? `|${opts.tag(r)}` : ''}`;
  const enqueue = (r: Reached) => {
    const k = keyOf(r);
    if (seen.has(k)) return;
    seen.add(k);
    queue.push(r);
  };
  enqueue(first);
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i];
    visit(at);
    const { unit, via } = at;
    for (const e of cx.functions.of(unit, at.fn).calls) {
      const here: CallPath = { unit, site: e.site, outer: via };
      const hereSpan = () => cx.functions.siteSpan(unit, e.site);
      if (e.deferred) {
        // The timer's callback runs later in a coroutine of its own: no boundary of this call stack.
        if (opts.intoTimers) for (const cb of e.callbacks) enqueue({ unit, fn: cb.fn, via: here, timer: true });
        continue;
      }
      for (const cb of e.callbacks) {
        // A callback the project function it is given hands to a timer runs there, not in this phase.
        if (cb.toTimer) {
          if (opts.intoTimers) enqueue({ unit, fn: cb.fn, via: here, timer: true });
          continue;
        }
        const boundary = opts.boundaries && e.cCallback?.fn === cb.fn ? { what: e.cCallback.what, location: hereSpan() } : at.boundary;
        enqueue({ unit, fn: cb.fn, via: here, timer: at.timer, boundary });
      }
      for (const target of e.callees) {
        if (e.require && opts.preloaded?.has(target.path)) continue;
        const boundary = opts.boundaries && e.require ? { what: REQUIRE_BOUNDARY, location: hereSpan() } : at.boundary;
        enqueue({ unit: cx.byPath.get(target.path)!, fn: target.fn, via: here, timer: at.timer, boundary });
      }
    }
  }
}

/** Modules the init_by_lua* code requires (directly or through other modules): loaded at startup, so a
 *  request's `require` of them returns the cached value without running their main chunk. */
export function preloadedModules(units: readonly LinkUnit[], cx: ReachContext): Set<string> {
  const out = new Set<string>();
  for (const unit of units) {
    for (const entry of unit.entries) {
      if (entry.phase !== 'init') continue;
      walkReach(unit, entry, cx, {}, ({ unit: u, fn }) => {
        if (fn === 0 && u !== unit) out.add(u.path);
      });
    }
  }
  return out;
}
