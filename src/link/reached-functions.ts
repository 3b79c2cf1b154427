// What the reachability walks (reach.ts) and the rules' passes over them see of each function: the calls it makes
// (callees resolved to functions of the project, callbacks and where they run: here, under a C function, or later
// in a timer) and the events they report (cosockets made or connected, blocking and yielding calls). Worked out
// once per function and link, shared by every walk; a partial relink keeps a unit's while nothing they read
// changed (kept-work.ts), and the walks then read no facts of units they only pass through.
import { siteSpan, type LibraryCall } from '../analysis/file-facts.ts';
import { fieldOf, type SymValue } from '../analysis/sym-value.ts';
import type { SourceSpan } from '../core/findings.ts';
import { EMPTY_LIST } from '../core/empty-list.ts';
import { clientProfile } from '../clients/profiles.ts';
import { C_CALLBACKS, NON_YIELDING_METHODS } from '../clients/yield-boundaries.ts';
import { eventIndex } from './event-index.ts';
import type { LinkUnit } from './link-unit.ts';
import type { ValueResolver } from './resolver.ts';
import type { Work, WorkKeeper } from './kept-work.ts';

/** A function of the project: a unit's path and the function's id (0: its main chunk). */
export interface FunctionRef {
  path: string;
  fn: number;
}

/** One call a function makes. */
export interface CallEdge {
  site: number;
  /** ngx.timer.at/every: its callbacks run later, in a timer of their own. */
  deferred: boolean;
  /** `require`: the callee is the module's main chunk. */
  require: boolean;
  /** The project's functions it may call (none when deferred). */
  callees: readonly FunctionRef[];
  /** Functions of this unit passed as callbacks; `toTimer`: the callee only hands it to a timer. */
  callbacks: ReadonlyArray<{ fn: number; toTimer: boolean }>;
  /** A C function that calls one of the callbacks back (table.sort comparator...): that callback and what it is. */
  cCallback?: { fn: number; what: string };
}

/** A function as the walks see it. */
export interface ReachedFunction {
  name: string;
  calls: readonly CallEdge[];
  /** Cosockets made (`new`) or connected, in the order of the events (phase-reach.ts). */
  sockets: ReadonlyArray<{ kind: 'new' | 'connect'; client: string; site: number; holdsSocket: boolean; objSite?: number }>;
  /** Sites of its connects (resolver-reach.ts). */
  connects: readonly number[];
  /** Calls of blocking libraries (loop-reach.ts). */
  blocking: ReadonlyArray<{ name: string; library: string; site: number }>;
  /** Calls that yield, by site (yield-reach.ts). */
  yields: ReadonlyArray<{ call: string; site: number }>;
}

/** One unit's functions as worked out so far in this link, and its sites' places. */
interface UnitReach {
  functions: Map<number, ReachedFunction>;
  spans: Map<number, SourceSpan>;
}

export class ReachedFunctions {
  private readonly byUnit = new Map<string, Work<UnitReach>>();

  constructor(
    private readonly byPath: ReadonlyMap<string, LinkUnit>,
    private readonly resolver: ValueResolver,
    private readonly keeper: WorkKeeper,
  ) {}

  /** Function `fn` of the unit. */
  of(unit: LinkUnit, fn: number): ReachedFunction {
    const work = this.workOf(unit);
    let f = work.result.functions.get(fn);
    if (!f) {
      f = this.keeper.within(work, () => this.functionOf(unit, fn));
      work.result.functions.set(fn, f);
    }
    return f;
  }

  /** Where a site of the unit is. */
  siteSpan(unit: LinkUnit, site: number): SourceSpan {
    const work = this.workOf(unit);
    let span = work.result.spans.get(site);
    if (!span) {
      span = this.keeper.within(work, () => unit.locate(siteSpan(unit.facts, site)));
      work.result.spans.set(site, span);
    }
    return span;
  }

  private workOf(unit: LinkUnit): Work<UnitReach> {
    let work = this.byUnit.get(unit.path);
    if (!work) {
      work = this.keeper.piecewise('reach', unit, () => ({ functions: new Map(), spans: new Map() }));
      this.byUnit.set(unit.path, work);
    }
    return work;
  }

  private functionOf(unit: LinkUnit, fn: number): ReachedFunction {
    const facts = unit.facts;
    // Most functions report nothing: their lists are the one shared empty list.
    const sockets: Array<ReachedFunction['sockets'][number]> = [];
    const connects: number[] = [];
    const blocking: Array<ReachedFunction['blocking'][number]> = [];
    const yields: Array<ReachedFunction['yields'][number]> = [];
    for (const c of facts.libraryCalls ?? []) {
      if (c.fn !== fn) continue;
      if (c.kind === 'blocking') blocking.push({ name: c.name, library: c.library, site: c.site });
      else if (c.kind === 'yield') yields.push({ call: c.name, site: c.site });
    }
    for (const e of eventIndex(facts).eventsOf(fn)) {
      if (e.kind !== 'new' && e.kind !== 'connect' && e.kind !== 'method' && e.kind !== 'release') continue;
      if (e.kind === 'connect') connects.push(e.site);
      const profile = e.target.t === 'obj' ? clientProfile(e.target.client) : undefined;
      if (e.kind === 'new' || e.kind === 'connect') {
        // Whether an unprofiled library's new() or connect() is a cosocket at all is unknown: never claimed.
        const holdsSocket = (e.kind === 'connect' && !profile?.unprofiled) || (e.kind === 'new' && e.target.t === 'obj' && !profile?.holdsNoSocket);
        sockets.push({ kind: e.kind, client: e.target.t === 'obj' ? e.target.client : 'client', site: e.site, holdsSocket, ...(e.target.t === 'obj' ? { objSite: e.target.site } : {}) });
      }
      // A self-releasing request (request_uri) connects and reads before it releases.
      const io = e.kind === 'connect' || e.kind === 'method' || (e.kind === 'release' && e.implicit === true);
      // Whether an unprofiled library's method does I/O is unknown: never claimed.
      if (!io || e.target.t !== 'obj' || !profile || profile.unprofiled || profile.holdsNoSocket) continue;
      if (e.kind === 'method' && (NON_YIELDING_METHODS.has(e.method) || profile.keepaliveMethods.includes(e.method) || profile.closeMethods.includes(e.method))) continue;
      yields.push({ call: `${e.target.client}:${e.method}`, site: e.site });
    }
    yields.sort((a, b) => a.site - b.site);
    const list = <T>(xs: T[]): readonly T[] => (xs.length === 0 ? EMPTY_LIST : xs);
    const calls = this.callsOf(unit, fn);
    return { name: facts.functions[fn]?.name ?? '?', calls: list(calls), sockets: list(sockets), connects: list(connects), blocking: list(blocking), yields: list(yields) };
  }

