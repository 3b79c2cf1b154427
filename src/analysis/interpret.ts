// Per-file abstract interpretation: walks each function's structured control flow once, tracking
// variable values and the lifecycle of client-like values, and records what it sees as FileFacts.
// Nothing here looks at other files: whatever depends on them stays symbolic (see sym-value.ts).
import type * as L from 'luaparse';
import type { Chunk } from 'luaparse';
import { ANY_CLIENT, globalFactory, profileFor, type ClientMethods, type SelfReleasingMethod, type SessionCommands } from './client-profiles.ts';
import type { FileFacts, FunctionFacts, LifecycleEvent, PathEnd, Span } from './file-facts.ts';
import { UNKNOWN, constant, isTrackable, joinValues, optionsOf, valueKey, type SymValue } from './sym-value.ts';
import { forEachNode } from '../lua/walk.ts';

/** Deeper expressions evaluate to unknown: keeps the recursion bounded on pathological input. */
const MAX_DEPTH = 180;

type Status = 'fresh' | 'live' | 'connected' | 'released' | 'escaped' | 'errored' | 'passed';

interface ObjState {
  value: SymValue;
  status: Set<Status>;
  passSites: number[];
  /** A client method was called on it: only then is a call result worth following as a client. */
  used: boolean;
  connectSites: number[];
  releaseSites: number[];
  /** Redis session state carried by the connection on this path (see SessionState). */
  session: SessionState;
  /** resty.http: a request was sent whose body was not read yet on some path. */
  unreadBody: boolean;
}

interface Binding {
  id: number;
  fn: number;
  assigns: number;
  last: SymValue;
}

class Scope {
  readonly vars = new Map<string, Binding>();
  constructor(readonly parent: Scope | null) {}
  lookup(name: string): Binding | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const b = s.vars.get(name);
      if (b) return b;
    }
    return undefined;
  }
}

class Flow {
  dead = false;
  /** Set when a call ends the path (ngx.exit, error): the enclosing statement stops the path. */
  ended: 'exit' | 'error' | null = null;
  vals = new Map<number, SymValue>();
  objs = new Map<string, ObjState>();
  /** Tracked values for which this path is an error path, with the operation whose failure guards it. */
  errorFor = new Map<string, string>();

  clone(): Flow {
    const f = new Flow();
    f.dead = this.dead;
    f.vals = new Map(this.vals);
    for (const [k, o] of this.objs) f.objs.set(k, copyObj(o));
    f.errorFor = new Map(this.errorFor);
    return f;
  }

  static join(flows: Flow[]): Flow {
    const live = flows.filter((f) => !f.dead);
    if (live.length === 0) {
      const d = new Flow();
      d.dead = true;
      return d;
    }
    const out = live[0].clone();
    for (const f of live.slice(1)) {
      for (const [k, v] of out.vals) {
        const w = f.vals.get(k);
        out.vals.set(k, w ? joinValues(v, w) : UNKNOWN);
      }
      for (const [k, o] of f.objs) {
        const mine = out.objs.get(k);
        if (!mine) out.objs.set(k, copyObj(o));
        else {
          mine.used ||= o.used;
          mine.unreadBody ||= o.unreadBody;
          mine.session = joinSession(mine.session, o.session);
          for (const c of o.connectSites) if (!mine.connectSites.includes(c)) mine.connectSites.push(c);
          for (const r of o.releaseSites) if (!mine.releaseSites.includes(r)) mine.releaseSites.push(r);
          for (const s of o.status) mine.status.add(s);
          for (const p of o.passSites) if (!mine.passSites.includes(p)) mine.passSites.push(p);
        }
      }
      for (const k of [...out.errorFor.keys()]) if (!f.errorFor.has(k)) out.errorFor.delete(k);
    }
    return out;
  }
}

interface LoopCtx {
  exits: Flow[];
}

interface FnCtx {
  id: number;
  scope: Scope;
  loops: LoopCtx[];
  /** Paths waiting at a `goto` for their (forward) label. */
  gotos: Map<string, Flow[]>;
  /** Clients and call results created by this function (not reached through upvalues): only these can
   *  be left unreleased by it. */
  owned: Set<string>;
}

/** Tracked value key -> the operation whose failure the branch handles. */
type GuardSets = { thenErr: Map<string, string>; elseErr: Map<string, string> };

const PATH_ENDING_GLOBALS = new Map<string, 'exit' | 'error'>([
  ['ngx.exit', 'exit'],
  ['ngx.redirect', 'exit'],
  ['ngx.exec', 'exit'],
  ['error', 'error'],
]);

/** Calls that read their arguments without keeping or releasing them. */
const HARMLESS_CALLS = new Set([
  'ngx.log', 'ngx.say', 'ngx.print', 'print', 'tostring', 'tonumber', 'type', 'assert', 'pairs', 'ipairs',
  'next', 'select', 'unpack', 'table.unpack', 'rawget', 'rawequal', 'getmetatable', 'string.format',
  'table.concat', 'table.insert',
]);

interface Pending {
  node: L.FunctionDeclaration;
  id: number;
  scope: Scope;
  hasSelf: boolean;
}

export function interpretChunk(chunk: Chunk): FileFacts {
  return new Interpreter().run(chunk);
}

class Interpreter {
  private facts: FileFacts = {
    returnsValue: false,
    exports: UNKNOWN,
    requires: [],
    functions: [],
    tables: [],
    sites: [],
    events: [],
  };
  private nextBinding = 0;
  private pending: Pending[] = [];
  /** Tracked values each closure captures as upvalues, by function id. */
  private readonly captures = new Map<number, SymValue[]>();
  /** The function that allocated each table of this file, by table id. */
  private readonly tableOwner: number[] = [];
  private depth = 0;

