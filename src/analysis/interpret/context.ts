// What interpreting one file carries around: the facts being built (FileState), the function being
// interpreted (FnCtx), variable scopes, and the bookkeeping every part shares: sites, events, bindings,
// tables and the tracked values of a path.
import type * as L from 'luaparse';
import type { FileFacts, FunctionFacts, LifecycleEvent, PathEnd, Span } from '../file-facts.ts';
import { UNKNOWN, isTrackable, optionsOf, tableValue, valueKey, type SymValue } from '../sym-value.ts';
import { NO_SESSION, type Flow, type ObjState, type Status } from './flow.ts';
import { EMPTY_LIST } from '../../core/empty-list.ts';

/** Deeper statements and expressions are not followed: keeps the recursion bounded on pathological input. */
export const MAX_DEPTH = 180;

interface Binding {
  id: number;
  fn: number;
  assigns: number;
  last: SymValue;
}

export class Scope {
  /** Made by the first declaration: most blocks (branches, loop bodies) declare nothing. */
  private vars: Map<string, Binding> | undefined;
  constructor(readonly parent: Scope | null) {}
  lookup(name: string): Binding | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const b = s.vars?.get(name);
      if (b) return b;
    }
    return undefined;
  }
  set(name: string, b: Binding): void {
    (this.vars ??= new Map()).set(name, b);
  }
}

/** A function body waiting to be interpreted, once its definer has been (see chunk.ts). */
export interface Pending {
  node: L.FunctionDeclaration;
  id: number;
  scope: Scope;
  hasSelf: boolean;
}

export interface FileState {
  facts: FileFacts;
  nextBinding: number;
  pending: Pending[];
  /** Tracked values each closure captures as upvalues, by function id. */
  captures: Map<number, SymValue[]>;
  /** The function that allocated each table of this file, by table id. */
  tableOwner: number[];
  /** Nesting of the statements and expressions being interpreted (see MAX_DEPTH). */
  depth: number;
  /** Whether an `if` condition is being evaluated: only then are call values kept (conditionCalls). */
  inCondition: boolean;
  /** The first value of each call expression of the `if` condition just evaluated, by its node: guards read
   *  `if not red:connect(...)` through it (a condition is evaluated once, before its guards are read). */
  conditionCalls: Map<object, SymValue> | undefined;
  /** The table `module(...)` made the main chunk's environment: its later globals are fields of it. */
  moduleTable?: number;
  /** Values the main chunk returns that can be what a module hands out (see statements.ts ReturnStatement). */
  moduleReturns: SymValue[];
  /** Functions of this file that end the request on every path (FunctionFacts.ends), by the offset where
   *  they start: kept from one pass over the file to the next (see chunk.ts). */
  ends: Map<number, 'exit' | 'error'>;
  /** Functions of this file called before their body was summarized (by start offset). */
  calledEarly: Set<number>;
  /** The value of each global name read (values are never changed in place, so one object serves all). */
  globalValues: Map<string, SymValue>;
  /** Every name declared so far in the file, in any scope: a name not in it is a global, with no scope walk
   *  (ngx, string, pairs... are read everywhere and declared nowhere). */
  declared: Set<string>;
}

export interface LoopCtx {
  exits: Flow[];
}

export interface FnCtx {
  file: FileState;
  id: number;
  loops: LoopCtx[];
  /** Paths waiting at a `goto` for their (forward) label. */
  gotos: Map<string, Flow[]>;
  /** Clients created by this function (not reached through upvalues), by value key: with `ownedCalls`, what
   *  it can leave unreleased. */
  owned: Set<string>;
  /** Sites of the calls this function makes: their first results are its own (no key made per call). */
  ownedCalls: Set<number>;
  /** How many branches and loop bodies enclose the statement being interpreted. */
  branchDepth: number;
  /** How its paths ended so far: returning to the caller (or falling off its end), or ending the request. */
  ended: { normal: boolean; exit: boolean; error: boolean };
}

export function newFileState(ends: Map<number, 'exit' | 'error'> = new Map()): FileState {
  const facts: FileFacts = { returnsValue: false, exports: UNKNOWN, requires: [], functions: [], tables: [], sites: [], events: [] };
  return { facts, nextBinding: 0, pending: [], captures: new Map(), tableOwner: [], depth: 0, inCondition: false, conditionCalls: undefined, ends, calledEarly: new Set(), moduleReturns: [], globalValues: new Map(), declared: new Set() };
}