  private callsOf(unit: LinkUnit, fn: number): CallEdge[] {
    const out: CallEdge[] = [];
    for (const e of eventIndex(unit.facts).eventsOf(fn)) {
      if (e.kind !== 'call') continue;
      const require = e.callee.t === 'require';
      if (e.deferred) {
        out.push({ site: e.site, deferred: true, require, callees: [], callbacks: (e.callbacks ?? []).map((cb) => ({ fn: cb, toTimer: true })) });
        continue;
      }
      const callees = this.calleesOf(unit, e.callee, e.fn);
      const callbacks = (e.callbacks ?? []).map((cb, i) => {
        // A callback the project function it is given hands to a timer runs there, not in this phase.
        const argAt = e.callbackArgs?.[i];
        const toTimer = argAt !== undefined && callees.length > 0 && callees.every((c) => this.fateOf(c, argAt, 0) === 'defer');
        return { fn: cb, toTimer };
      });
      const c = callbacks.length > 0 ? cCallbackAt(unit, e.site) : undefined;
      out.push({ site: e.site, deferred: false, require, callees, callbacks, ...(c ? { cCallback: { fn: c.callback, what: cCallbackWhat(c.callee) } } : {}) });
    }
    return out;
  }

  /** What function `fn` does with the function it receives as parameter `param`: calls it (on some path, so
   *  it runs in the caller's phase), only hands it to ngx.timer.at/every (directly or through project functions
   *  that do), or neither that the facts show (`none`: the caller assumes it is called). A parameter it does not
   *  call but keeps beyond the call (a batch processor's `{ func = func }`, `self.handler = handler`) runs when
   *  its holder calls it, usually from a timer, in no phase the facts can tell: `defer`, so it is not claimed. */
  private fateOf(ref: FunctionRef, param: number, depth: number): 'call' | 'defer' | 'none' {
    const unit = this.byPath.get(ref.path)!;
    const f = unit.facts.functions[ref.fn];
    if (!f || f.invokes?.includes(param)) return 'call';
    const events = eventIndex(unit.facts).eventsOf(ref.fn);
    let deferred = (f.defers?.includes(param) ?? false) || events.some((e) => e.kind === 'escape' && e.target.t === 'param' && e.target.index === param);
    if (depth >= MAX_FATE_DEPTH) return deferred ? 'defer' : 'none';
    for (const e of events) {
      if (e.kind !== 'call' || !e.forwards) continue;
      for (const [at, p] of e.forwards) {
        if (p !== param) continue;
        // Handed to a function outside the project (or one that cannot be resolved): says nothing either way.
        const callees = this.calleesOf(unit, e.callee, e.fn);
        if (callees.length === 0) continue;
        const fates = callees.map((c) => this.fateOf(c, at, depth + 1));
        if (fates.includes('call')) return 'call';
        if (fates.every((x) => x === 'defer')) deferred = true;
      }
    }
    return deferred ? 'defer' : 'none';
  }

  private calleesOf(unit: LinkUnit, callee: SymValue, fn: number): FunctionRef[] {
    if (callee.t === 'require') {
      const file = this.resolver.moduleFile(callee.name);
      return file && this.byPath.has(file) ? [{ path: file, fn: 0 }] : [];
    }
    // `self:helper()` inside `function M:f()`: look the method up on the table it was defined on.
    if (callee.t === 'get' && callee.base.t === 'param' && callee.base.index === 0) {
      const owner = unit.facts.functions[fn]?.ownerTable;
      const field = owner === undefined ? undefined : fieldOf(unit.facts.tables[owner], callee.key);
      if (field?.t === 'fn') return [{ path: unit.path, fn: field.id }];
    }
    return this.resolver.resolve(unit.path, callee, null).flatMap((r) => (r.r === 'fn' && this.byPath.has(r.file) ? [{ path: r.file, fn: r.id }] : []));
  }
}

/** Wrappers followed through (`every` calling `start_timer` calling ngx.timer.every). */
const MAX_FATE_DEPTH = 4;

function cCallbackAt(unit: LinkUnit, site: number): Extract<LibraryCall, { kind: 'c-callback' }> | undefined {
  const calls = unit.facts.libraryCalls;
  if (!calls) return undefined;
  for (const c of calls) if (c.kind === 'c-callback' && c.site === site) return c;
  return undefined;
}

function cCallbackWhat(callee: string): string {
  return C_CALLBACKS.find((c) => c.callee === callee)?.what ?? callee;
}