  run(chunk: Chunk): FileFacts {
    const main = this.newFunction('<main chunk>', -1, 0, span(chunk));
    const scope = new Scope(null);
    const flow = new Flow();
    const ctx: FnCtx = { id: main.id, scope, loops: [], gotos: new Map(), owned: new Set() };
    this.block(chunk.body, flow, ctx, scope);
    const fnMain = this.facts.functions[main.id];
    const last = chunk.body[chunk.body.length - 1];
    if (last && last.type === 'ReturnStatement' && last.arguments.length > 0) {
      this.facts.returnsValue = true;
      this.facts.exports = fnMain.returns[fnMain.returns.length - 1]?.[0] ?? UNKNOWN;
    }
    if (!flow.dead) this.pathEnd(flow, ctx, 'end', this.site([span(chunk)[1], span(chunk)[1]]));
    // Function bodies run after their definer has been seen, so module-level upvalues hold final values.
    for (let i = 0; i < this.pending.length; i++) this.functionBody(this.pending[i]);
    this.facts.requires.sort();
    return this.facts;
  }

  // ---------- bookkeeping ----------

  private newFunction(name: string, parent: number, paramCount: number, sp: Span): FunctionFacts {
    const f: FunctionFacts = { id: this.facts.functions.length, name, parent, paramCount, span: sp, returns: [] };
    this.facts.functions.push(f);
    return f;
  }

  private site(sp: Span): number {
    this.facts.sites.push(sp);
    return this.facts.sites.length - 1;
  }

  private event(e: LifecycleEvent): void {
    this.facts.events.push(e);
  }

  private declare(scope: Scope, name: string, fn: number, value: SymValue, flow: Flow): Binding {
    const b: Binding = { id: this.nextBinding++, fn, assigns: 1, last: value };
    scope.vars.set(name, b);
    flow.vals.set(b.id, value);
    return b;
  }

  private assign(b: Binding, value: SymValue, flow: Flow, ctx: FnCtx): void {
    b.assigns++;
    b.last = value;
    if (b.fn === ctx.id) flow.vals.set(b.id, value);
  }

  private read(name: string, flow: Flow, ctx: FnCtx, scope: Scope): SymValue {
    const b = scope.lookup(name);
    if (!b) return { t: 'global', name };
    if (b.fn === ctx.id) return flow.vals.get(b.id) ?? b.last;
    // An upvalue: trust it only when it was assigned once (module-level constants, requires).
    return b.assigns <= 1 ? b.last : UNKNOWN;
  }

  private newTable(fn: number): SymValue {
    this.facts.tables.push({});
    this.tableOwner.push(fn);
    return { t: 'table', id: this.facts.tables.length - 1 };
  }

  // ---------- tracked values ----------

  private track(flow: Flow, v: SymValue, initial: Status): ObjState {
    const k = valueKey(v);
    let o = flow.objs.get(k);
    if (!o) {
      o = { value: v, status: new Set([initial]), passSites: [], used: false, connectSites: [], releaseSites: [], session: NO_SESSION, unreadBody: false };
      flow.objs.set(k, o);
    }
    return o;
  }

  private setStatus(flow: Flow, v: SymValue, s: Status): void {
    const o = this.track(flow, v, s);
    o.status = new Set([s]);
    if (s !== 'passed') o.passSites = [];
  }

  private escape(flow: Flow, v: SymValue, ctx?: FnCtx, site?: number): void {
    for (const o of optionsOf(v)) {
      if (!isTrackable(o)) continue;
      this.setStatus(flow, o, 'escaped');
      // A parameter kept beyond the call: callers cannot tell what happens to it.
      if (o.t === 'param' && ctx && site !== undefined) this.event({ kind: 'escape', fn: ctx.id, site, target: o });
    }
  }

  /** A path of the current function ends: every connected, unreturned value owned by it is unreleased. */
  private pathEnd(flow: Flow, ctx: FnCtx, end: PathEnd, site: number): void {
    for (const [k, o] of flow.objs) {
      // Parameters, fields and upvalues belong to the caller or the enclosing function.
      if (!ctx.owned.has(k)) continue;
      if (flow.errorFor.has(k)) continue;
      const connected = o.status.has('connected');
      const live = o.status.has('live');
      const passed = o.status.has('passed');
      if (!connected && !live && !passed) continue;
      // Escaped on some path reaching here: whoever holds it may release it (precision over recall).
      if (o.status.has('escaped')) continue;
      if (!connected && !o.used) continue;
      this.event({
        kind: 'unreleased',
        fn: ctx.id,
        site,
        target: o.value,
        end,
        onlyIfConnectedElsewhere: !connected,
        passSites: [...o.passSites],
        connectSites: [...o.connectSites],
        session: o.session,
      });
    }
  }

  // ---------- statements ----------

  private block(body: L.Statement[], flow: Flow, ctx: FnCtx, scope: Scope): void {
    if (this.depth > MAX_DEPTH) {
      // Too deep to follow: whatever happens inside may release or keep anything.
      for (const o of flow.objs.values()) o.status = new Set(['escaped']);
      return;
    }
    this.depth++;
    try {
      this.statements(body, flow, ctx, scope);
    } finally {
      this.depth--;
    }
  }

  private statements(body: L.Statement[], flow: Flow, ctx: FnCtx, scope: Scope): void {
    for (const st of body) {
      if (flow.dead && !(st.type === 'LabelStatement' && ctx.gotos.has(st.label.name))) continue;
      this.statement(st, flow, ctx, scope);
      if (flow.ended && !flow.dead) {
        if (flow.ended === 'exit') this.pathEnd(flow, ctx, 'exit', this.site(span(st)));
        flow.dead = true;
      }
    }
  }