export function newFnCtx(file: FileState, id: number): FnCtx {
  return { file, id, loops: [], gotos: new Map(), owned: new Set(), ownedCalls: new Set(), branchDepth: 0, ended: { normal: false, exit: false, error: false } };
}

// ---------- bookkeeping ----------

/** The returns of a function that has none yet: shared, never written to (a return makes a new array). */
const NO_RETURNS = EMPTY_LIST as unknown as SymValue[][];

export function newFunction(file: FileState, name: string, parent: number, paramCount: number, sp: Span): FunctionFacts {
  const f: FunctionFacts = { id: file.facts.functions.length, name, parent, paramCount, spanStart: sp[0], spanEnd: sp[1], returns: NO_RETURNS };
  file.facts.functions.push(f);
  return f;
}

export function newSite(file: FileState, sp: Span): number {
  file.facts.sites.push(sp[0], sp[1]);
  return file.facts.sites.length / 2 - 1;
}

/** A site, or the promise of one: most escapes and path ends record no event, and three sites in four would
 *  be read by nothing (Kong), so the site is made when the first event needs it, once. Nothing else makes a
 *  site in between, so sites keep the order of the code. */
export type SiteRef = number | (() => number);

export function lazySite(file: FileState, sp: () => Span): () => number {
  let id: number | undefined;
  return () => (id ??= newSite(file, sp()));
}

function siteOf(site: SiteRef): number {
  return typeof site === 'number' ? site : site();
}

export function event(ctx: FnCtx, e: LifecycleEvent): void {
  ctx.file.facts.events.push(e);
}

export function declare(ctx: FnCtx, scope: Scope, name: string, value: SymValue, flow: Flow): Binding {
  // `local red` (nil until a function sets it) is no value yet: upvalue reads see the one that function sets.
  const b: Binding = { id: ctx.file.nextBinding++, fn: ctx.id, assigns: isNil(value) ? 0 : 1, last: value };
  scope.set(name, b);
  ctx.file.declared.add(name);
  flow.vals.set(b.id, value);
  return b;
}

export function assign(b: Binding, value: SymValue, flow: Flow, ctx: FnCtx): void {
  // Clearing it (`red = nil` after close) gives upvalue readers no other value to see.
  if (!isNil(value)) {
    b.assigns++;
    b.last = value;
  }
  if (b.fn === ctx.id) flow.vals.set(b.id, value);
}

function isNil(v: SymValue): boolean {
  return v.t === 'const' && v.v === null;
}

export function read(name: string, flow: Flow, ctx: FnCtx, scope: Scope): SymValue {
  const b = ctx.file.declared.has(name) ? scope.lookup(name) : undefined;
  if (!b) {
    // One value per global name and file: the most read values of all (ngx, string, table...).
    let g = ctx.file.globalValues.get(name);
    if (!g) ctx.file.globalValues.set(name, (g = { t: 'global', name }));
    return g;
  }
  if (b.fn === ctx.id) return flow.vals.get(b.id) ?? b.last;
  // An upvalue: trust it only when it was assigned once (module-level constants, requires).
  return b.assigns <= 1 ? b.last : UNKNOWN;
}

export function newTable(ctx: FnCtx): Extract<SymValue, { t: 'table' }> {
  ctx.file.facts.tables.push({});
  ctx.file.tableOwner.push(ctx.id);
  return tableValue(ctx.file.facts.tables.length - 1);
}

/** What paramUses returns for the calls that hand on no parameter (nearly all): never written to. */
const NO_FORWARDS: ReadonlyArray<[number, number]> = [];

/** A call the link may follow into project functions; timer callbacks run later, in their own context.
 *  `forwards`: parameters of the calling function handed on as arguments (see paramUses). */
