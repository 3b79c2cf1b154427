// Reachability from an entry point (an nginx directive's chunk, a gateway plugin method) through calls and
// requires across files: which functions run, reached through which call sites. Shared by the rules that ask
// "what does this phase run" (phase-reach.ts, loop-reach.ts, yield-reach.ts). Optionally it goes on into
// ngx.timer callbacks (they run later, in the same worker's event loop) and tracks C-call boundaries (a function
// a C function calls back, a module main chunk `require` runs), where a yield fails.
import type { SourceSpan } from '../core/findings.ts';
import type { EntryPoint } from '../model/project-model.ts';
import { siteSpan, type LibraryCall } from '../analysis/file-facts.ts';
import { fieldOf, type SymValue } from '../analysis/sym-value.ts';
import { C_CALLBACKS, REQUIRE_BOUNDARY } from '../clients/yield-boundaries.ts';
import type { LinkUnit } from './link-unit.ts';
import { eventIndex } from './event-index.ts';
import type { ValueResolver } from './resolver.ts';

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
export function callPathSpans(path: CallPath | null): SourceSpan[] {
  const out: SourceSpan[] = [];
  for (let p = path; p; p = p.outer) out.push(p.unit.locate(siteSpan(p.unit.facts, p.site)));
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
  resolver: ValueResolver;
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
    for (const e of eventIndex(unit.facts).eventsOf(at.fn)) {
      if (e.kind !== 'call') continue;
      const here: CallPath = { unit, site: e.site, outer: via };
      const hereSpan = () => unit.locate(siteSpan(unit.facts, e.site));
      if (e.deferred) {
        // The timer's callback runs later in a coroutine of its own: no boundary of this call stack.
        if (opts.intoTimers) for (const cb of e.callbacks ?? []) enqueue({ unit, fn: cb, via: here, timer: true });
        continue;
      }
      const callees = calleesOf(unit, e.callee, e.fn, cx);
      const cCallback = opts.boundaries ? cCallbackAt(unit, e.site) : undefined;
      e.callbacks?.forEach((cb, i) => {
        // A callback the project function it is given hands to a timer runs there, not in this phase.
        const argAt = e.callbackArgs?.[i];
        if (argAt !== undefined && callees.length > 0 && callees.every((c) => fateOf(c.unit, c.fn, argAt, cx, 0) === 'defer')) {
          if (opts.intoTimers) enqueue({ unit, fn: cb, via: here, timer: true });
          return;
        }
        const boundary = cCallback?.callback === cb ? { what: cCallbackWhat(cCallback.callee), location: hereSpan() } : at.boundary;
        enqueue({ unit, fn: cb, via: here, timer: at.timer, boundary });
      });
      for (const target of callees) {
        if (e.callee.t === 'require' && opts.preloaded?.has(target.unit.path)) continue;
        const boundary = opts.boundaries && e.callee.t === 'require' ? { what: REQUIRE_BOUNDARY, location: hereSpan() } : at.boundary;
        enqueue({ unit: target.unit, fn: target.fn, via: here, timer: at.timer, boundary });
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

function cCallbackAt(unit: LinkUnit, site: number): Extract<LibraryCall, { kind: 'c-callback' }> | undefined {
  const calls = unit.facts.libraryCalls;
  if (!calls) return undefined;
  for (const c of calls) if (c.kind === 'c-callback' && c.site === site) return c;
  return undefined;
}

function cCallbackWhat(callee: string): string {
  return C_CALLBACKS.find((c) => c.callee === callee)?.what ?? callee;
}

/** Wrappers followed through (`every` calling `start_timer` calling ngx.timer.every). */
const MAX_FATE_DEPTH = 4;

/** What function `fn` does with the function it receives as parameter `param`: calls it (on some path, so
 *  it runs in the caller's phase), only hands it to ngx.timer.at/every (directly or through project functions
 *  that do), or neither that the facts show (`none`: the caller assumes it is called). A parameter it does not
 *  call but keeps beyond the call (a batch processor's `{ func = func }`, `self.handler = handler`) runs when
 *  its holder calls it, usually from a timer, in no phase the facts can tell: `defer`, so it is not claimed. */
function fateOf(unit: LinkUnit, fn: number, param: number, cx: ReachContext, depth: number): 'call' | 'defer' | 'none' {
  const f = unit.facts.functions[fn];
  if (!f || f.invokes?.includes(param)) return 'call';
  const events = eventIndex(unit.facts).eventsOf(fn);
  let deferred = (f.defers?.includes(param) ?? false) || events.some((e) => e.kind === 'escape' && e.target.t === 'param' && e.target.index === param);
  if (depth >= MAX_FATE_DEPTH) return deferred ? 'defer' : 'none';
  for (const e of events) {
    if (e.kind !== 'call' || !e.forwards) continue;
    for (const [at, p] of e.forwards) {
      if (p !== param) continue;
      // Handed to a function outside the project (or one that cannot be resolved): says nothing either way.
      const callees = calleesOf(unit, e.callee, e.fn, cx);
      if (callees.length === 0) continue;
      const fates = callees.map((c) => fateOf(c.unit, c.fn, at, cx, depth + 1));
      if (fates.includes('call')) return 'call';
      if (fates.every((x) => x === 'defer')) deferred = true;
    }
  }
  return deferred ? 'defer' : 'none';
}

function calleesOf(unit: LinkUnit, callee: SymValue, fn: number, cx: ReachContext): Array<{ unit: LinkUnit; fn: number }> {
  const { byPath, resolver } = cx;
  if (callee.t === 'require') {
    const file = resolver.moduleFile(callee.name);
    return file && byPath.get(file) ? [{ unit: byPath.get(file)!, fn: 0 }] : [];
  }
  // `self:helper()` inside `function M:f()`: look the method up on the table it was defined on.
  if (callee.t === 'get' && callee.base.t === 'param' && callee.base.index === 0) {
    const owner = unit.facts.functions[fn]?.ownerTable;
    const field = owner === undefined ? undefined : fieldOf(unit.facts.tables[owner], callee.key);
    if (field?.t === 'fn') return [{ unit, fn: field.id }];
  }
  return resolver
    .resolve(unit.path, callee, null)
    .flatMap((r) => (r.r === 'fn' && byPath.get(r.file) ? [{ unit: byPath.get(r.file)!, fn: r.id }] : []));
}