  private statement(st: L.Statement, flow: Flow, ctx: FnCtx, scope: Scope): void {
    switch (st.type) {
      case 'LocalStatement': {
        const values = this.evalList(st.init, flow, ctx, scope, st.variables.length);
        st.variables.forEach((v, i) => this.declare(scope, v.name, ctx.id, values[i] ?? constant(null), flow));
        return;
      }
      case 'AssignmentStatement': {
        const values = this.evalList(st.init, flow, ctx, scope, st.variables.length);
        st.variables.forEach((target, i) => this.assignTo(target as L.Expression, values[i] ?? constant(null), flow, ctx, scope));
        return;
      }
      case 'CallStatement':
        this.evalCall(st.expression as L.Expression, flow, ctx, scope, 0);
        return;
      case 'FunctionDeclaration':
        this.functionStatement(st, flow, ctx, scope);
        return;
      case 'ReturnStatement': {
        const values = this.evalList(st.arguments, flow, ctx, scope, st.arguments.length);
        if (flow.dead) return;
        const retSite = this.site(span(st));
        for (const v of values) this.escapeDeep(flow, v, ctx, retSite);
        this.facts.functions[ctx.id].returns.push(values);
        if (flow.ended) return; // `return ngx.exit(...)`: block() records the exit.
        // `return nil, err` is Lua's error return: a failure path, whatever failed.
        if (!isErrorReturn(values)) this.pathEnd(flow, ctx, 'return', retSite);
        flow.dead = true;
        return;
      }
      case 'IfStatement':
        this.ifStatement(st, flow, ctx, scope);
        return;
      case 'WhileStatement':
        this.eval(st.condition, flow, ctx, scope);
        this.loop(st.body, flow, ctx, new Scope(scope));
        return;
      case 'RepeatStatement': {
        const inner = new Scope(scope);
        this.loop(st.body, flow, ctx, inner, () => this.eval(st.condition, flow, ctx, inner));
        return;
      }
      case 'ForNumericStatement': {
        this.eval(st.start, flow, ctx, scope);
        this.eval(st.end, flow, ctx, scope);
        if (st.step) this.eval(st.step, flow, ctx, scope);
        const inner = new Scope(scope);
        this.declare(inner, st.variable.name, ctx.id, UNKNOWN, flow);
        this.loop(st.body, flow, ctx, inner);
        return;
      }
      case 'ForGenericStatement': {
        for (const it of st.iterators) this.eval(it, flow, ctx, scope);
        const inner = new Scope(scope);
        for (const v of st.variables) this.declare(inner, v.name, ctx.id, UNKNOWN, flow);
        this.loop(st.body, flow, ctx, inner);
        return;
      }
      case 'DoStatement':
        this.block(st.body, flow, ctx, new Scope(scope));
        return;
      case 'BreakStatement': {
        const loop = ctx.loops[ctx.loops.length - 1];
        if (loop) loop.exits.push(flow.clone());
        flow.dead = true;
        return;
      }
      case 'GotoStatement': {
        // Forward gotos (`goto continue`, `goto err`) join at their label; a backward goto's path stops.
        const waiting = ctx.gotos.get(st.label.name) ?? [];
        waiting.push(flow.clone());
        ctx.gotos.set(st.label.name, waiting);
        flow.dead = true;
        return;
      }
      case 'LabelStatement': {
        const waiting = ctx.gotos.get(st.label.name);
        if (waiting) {
          ctx.gotos.delete(st.label.name);
          replace(flow, Flow.join([flow, ...waiting]));
        }
        return;
      }
    }
  }

  private loop(body: L.Statement[], flow: Flow, ctx: FnCtx, scope: Scope, after?: () => void): void {
    const loop: LoopCtx = { exits: [] };
    const inBody = flow.clone();
    ctx.loops.push(loop);
    this.block(body, inBody, ctx, scope);
    if (after && !inBody.dead) after();
    ctx.loops.pop();
    replace(flow, Flow.join([flow, inBody, ...loop.exits]));
  }

  private ifStatement(st: L.IfStatement, flow: Flow, ctx: FnCtx, scope: Scope): void {
    const outs: Flow[] = [];
    let rest = flow;
    let hasElse = false;
    for (const clause of st.clauses) {
      if (clause.type === 'ElseClause') {
        hasElse = true;
        const branch = rest.clone();
        this.block(clause.body, branch, ctx, new Scope(scope));
        outs.push(branch);
        break;
      }
      this.eval(clause.condition, rest, ctx, scope);
      const guard = this.guards(clause.condition, rest, ctx, scope);
      const branch = rest.clone();
      this.enterError(branch, guard.thenErr);
      this.block(clause.body, branch, ctx, new Scope(scope));
      outs.push(branch);
      const next = rest.clone();
      this.enterError(next, guard.elseErr);
      rest = next;
    }
    if (!hasElse) outs.push(rest);
    replace(flow, Flow.join(outs));
  }

  private enterError(flow: Flow, keys: Map<string, string>): void {
    for (const [k, op] of keys) {
      flow.errorFor.set(k, op);
      const o = flow.objs.get(k);
      // Whatever the value was, after a failed operation its connection state is unknown.
      if (o && !o.status.has('escaped') && !o.status.has('passed')) o.status = new Set(['errored']);
    }
  }

  /** Which tracked values a condition's branches are error paths for: `if not ok`, `if err`, `if not red`. */
  private guards(cond: L.Expression, flow: Flow, ctx: FnCtx, scope: Scope): GuardSets {
    const thenErr = new Map<string, string>();
    const elseErr = new Map<string, string>();
    const visit = (e: L.Expression, negated: boolean, depth: number): void => {
      if (depth > 20) return;
      if (e.type === 'UnaryExpression' && e.operator === 'not') return visit(e.argument, !negated, depth + 1);
      if (e.type === 'LogicalExpression') {
        // Either side failing is enough to call the branch an error path (precision over recall).
        visit(e.left, negated, depth + 1);
        visit(e.right, negated, depth + 1);
        return;
      }
      if (e.type === 'BinaryExpression' && (e.operator === '==' || e.operator === '~=')) {
        const isNil = (x: L.Expression) => x.type === 'NilLiteral' || (x.type === 'BooleanLiteral' && !x.value);
        const other = isNil(e.right) ? e.left : isNil(e.left) ? e.right : null;
        if (other) return visit(other, negated !== (e.operator === '=='), depth + 1);
        // `err == "timeout"`: the error value equals a message, so the operation failed.
        const str = e.right.type === 'StringLiteral' ? e.left : e.left.type === 'StringLiteral' ? e.right : null;
        if (str && e.operator === '==') {
          for (const f of failuresOf(this.peek(str, flow, ctx, scope), flow, '')) {
            if (f.truthyMeansFailure) (negated ? elseErr : thenErr).set(f.key, f.op);
          }
        }
        return;
      }
      const name = e.type === 'Identifier' ? e.name : '';
      for (const failure of failuresOf(this.peek(e, flow, ctx, scope), flow, name)) {
        // A truthy success value (ok/res/red) means success; a truthy `err` means failure.
        const target = failure.truthyMeansFailure !== negated ? thenErr : elseErr;
        target.set(failure.key, failure.op);
      }
    };
    visit(cond, false, 0);
    return { thenErr, elseErr };
  }