export function callEvent(callee: SymValue, calleeName: string | null, args: SymValue[], site: number, ctx: FnCtx, forwards: ReadonlyArray<[number, number]> = NO_FORWARDS): void {
  // No arrays for the calls that pass no function (nearly all of them).
  let callbacks: number[] | undefined;
  let callbackArgs: number[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.t !== 'fn') continue;
    (callbacks ??= []).push(a.id);
    (callbackArgs ??= []).push(i);
  }
  const deferred = isTimer(calleeName);
  // Globals (ngx.say, string.format, ...) are not project functions, and a callee rooted in another call's
  // result is not worth following for phases: most calls are one of these, and facts stay small.
  if ((calleeName !== null || !followableCallee(callee)) && !callbacks) return;
  // One literal per shape, its fields in the object itself: a field added afterwards goes to a separate
  // property array (callbacks: 11.7k of Kong's 50k call events). Arrays are kept as copies: one grown by push
  // holds room for 17 elements (190 bytes for one callback; 4.4 MB of Kong's facts were such arrays).
  // Where the callee puts a callback decides whether it runs now or in a timer: not asked of a timer call.
  const fn = ctx.id;
  const fwd = !deferred && forwards.length > 0 ? forwards.slice() : undefined;
  let e: LifecycleEvent;
  if (deferred) e = callbacks ? { kind: 'call', fn, site, callee, callbacks: callbacks.slice(), deferred } : { kind: 'call', fn, site, callee, deferred };
  else if (callbacks) e = fwd ? { kind: 'call', fn, site, callee, callbacks: callbacks.slice(), callbackArgs: callbackArgs!.slice(), forwards: fwd } : { kind: 'call', fn, site, callee, callbacks: callbacks.slice(), callbackArgs: callbackArgs!.slice() };
  else e = fwd ? { kind: 'call', fn, site, callee, forwards: fwd } : { kind: 'call', fn, site, callee };
  event(ctx, e);
}

/** What a call does with parameters of the functions being interpreted (an argument or callee that is a
 *  variable bound to a parameter): calling one (`f()`, `pcall(f)`) is recorded as `invokes` of the function it
 *  belongs to (also from a closure: it may run now); handing one of this function's own to ngx.timer.at/every
 *  as `defers`. Any other call gets the returned `[argument position, parameter index]` pairs, for the link. */
export function paramUses(
  calleeNode: L.Expression,
  callee: SymValue,
  calleeName: string | null,
  argNodes: readonly L.Expression[],
  args: readonly SymValue[],
  ctx: FnCtx,
  scope: Scope,
): ReadonlyArray<[number, number]> {
  const called = paramOwner(calleeNode, callee, scope);
  if (called !== undefined && callee.t === 'param') addParam(ctx.file.facts.functions[called], 'invokes', callee.index);
  let forwards: Array<[number, number]> | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.t !== 'param') continue;
    const owner = paramOwner(argNodes[i], a, scope);
    if (owner === undefined) continue;
    if (calleeName === 'pcall' || calleeName === 'xpcall') {
      if (i === 0) addParam(ctx.file.facts.functions[owner], 'invokes', a.index);
    } else if (isTimer(calleeName)) {
      // The delay is argument 0; the callback and its arguments run in the timer.
      if (i >= 1 && owner === ctx.id) addParam(ctx.file.facts.functions[owner], 'defers', a.index);
    } else if (owner === ctx.id) (forwards ??= []).push([i, a.index]);
  }
  return forwards ?? NO_FORWARDS;
}

function isTimer(calleeName: string | null): boolean {
  return calleeName === 'ngx.timer.at' || calleeName === 'ngx.timer.every';
}

/** The function whose parameter a variable holds (the function that declared the variable). */
function paramOwner(node: L.Expression | undefined, v: SymValue | undefined, scope: Scope): number | undefined {
  if (!node || v?.t !== 'param' || node.type !== 'Identifier') return undefined;
  return scope.lookup(node.name)?.fn;
}

function addParam(f: FunctionFacts | undefined, field: 'defers' | 'invokes', index: number): void {
  if (!f) return;
  const list = (f[field] ??= []);
  if (!list.includes(index)) list.push(index);
}

// ---------- tracked values ----------

export function track(flow: Flow, v: SymValue, initial: Status): ObjState {
  const k = valueKey(v);
  let o = flow.objs.get(k);
  if (!o) {
    o = { value: v, status: new Set([initial]), passSites: [], used: false, connectSites: [], releaseSites: [], session: NO_SESSION, unreadBody: false, endsAt: [] };
    flow.objs.set(k, o);
  }
  return o;
}

export function setStatus(flow: Flow, v: SymValue, s: Status): void {
  const o = track(flow, v, s);
  o.status = new Set([s]);
  if (s !== 'passed') o.passSites = [];
}

/** `v` is kept where this function cannot follow it; with `ctx`, a kept parameter is recorded. */
export function escape(flow: Flow, v: SymValue, ctx?: FnCtx, site?: SiteRef, returned = false): void {
  for (const o of optionsOf(v)) {
    if (!isTrackable(o)) continue;
    setStatus(flow, o, 'escaped');
    // Returned: the caller holds it and the link follows it there.
    if (returned && o.t === 'obj') continue;
    // A parameter kept beyond the call: callers cannot tell what happens to it. A client this function
    // created, kept beyond the call (stored, captured by a closure): whoever gets it from this function
    // cannot tell either (a hook closure may release it later).
    if ((o.t === 'param' || o.t === 'obj') && ctx && site !== undefined) event(ctx, { kind: 'escape', fn: ctx.id, site: siteOf(site), target: o });
  }
}