  /** Value of a simple expression without side effects (identifiers and fields only). */
  private peek(e: L.Expression, flow: Flow, ctx: FnCtx, scope: Scope): SymValue {
    if (e.type === 'Identifier') return this.read(e.name, flow, ctx, scope);
    return UNKNOWN;
  }

  private functionStatement(st: L.FunctionDeclaration, flow: Flow, ctx: FnCtx, scope: Scope): void {
    const id = st.identifier;
    if (st.isLocal && id && id.type === 'Identifier') {
      // `local function f` is visible inside its own body.
      const b = this.declare(scope, id.name, ctx.id, UNKNOWN, flow);
      const fn = this.closure(st, flow, ctx, scope, id.name, false);
      b.last = fn;
      flow.vals.set(b.id, fn);
      return;
    }
    if (!id) return;
    const hasSelf = id.type === 'MemberExpression' && id.indexer === ':';
    const fn = this.closure(st, flow, ctx, scope, nameOf(id), hasSelf);
    if (id.type === 'MemberExpression') {
      const owner = this.eval(id.base, flow, ctx, scope);
      if (owner.t === 'table' && fn.t === 'fn') this.facts.functions[fn.id].ownerTable = owner.id;
    }
    this.assignTo(id, fn, flow, ctx, scope);
  }

  private closure(node: L.FunctionDeclaration, flow: Flow, ctx: FnCtx, scope: Scope, name: string, hasSelf: boolean): SymValue {
    const paramCount = node.parameters.length + (hasSelf ? 1 : 0);
    const f = this.newFunction(name, ctx.id, paramCount, span(node));
    this.pending.push({ node, id: f.id, scope, hasSelf });
    // A tracked value captured by the closure may be released there: treat it as escaped.
    const names = new Set<string>();
    if (flow.objs.size > 0) forEachNode(node.body, (n) => {
      if ((n as L.Node).type === 'Identifier') names.add((n as L.Identifier).name);
    });
    const captured: SymValue[] = [];
    for (const n of names) {
      const b = scope.lookup(n);
      if (!b || b.fn !== ctx.id) continue;
      const v = flow.vals.get(b.id);
      if (v && flow.objs.has(valueKey(v))) {
        captured.push(v);
        this.escape(flow, v);
      }
    }
    if (captured.length > 0) this.captures.set(f.id, captured);
    return { t: 'fn', id: f.id };
  }

  private functionBody(p: Pending): void {
    const scope = new Scope(p.scope);
    const flow = new Flow();
    const ctx: FnCtx = { id: p.id, scope, loops: [], gotos: new Map(), owned: new Set() };
    let index = 0;
    if (p.hasSelf) this.declare(scope, 'self', p.id, { t: 'param', index: index++ }, flow);
    for (const prm of p.node.parameters) {
      if (prm.type === 'Identifier') this.declare(scope, prm.name, p.id, { t: 'param', index: index++ }, flow);
    }
    this.block(p.node.body, flow, ctx, scope);
    if (!flow.dead) this.pathEnd(flow, ctx, 'end', this.site([span(p.node)[1] - 3, span(p.node)[1]]));
  }

  private assignTo(target: L.Expression, value: SymValue, flow: Flow, ctx: FnCtx, scope: Scope): void {
    const site = () => this.site(span(target));
    const client = flow.objs.has(valueKey(value)) || value.t === 'obj';
    if (target.type === 'Identifier') {
      const b = scope.lookup(target.name);
      if (b) {
        // A main-chunk local assigned from inside a function: one value for every request of the worker.
        if (client && b.fn === 0 && ctx.id !== 0) this.event({ kind: 'shared', fn: ctx.id, site: site(), target: value, how: 'upvalue' });
        // Stored in an enclosing function's variable: it outlives this call.
        if (b.fn !== ctx.id) this.escape(flow, value, ctx, site());
        this.assign(b, value, flow, ctx);
      } else this.escape(flow, value, ctx, site()); // a global outlives the request
      return;
    }
    if (target.type === 'MemberExpression' || target.type === 'IndexExpression') {
      const base = this.eval(target.base, flow, ctx, scope);
      const key = target.type === 'MemberExpression' ? target.identifier.name : constKey(this.eval(target.index, flow, ctx, scope));
      if (base.t === 'table' && key !== undefined) this.facts.tables[base.id][key] = value;
      if (client && base.t === 'table' && this.tableOwner[base.id] === 0) {
        this.event({ kind: 'shared', fn: ctx.id, site: site(), target: value, how: 'module-field' });
      }
      this.escapeDeep(flow, value, ctx, site());
    }
  }

  /** `v` (or a table it is, one level deep) leaves the function: its tracked values escape. */
  private escapeDeep(flow: Flow, v: SymValue, ctx: FnCtx, site: number): void {
    const direct = (x: SymValue) => {
      for (const o of optionsOf(x)) if (flow.objs.has(valueKey(o)) || o.t === 'param') this.escape(flow, o, ctx, site);
    };
    direct(v);
    for (const o of optionsOf(v)) {
      if (o.t === 'table') for (const f of Object.values(this.facts.tables[o.id])) direct(f);
    }
  }

  // ---------- expressions ----------

  private evalList(exprs: L.Expression[], flow: Flow, ctx: FnCtx, scope: Scope, want: number): SymValue[] {
    const out: SymValue[] = [];
    exprs.forEach((e, i) => {
      const last = i === exprs.length - 1;
      if (last && isCall(e) && want > i) {
        out.push(...this.evalCall(e, flow, ctx, scope, want - i));
      } else {
        out.push(this.eval(e, flow, ctx, scope));
      }
    });
    return out;
  }

  private eval(e: L.Expression, flow: Flow, ctx: FnCtx, scope: Scope): SymValue {
    if (this.depth > MAX_DEPTH) return UNKNOWN;
    this.depth++;
    try {
      return this.evalInner(e, flow, ctx, scope);
    } finally {
      this.depth--;
    }
  }

  private evalInner(e: L.Expression, flow: Flow, ctx: FnCtx, scope: Scope): SymValue {
    switch (e.type) {
      case 'StringLiteral':
        return constant(e.value as string);
      case 'NumericLiteral':
        return /[LlUuIi]$/.test(e.raw) ? UNKNOWN : constant(e.value);
      case 'BooleanLiteral':
        return constant(e.value);
      case 'NilLiteral':
        return constant(null);
      case 'Identifier':
        return this.read(e.name, flow, ctx, scope);
      case 'MemberExpression': {
        const base = this.eval(e.base, flow, ctx, scope);
        if (ANY_CLIENT.bodyReadFields.includes(e.identifier.name)) this.bodyRead(base, flow);
        return this.getField(base, e.identifier.name);
      }
      case 'IndexExpression': {
        const base = this.eval(e.base, flow, ctx, scope);
        const key = constKey(this.eval(e.index, flow, ctx, scope));
        return key === undefined ? UNKNOWN : this.getField(base, key);
      }
      case 'CallExpression':
      case 'StringCallExpression':
      case 'TableCallExpression':
        return this.evalCall(e, flow, ctx, scope, 1)[0] ?? constant(null);
      case 'FunctionDeclaration':
        return this.closure(e, flow, ctx, scope, '<anonymous>', false);
      case 'TableConstructorExpression': {
        const t = this.newTable(ctx.id);
        const fields = this.facts.tables[(t as { id: number }).id];
        let n = 1;
        for (const f of e.fields) {
          const v = this.eval(f.value, flow, ctx, scope);
          if (f.type === 'TableKeyString') fields[f.key.name] = v;
          else if (f.type === 'TableKey') {
            const k = constKey(this.eval(f.key, flow, ctx, scope));
            if (k !== undefined) fields[k] = v;
          } else fields[String(n++)] = v;
          this.escapeDeep(flow, v, ctx, this.site(span(f)));
        }
        return t;
      }
      case 'BinaryExpression': {
        if (e.operator === '..') return this.concat(e, flow, ctx, scope);
        this.eval(e.left, flow, ctx, scope);
        this.eval(e.right, flow, ctx, scope);
        return UNKNOWN;
      }
      case 'LogicalExpression': {
        const l = this.eval(e.left, flow, ctx, scope);
        const r = this.eval(e.right, flow, ctx, scope);
        // `x or default` with a constant default: the common config idiom; keep whichever is known.
        if (e.operator === 'or' && l.t === 'const' && l.v !== null && l.v !== false) return l;
        if (e.operator === 'or' && (l.t === 'const' && (l.v === null || l.v === false))) return r;
        return UNKNOWN;
      }
      case 'UnaryExpression':
        this.eval(e.argument, flow, ctx, scope);
        return UNKNOWN;
      case 'VarargLiteral':
        return UNKNOWN;
    }
  }

  private concat(e: L.BinaryExpression, flow: Flow, ctx: FnCtx, scope: Scope): SymValue {
    // Flatten `a .. b .. c` (right-associative) without recursing per term.
    const parts: SymValue[] = [];
    let cur: L.Expression = e;
    while (cur.type === 'BinaryExpression' && cur.operator === '..') {
      parts.push(this.eval(cur.left, flow, ctx, scope));
      cur = cur.right;
    }
    parts.push(this.eval(cur, flow, ctx, scope));
    return { t: 'concat', parts };
  }

  private getField(base: SymValue, key: string): SymValue {
    if (base.t === 'table') {
      const v = this.facts.tables[base.id][key];
      // A field not (yet) set on a local table may be set later or elsewhere: symbolic, not nil.
      return v ?? { t: 'get', base, key };
    }
    if (base.t === 'unknown' || base.t === 'const' || base.t === 'op') return UNKNOWN;
    return { t: 'get', base, key };
  }

  private evalCall(e: L.Expression, flow: Flow, ctx: FnCtx, scope: Scope, want: number): SymValue[] {
    if (!isCall(e)) return [this.eval(e, flow, ctx, scope)];
    if (this.depth > MAX_DEPTH) return [UNKNOWN];
    this.depth++;
    try {
      return this.evalCallInner(e, flow, ctx, scope, want);
    } finally {
      this.depth--;
    }
  }