/** `v` (or a table it is, one level deep) leaves the function: its tracked values escape. */
export function escapeDeep(flow: Flow, v: SymValue, ctx: FnCtx, site: SiteRef, returned = false): void {
  // Called for every table field, assignment and return: no closures or option arrays (it was 2 % of a run's
  // allocation on Kong), and no value keys while the path tracks nothing.
  escapeDirect(flow, v, ctx, site, returned);
  if (v.t === 'table') escapeFields(flow, v.id, ctx, site, returned);
  else if (v.t === 'phi') for (const o of v.options) if (o.t === 'table') escapeFields(flow, o.id, ctx, site, returned);
}

function escapeFields(flow: Flow, table: number, ctx: FnCtx, site: SiteRef, returned: boolean): void {
  const fields = ctx.file.facts.tables[table];
  for (const k in fields) escapeDirect(flow, fields[k], ctx, site, returned);
}

function escapeDirect(flow: Flow, x: SymValue, ctx: FnCtx, site: SiteRef, returned: boolean): void {
  if (x.t === 'phi') {
    for (const o of x.options) if (o.t === 'param' || flow.tracks(o)) escape(flow, o, ctx, site, returned);
  } else if (x.t === 'param' || flow.tracks(x)) escape(flow, x, ctx, site, returned);
}

/** A path of the current function ends: every connected, unreturned value owned by it is unreleased.
 *  With `ifEnds`, the path ends only if that callee always ends the request, which the link decides. */
export function pathEnd(flow: Flow, ctx: FnCtx, end: PathEnd, siteRef: SiteRef, ifEnds?: SymValue): void {
  // On another value's error branch, the path ends because that operation failed.
  const failed = flow.errorFor.size > 0 ? flow.errorFor.values().next().value : undefined;
  for (const [k, o] of flow.objs) {
    // Parameters, fields and upvalues belong to the caller or the enclosing function.
    if (!ctx.owned.has(k) && !(o.value.t === 'call' && o.value.index === 0 && ctx.ownedCalls.has(o.value.site))) continue;
    if (flow.errorFor.has(k)) continue;
    const connected = o.status.has('connected');
    const live = o.status.has('live');
    const passed = o.status.has('passed');
    if (!connected && !live && !passed) continue;
    // Escaped on some path reaching here: whoever holds it may release it (precision over recall).
    if (o.status.has('escaped')) continue;
    if (!connected && !o.used) continue;
    const site = siteOf(siteRef);
    event(ctx, {
      kind: 'unreleased',
      fn: ctx.id,
      site,
      target: o.value,
      end,
      ...(ifEnds ? { ifEnds } : {}),
      passSites: [...o.passSites],
      connectSites: [...o.connectSites],
      session: o.session,
      // Early: inside a branch, by a return or a rejection (4xx); a redirect or a 2xx exit is an outcome.
      ...(ctx.branchDepth > 0 && (end !== 'exit' || flow.rejected) ? { early: true as const } : {}),
      ...(failed !== undefined ? { afterFailureOf: failed } : {}),
    });
    if (ifEnds) o.endsAt.push(site);
  }
}

// ---------- helpers ----------

export function span(n: unknown): Span {
  const { rangeStart, rangeEnd } = n as { rangeStart?: number; rangeEnd?: number };
  return rangeStart !== undefined && rangeEnd !== undefined ? [rangeStart, rangeEnd] : [0, 0];
}

/** A table key a value denotes (`t.x`, `t["x"]`, `t[1]`), if constant. */
export function constKey(v: SymValue): string | undefined {
  if (v.t === 'const' && (typeof v.v === 'string' || typeof v.v === 'number')) return String(v.v);
  return undefined;
}

/** A callee the link can resolve to a project function: a function, a table field, a module's, a param's. */
function followableCallee(v: SymValue): boolean {
  let cur = v;
  while (cur.t === 'get') cur = cur.base;
  // A method of an object a project function made (`shipper.new(...):ship(x)`): its class may be ours.
  if (cur.t === 'call') return followableCallee(cur.callee);
  return cur.t === 'fn' || cur.t === 'table' || cur.t === 'require' || cur.t === 'param';
}