  private evalCallInner(
    e: L.CallExpression | L.StringCallExpression | L.TableCallExpression,
    flow: Flow,
    ctx: FnCtx,
    scope: Scope,
    want: number,
  ): SymValue[] {
    const callee = e.base;
    const argNodes: L.Expression[] =
      e.type === 'CallExpression' ? e.arguments : e.type === 'StringCallExpression' ? [e.argument] : [e.arguments];
    const site = this.site(span(e));

    let method: string | null = null;
    let self: SymValue | null = null;
    let calleeValue: SymValue;
    if (callee.type === 'MemberExpression' && callee.indexer === ':') {
      self = this.eval(callee.base, flow, ctx, scope);
      method = callee.identifier.name;
      calleeValue = this.getField(self, method);
    } else {
      calleeValue = this.eval(callee, flow, ctx, scope);
    }
    const args = this.evalList(argNodes, flow, ctx, scope, Math.max(argNodes.length, 1));
    const fullArgs = self ? [self, ...args] : args;

    // `red.close(red)`: a dot call whose first argument is the object it was looked up on.
    if (!self && calleeValue.t === 'get' && fullArgs.length > 0 && valueKey(calleeValue.base) === valueKey(fullArgs[0])) {
      self = fullArgs[0];
      method = calleeValue.key;
    }

    const calleeName = globalPath(calleeValue);

    if (calleeName === 'require' && args[0]?.t === 'const' && typeof args[0].v === 'string') {
      if (!this.facts.requires.includes(args[0].v)) this.facts.requires.push(args[0].v);
      const required: SymValue = { t: 'require', name: args[0].v };
      // Loading a module runs its main chunk, in whatever phase this code runs.
      this.event({ kind: 'call', fn: ctx.id, site, callee: required, callbacks: [], deferred: false });
      return [required];
    }
    if (calleeName === 'setmetatable') return [args[0] ?? UNKNOWN];
    // assert(v, ...) returns its arguments: `local red = assert(store.acquire())` is the acquired client.
    if (calleeName === 'assert') return args.length > 0 ? args : [UNKNOWN];
    const ending = calleeName ? PATH_ENDING_GLOBALS.get(calleeName) : undefined;
    if (ending) {
      // ngx.exit(500): the request failed; a release skipped there is an error path's business.
      flow.ended = ending === 'exit' && isServerErrorStatus(args[0]) ? 'error' : ending;
      return [UNKNOWN];
    }

    // Constructors: redis:new(), redis.new(), a local alias of redis.new, ngx.socket.tcp().
    const client = this.constructorClient(calleeValue, calleeName);
    if (client) {
      const obj: SymValue = { t: 'obj', client, site };
      this.setStatus(flow, obj, 'fresh');
      this.created(obj, args, site, ctx);
      return [obj, constant(null)];
    }
    const factory = calleeName ? globalFactory(calleeName) : undefined;
    if (factory?.connects) {
      // Created and connected in one call: the connect is the global function itself.
      const connect = calleeName!.slice(calleeName!.lastIndexOf('.') + 1);
      const obj: SymValue = { t: 'obj', client: factory.profile.module, site };
      this.created(obj, [], site, ctx);
      this.event({ kind: 'connect', fn: ctx.id, site, target: obj, method: connect, args, errorPath: false });
      this.setStatus(flow, obj, 'connected');
      this.track(flow, obj, 'connected').connectSites = [site];
      return [obj, { t: 'op', obj: valueKey(obj), method: connect, index: 1, site }];
    }

    if (calleeName === 'ngx.timer.at' || calleeName === 'ngx.timer.every') this.timer(calleeName, args, site, flow, ctx);
    if (self?.t === 'op' && method && ANY_CLIENT.bodyReadMethods.includes(method)) this.bodyRead(self, flow);

    if (self && method && isTrackable(self)) {
      return this.clientMethod(self, method, fullArgs.slice(1), site, flow, ctx, want);
    }
    if (self?.t === 'phi' && method && self.options.some(isTrackable)) {
      // A variable that holds one of several clients (`sock = use_tcp and tcp() or udp()`): each may be it.
      let joined: SymValue[] | undefined;
      for (const o of self.options) {
        if (!isTrackable(o)) continue;
        const r = this.clientMethod(o, method, fullArgs.slice(1), site, flow, ctx, want);
        joined = joined ? joined.map((v, i) => joinValues(v, r[i] ?? UNKNOWN)) : r;
      }
      return joined!;
    }

    // Any other call: tracked values passed to it may be released (or kept) by the callee.
    if (!(calleeName && HARMLESS_CALLS.has(calleeName))) {
      fullArgs.forEach((a, i) => {
        // A response handed to a helper may be read there (proxy_response(res)): assume it is.
        this.bodyRead(a, flow);
        const k = valueKey(a);
        const o = flow.objs.get(k);
        if (o) {
          this.event({ kind: 'pass', fn: ctx.id, site, target: a, callee: calleeValue, argIndex: i, selfCall: self !== null, errorPath: flow.errorFor.has(k) });
          o.status = new Set(['passed']);
          if (!o.passSites.includes(site)) o.passSites.push(site);
        } else if (a.t === 'param') {
          this.event({ kind: 'pass', fn: ctx.id, site, target: a, callee: calleeValue, argIndex: i, selfCall: self !== null, errorPath: false });
        }
      });
    }
    this.callEvent(calleeValue, calleeName, fullArgs, site, ctx);
    const results: SymValue[] = [];
    for (let i = 0; i < Math.max(want, 1); i++) results.push({ t: 'call', callee: calleeValue, args: fullArgs, site, index: i });
    ctx.owned.add(valueKey(results[0]));
    // A call result may be a connected client from a wrapper: it is tracked from its first client method
    // call on (clientMethod), and the link decides.
    return results;
  }

  /** Calls the link may follow into project functions; timer callbacks run later, in their own context. */
  private callEvent(callee: SymValue, calleeName: string | null, args: SymValue[], site: number, ctx: FnCtx): void {
    const callbacks = args.filter((a): a is Extract<SymValue, { t: 'fn' }> => a.t === 'fn').map((a) => a.id);
    const deferred = calleeName === 'ngx.timer.at' || calleeName === 'ngx.timer.every';
    // Globals (ngx.say, string.format, ...) are not project functions, and a callee rooted in another call's
    // result is not worth following for phases: most calls are one of these, and facts stay small.
    if ((calleeName !== null || !followableCallee(callee)) && callbacks.length === 0) return;
    this.event({ kind: 'call', fn: ctx.id, site, callee, callbacks, deferred });
  }

  private created(obj: Extract<SymValue, { t: 'obj' }>, args: SymValue[], site: number, ctx: FnCtx): void {
    this.event({ kind: 'new', fn: ctx.id, site, target: obj, client: obj.client, args });
    ctx.owned.add(valueKey(obj));
    // Created by a file's main chunk: shared by every request if the file is a module (decided at link).
    if (ctx.id === 0 && !profileFor(obj.client)?.holdsNoSocket) this.event({ kind: 'shared', fn: ctx.id, site, target: obj, how: 'module-level' });
  }

  /** Cosockets handed to a timer run in another (fake) request: "bad request" on first use. */
  private timer(name: string, args: SymValue[], site: number, flow: Flow, ctx: FnCtx): void {
    for (const a of args.slice(2)) {
      if (flow.objs.has(valueKey(a)) || a.t === 'obj') this.event({ kind: 'shared', fn: ctx.id, site, target: a, how: 'timer-arg', via: name });
    }
    const callback = args[1];
    if (callback?.t === 'fn') {
      for (const v of this.captures.get(callback.id) ?? []) this.event({ kind: 'shared', fn: ctx.id, site, target: v, how: 'timer-upvalue', via: name });
    }
  }

  private constructorClient(callee: SymValue, calleeName: string | null): string | null {
    const factory = calleeName ? globalFactory(calleeName) : undefined;
    if (factory && !factory.connects) return factory.profile.module;
    if (callee.t === 'get' && callee.base.t === 'require') {
      const profile = profileFor(callee.base.name);
      if (profile && profile.constructors.includes(callee.key)) return profile.module;
    }
    return null;
  }

  private clientMethod(
    self: SymValue,
    method: string,
    args: SymValue[],
    site: number,
    flow: Flow,
    ctx: FnCtx,
    want: number,
  ): SymValue[] {
    const key = valueKey(self);
    const profile = self.t === 'obj' ? profileFor(self.client) : undefined;
    // Before linking, a call result may be any client: its methods mean what they mean for any profile.
    const methods: ClientMethods = profile ?? ANY_CLIENT;
    const isConnect = methods.connectMethods.includes(method);
    const isKeepalive = methods.keepaliveMethods.includes(method);
    const isClose = methods.closeMethods.includes(method);
    const selfReleasing = methods.selfReleasingMethods?.find((m) => m.method === method);
    const errorOp = flow.errorFor.get(key);
    const errorPath = errorOp !== undefined;
    // A call result becomes worth following once a client method is called on it.
    const state = flow.objs.get(key) ?? (self.t === 'call' ? this.track(flow, self, 'live') : undefined);
    if (state) state.used = true;
    const results = (): SymValue[] => {
      const out: SymValue[] = [];
      for (let i = 0; i < Math.max(want, 2); i++) out.push({ t: 'op', obj: key, method, index: i, site });
      return out;
    };

    const reconnects = isConnect || selfReleasing !== undefined;
    let alreadyReleased = false;
    if (state && state.status.size === 1) {
      const only = [...state.status][0];
      if (only === 'released' && !reconnects) {
        alreadyReleased = true;
        this.event({ kind: 'use-after-release', fn: ctx.id, site, target: self, method, previous: [...state.releaseSites], reconnect: false });
      } else if (only === 'connected' && isConnect) {
        this.event({ kind: 'use-after-release', fn: ctx.id, site, target: self, method, previous: [...state.connectSites], reconnect: true });
      }
    }

    const produced = profile?.producesClient;
    if (produced && method === produced.method && self.t === 'obj') {
      // resty.redis.connector: rc:connect() returns a connected resty.redis object.
      const red: SymValue = { t: 'obj', client: produced.client, site };
      this.event({ kind: 'new', fn: ctx.id, site, target: red, client: produced.client, args: [] });
      ctx.owned.add(valueKey(red));
      this.event({ kind: 'connect', fn: ctx.id, site, target: red, method, args: [self, ...args], errorPath, keyRule: self.client });
      const o = this.track(flow, red, 'connected');
      o.status = new Set(['connected']);
      o.connectSites = [site];
      return [red, { t: 'op', obj: valueKey(red), method, index: 1, site }];
    }
    if (produced && isKeepalive) {
      // rc:set_keepalive(red) pools the client it is given, after sending it keepaliveSends (DISCARD).
      const red = args[0];
      const sends = { commands: produced.keepaliveSends, session: profileFor(produced.client)?.session };
      if (red && isTrackable(red)) this.release(red, 'long', method, args.slice(1), site, flow, ctx, { sends });
      return results();
    }

    if (isConnect) {
      this.event({ kind: 'connect', fn: ctx.id, site, target: self, method, args, errorPath });
      const o = this.track(flow, self, 'connected');
      o.status = new Set(['connected']);
      o.connectSites = [site];
      o.releaseSites = [];
      o.session = NO_SESSION;
      o.unreadBody = false;
    } else if ((isKeepalive || isClose) && !alreadyReleased) {
      // A second release returns nil, "closed" and touches no connection: only use-after-release reports it.
      this.release(self, isKeepalive ? 'long' : 'short', method, args, site, flow, ctx, {});
    } else if (selfReleasing) {
      // request_uri connects, requests, reads the body and pools (or closes) by itself.
      this.event({ kind: 'connect', fn: ctx.id, site, target: self, method, args, errorPath });
      const mode = keepaliveOption(selfReleasing, args, this.facts.tables);
      if (mode) this.release(self, mode, method, args, site, flow, ctx, { implicit: true });
    } else {
      // Arguments matter only for session state (select's db): keep facts small for the cache.
      const selects = methods.session?.select.includes(method);
      this.event({ kind: 'method', fn: ctx.id, site, target: self, method, args: selects ? args : [], errorPath });
      if (state) this.sessionEffect(state, method, args, methods);
      // `self:helper()` may be a method of the module itself.
      if (self.t !== 'obj') this.callEvent({ t: 'get', base: self, key: method }, null, [self, ...args], site, ctx);
    }
    return results();
  }

  private release(
    target: SymValue,
    mode: 'long' | 'short',
    method: string,
    args: SymValue[],
    site: number,
    flow: Flow,
    ctx: FnCtx,
    opts: { sends?: { commands: string[]; session: SessionCommands | undefined }; implicit?: boolean },
  ): void {
    const key = valueKey(target);
    const errorOp = flow.errorFor.get(key);
    const o = this.track(flow, target, 'released');
    this.event({
      kind: 'release',
      fn: ctx.id,
      site,
      target,
      mode,
      method,
      args,
      errorPath: errorOp !== undefined,
      errorOp,
      session: opts.sends ? opts.sends.commands.reduce((s, c) => sessionAfter(s, opts.sends!.session, c, []) ?? s, o.session) : o.session,
      unreadBody: o.unreadBody,
      implicit: opts.implicit,
    });
    o.status = new Set(['released']);
    o.releaseSites = [site];
    o.passSites = [];
  }

  /** Session commands (redis SELECT / MULTI / EXEC) and requests (http): state the next pool user would inherit. */
  private sessionEffect(o: ObjState, method: string, args: SymValue[], methods: ClientMethods): void {
    const session = sessionAfter(o.session, methods.session, method, args);
    if (session) o.session = session;
    else if (methods.requestMethods?.includes(method)) o.unreadBody = true;
  }

  /** `res:read_body()` / `res.body_reader`: the response of a tracked http client is being read. */
  private bodyRead(v: SymValue, flow: Flow): void {
    if (v.t !== 'op') return;
    const o = flow.objs.get(v.obj);
    if (o) o.unreadBody = false;
  }

}

// ---------- helpers ----------

/** A self-releasing method's keepalive option: false closes, absent or true pools; anything else is unknown (null). */
function keepaliveOption(m: SelfReleasingMethod, args: SymValue[], tables: Record<string, SymValue>[]): 'long' | 'short' | null {
  const params = args[m.optionsArg];
  if (!params || (params.t === 'const' && params.v === null)) return 'long';
  if (params.t !== 'table') return null;
  const k = tables[params.id][m.keepaliveOption];
  if (k === undefined || (k.t === 'const' && (k.v === null || k.v === true))) return 'long';
  if (k.t === 'const' && k.v === false) return 'short';
  return null;
}

function copyObj(o: ObjState): ObjState {
  return { ...o, status: new Set(o.status), passSites: [...o.passSites], connectSites: [...o.connectSites], releaseSites: [...o.releaseSites] };
}

function replace(flow: Flow, next: Flow): void {
  flow.dead = next.dead;
  flow.vals = next.vals;
  flow.objs = next.objs;
  flow.errorFor = next.errorFor;
  flow.ended = null;
}

function span(n: unknown): Span {
  const r = (n as { range?: [number, number] }).range;
  return r ? [r[0], r[1]] : [0, 0];
}

function isCall(e: L.Expression): e is L.CallExpression | L.StringCallExpression | L.TableCallExpression {
  return e.type === 'CallExpression' || e.type === 'StringCallExpression' || e.type === 'TableCallExpression';
}

function constKey(v: SymValue): string | undefined {
  if (v.t === 'const' && (typeof v.v === 'string' || typeof v.v === 'number')) return String(v.v);
  return undefined;
}

/** `ngx.socket.tcp` for get(get(global ngx, socket), tcp); null when the value is not a global path. */
export function globalPath(v: SymValue): string | null {
  const parts: string[] = [];
  let cur = v;
  while (cur.t === 'get') {
    parts.unshift(cur.key);
    cur = cur.base;
  }
  if (cur.t !== 'global') return null;
  parts.unshift(cur.name);
  return parts.join('.');
}

function nameOf(id: L.Identifier | L.MemberExpression): string {
  if (id.type === 'Identifier') return id.name;
  const base = id.base.type === 'Identifier' || id.base.type === 'MemberExpression' ? nameOf(id.base) : '?';
  return `${base}${id.indexer}${id.identifier.name}`;
}

interface Failure {
  key: string;
  op: string;
  truthyMeansFailure: boolean;
}

/** Which tracked values' operations a value's truthiness reports on (`ok`, `err`, `red`, `res`).
 *  `name` is the tested variable's name: for helpers, whose conventions vary, `err...` means failure. */
function failuresOf(v: SymValue, flow: Flow, name: string): Failure[] {
  const out: Failure[] = [];
  for (const o of optionsOf(v)) {
    if (o.t === 'op') {
      if (flow.objs.has(o.obj)) out.push({ key: o.obj, op: o.method, truthyMeansFailure: o.index >= 1 });
      continue;
    }
    if (o.t === 'obj' && flow.objs.has(valueKey(o))) out.push({ key: valueKey(o), op: 'new', truthyMeansFailure: false });
    if (o.t !== 'call') continue;
    // `local red, err = store.acquire()`: the first result is the value, the second its error.
    const first = valueKey({ ...o, index: 0 });
    const truthyMeansFailure = o.index >= 1;
    if (flow.objs.has(first)) out.push({ key: first, op: 'acquire', truthyMeansFailure });
    // `local ok, err = send(sock, data)`, `err = proxy_response(res)`: a helper's failure is a failure of
    // the client it was given (or of the client whose response it was given).
    const helperFails = truthyMeansFailure || /^err(or)?(_?msg)?$/i.test(name);
    for (const a of o.args) {
      const k = a.t === 'op' ? a.obj : valueKey(a);
      if (k !== first && flow.objs.has(k)) out.push({ key: k, op: calleeLabel(o.callee), truthyMeansFailure: helperFails });
    }
  }
  return out;
}

/** A callee the link can resolve to a project function: a function, a table field, a module's, a param's. */
function followableCallee(v: SymValue): boolean {
  let cur = v;
  while (cur.t === 'get') cur = cur.base;
  return cur.t === 'fn' || cur.t === 'table' || cur.t === 'require' || cur.t === 'param';
}

function isErrorReturn(values: SymValue[]): boolean {
  const first = values[0];
  return values.length >= 2 && first?.t === 'const' && (first.v === null || first.v === false);
}

/** ngx.exit's status argument when it says the request failed on the server side (5xx, ngx.ERROR). */
function isServerErrorStatus(v: SymValue | undefined): boolean {
  if (!v) return false;
  if (v.t === 'const') return typeof v.v === 'number' && (v.v >= 500 || v.v === -1);
  const name = globalPath(v);
  return name !== null && /^ngx\.(ERROR|HTTP_(INTERNAL_SERVER_ERROR|NOT_IMPLEMENTED|BAD_GATEWAY|SERVICE_UNAVAILABLE|GATEWAY_TIMEOUT|INSUFFICIENT_STORAGE))$/.test(name);
}

function calleeLabel(v: SymValue): string {
  return v.t === 'get' ? v.key : v.t === 'global' ? v.name : 'call';
}

/** Redis state that follows a pooled connection to its next user (semantics.md §4.4). */
export interface SessionState {
  /** The db last selected on this path: undefined never selected, null unknown (or differs between paths). */
  db: string | null | undefined;
  /** Inside MULTI without EXEC/DISCARD on some path. */
  multi: boolean;
}

const NO_SESSION: SessionState = { db: undefined, multi: false };

/** The session after `method` (with `args`), or undefined when it is not a session command. */
function sessionAfter(s: SessionState, commands: SessionCommands | undefined, method: string, args: SymValue[]): SessionState | undefined {
  if (!commands) return undefined;
  if (commands.select.includes(method)) {
    const db = args[0];
    return { ...s, db: db?.t === 'const' && db.v !== null ? String(db.v) : null };
  }
  if (commands.begin.includes(method)) return { ...s, multi: true };
  if (commands.end.includes(method)) return { ...s, multi: false };
  return undefined;
}

function joinSession(a: SessionState, b: SessionState): SessionState {
  const db = a.db === b.db ? a.db : a.db === undefined ? b.db : b.db === undefined ? a.db : null;
  return { db, multi: a.multi || b.multi };
}
