// Expressions and calls: the abstract value of each expression, and what a call does to the path
// (requires, path-ending globals, client constructors and methods, values handed to other functions).
import type * as L from 'luaparse';
import { METATABLE_KEY, UNKNOWN, constant, fieldOf, fnValue, isTrackable, joinValues, setField, valueKey, type SymValue } from '../sym-value.ts';
import { forEachNode } from '../../lua/walk.ts';
import { bodyRead, clientMethod, construct, responseField, responseMethod } from './client-effects.ts';
import { MAX_DEPTH, callEvent, constKey, escape, escapeDeep, event, lazySite, newFunction, newSite, newTable, paramUses, pathEnd, read, span, type FnCtx, type Scope } from './context.ts';
import type { Flow } from './flow.ts';
import { recordLibraryCall } from './library-calls.ts';

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

/** The values of an expression list, the last call expanded to the `want` values still needed. */
export function evalList(exprs: L.Expression[], flow: Flow, ctx: FnCtx, scope: Scope, want: number): SymValue[] {
  // Arrays of their exact size (map, concat): these lists end up in the facts (call arguments, returns), and an
  // array grown by push keeps room for 16.
  const n = exprs.length;
  const last = exprs[n - 1];
  if (n === 0 || !(isCall(last) && want > n - 1)) return exprs.map((e) => evaluate(e, flow, ctx, scope));
  const head = exprs.slice(0, -1).map((e) => evaluate(e, flow, ctx, scope));
  const tail = evalCall(last, flow, ctx, scope, want - (n - 1));
  return head.length === 0 ? tail : head.concat(tail);
}

export function evaluate(e: L.Expression, flow: Flow, ctx: FnCtx, scope: Scope): SymValue {
  if (ctx.file.depth > MAX_DEPTH) return UNKNOWN;
  ctx.file.depth++;
  try {
    return evalInner(e, flow, ctx, scope);
  } finally {
    ctx.file.depth--;
  }
}

function evalInner(e: L.Expression, flow: Flow, ctx: FnCtx, scope: Scope): SymValue {
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
      return read(e.name, flow, ctx, scope);
    case 'MemberExpression': {
      const base = evaluate(e.base, flow, ctx, scope);
      responseField(base, e.identifier.name, flow);
      return getField(base, e.identifier.name, ctx);
    }
    case 'IndexExpression': {
      const base = evaluate(e.base, flow, ctx, scope);
      const key = constKey(evaluate(e.index, flow, ctx, scope));
      return key === undefined ? UNKNOWN : getField(base, key, ctx);
    }
    case 'CallExpression':
    case 'StringCallExpression':
    case 'TableCallExpression':
      return evalCall(e, flow, ctx, scope, 1)[0] ?? constant(null);
    case 'FunctionDeclaration':
      return closure(e, flow, ctx, scope, '<anonymous>', false);
    case 'TableConstructorExpression': {
      const t = newTable(ctx);
      const fields = ctx.file.facts.tables[t.id];
      let n = 1;
      for (const f of e.fields) {
        const v = evaluate(f.value, flow, ctx, scope);
        if (f.type === 'TableKeyString') setField(fields, f.key.name, v);
        else if (f.type === 'TableKey') {
          const k = constKey(evaluate(f.key, flow, ctx, scope));
          if (k !== undefined) setField(fields, k, v);
        } else fields[String(n++)] = v;
        escapeDeep(flow, v, ctx, lazySite(ctx.file, () => span(f)));
      }
      return t;
    }
    case 'BinaryExpression': {
      if (e.operator === '..') return concat(e, flow, ctx, scope);
      evaluate(e.left, flow, ctx, scope);
      evaluate(e.right, flow, ctx, scope);
      return UNKNOWN;
    }
    case 'LogicalExpression': {
      const l = evaluate(e.left, flow, ctx, scope);
      const r = evaluate(e.right, flow, ctx, scope);
      // `x or default` with a constant default: the common config idiom; keep whichever is known.
      if (e.operator === 'or' && l.t === 'const' && l.v !== null && l.v !== false) return l;
      if (e.operator === 'or' && (l.t === 'const' && (l.v === null || l.v === false))) return r;
      // `line = line or partial`: falsy only when the operation's success value is, so a test of it is a test
      // of the operation (a later `if not line then return end` is its error branch).
      if (e.operator === 'or' && l.t === 'op' && l.index === 0) return l;
      // `conf.port or 6379`: a value known at link time (or only as an expression) with a constant default.
      if (e.operator === 'or' && (l.t === 'get' || l.t === 'param') && r.t === 'const' && r.v !== null && r.v !== false) return { t: 'or', left: l, right: r };
      return UNKNOWN;
    }
    case 'UnaryExpression':
      evaluate(e.argument, flow, ctx, scope);
      return UNKNOWN;
    case 'VarargLiteral':
      return UNKNOWN;
  }
}

function concat(e: L.BinaryExpression, flow: Flow, ctx: FnCtx, scope: Scope): SymValue {
  // Flatten `a .. b .. c` (right-associative) without recursing per term.
  const parts: SymValue[] = [];
  let cur: L.Expression = e;
  while (cur.type === 'BinaryExpression' && cur.operator === '..') {
    parts.push(evaluate(cur.left, flow, ctx, scope));
    cur = cur.right;
  }
  parts.push(evaluate(cur, flow, ctx, scope));
  return { t: 'concat', parts };
}

function getField(base: SymValue, key: string, ctx: FnCtx): SymValue {
  if (base.t === 'table') {
    const v = fieldOf(ctx.file.facts.tables[base.id], key);
    // A field not (yet) set on a local table may be set later or elsewhere: symbolic, not nil.
    return v ?? { t: 'get', base, key };
  }
  if (base.t === 'unknown' || base.t === 'const' || base.t === 'op') return UNKNOWN;
  return { t: 'get', base, key };
}

/** A function value: its body is interpreted later (chunk.ts); tracked values it captures escape. */
export function closure(node: L.FunctionDeclaration, flow: Flow, ctx: FnCtx, scope: Scope, name: string, hasSelf: boolean): SymValue {
  const paramCount = node.parameters.length + (hasSelf ? 1 : 0);
  const f = newFunction(ctx.file, name, ctx.id, paramCount, span(node));
  const params = [...(hasSelf ? ['self'] : []), ...node.parameters.flatMap((p) => (p.type === 'Identifier' ? [p.name] : []))];
  if (params.length > 0) f.params = params.slice(); // at its length (callEvent says why)
  ctx.file.pending.push({ node, id: f.id, scope, hasSelf });
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
    if (v && flow.tracks(v)) {
      captured.push(v);
      escape(flow, v, ctx, lazySite(ctx.file, () => span(node)));
    }
  }
  if (captured.length > 0) ctx.file.captures.set(f.id, captured);
  return fnValue(f.id);
}

/** The `want` results of a call (one value for a non-call expression). */
export function evalCall(e: L.Expression, flow: Flow, ctx: FnCtx, scope: Scope, want: number): SymValue[] {
  if (!isCall(e)) return [evaluate(e, flow, ctx, scope)];
  if (ctx.file.depth > MAX_DEPTH) return [UNKNOWN];
  ctx.file.depth++;
  try {
    const values = evalCallInner(e, flow, ctx, scope, want);
    if (values[0] && ctx.file.inCondition) (ctx.file.conditionCalls ??= new Map()).set(e, values[0]);
    return values;
  } finally {
    ctx.file.depth--;
  }
}

function evalCallInner(
  e: L.CallExpression | L.StringCallExpression | L.TableCallExpression,
  flow: Flow,
  ctx: FnCtx,
  scope: Scope,
  want: number,
): SymValue[] {
  const callee = e.base;
  const argNodes: L.Expression[] =
    e.type === 'CallExpression' ? e.arguments : e.type === 'StringCallExpression' ? [e.argument] : [e.arguments];
  const site = newSite(ctx.file, span(e));

  let method: string | null = null;
  let self: SymValue | null = null;
  let calleeValue: SymValue;
  if (callee.type === 'MemberExpression' && callee.indexer === ':') {
    self = evaluate(callee.base, flow, ctx, scope);
    method = callee.identifier.name;
    calleeValue = getField(self, method, ctx);
  } else {
    calleeValue = evaluate(callee, flow, ctx, scope);
  }
  const args = evalList(argNodes, flow, ctx, scope, Math.max(argNodes.length, 1));
  const fullArgs = self ? [self, ...args] : args;

  // `red.close(red)`: a dot call whose first argument is the object it was looked up on.
  if (!self && calleeValue.t === 'get' && fullArgs.length > 0 && valueKey(calleeValue.base) === valueKey(fullArgs[0])) {
    self = fullArgs[0];
    method = calleeValue.key;
  }

  const calleeName = globalPath(calleeValue);
  recordLibraryCall(calleeValue, calleeName, callee.type === 'MemberExpression' && callee.indexer === ':' ? method : null, args, site, ctx);

  // pcall(red.connect, red, ...): the method call, protected. Its first result (the call did not raise) is
  // read like the method's own success value; the method's results follow.
  const protectedCall = calleeName === 'pcall' && args[0]?.t === 'get' && args.length > 1 && valueKey(args[0].base) === valueKey(args[1]);
  if (protectedCall && isTrackable(args[1])) {
    const target = args[0] as Extract<SymValue, { t: 'get' }>;
    const results = clientMethod(args[1], target.key, args.slice(2), site, flow, ctx, Math.max(want - 1, 1));
    return [results[0] ?? UNKNOWN, ...results];
  }

  if (calleeName === 'require' && args[0]?.t === 'const' && typeof args[0].v === 'string') {
    const facts = ctx.file.facts;
    if (!facts.requires.includes(args[0].v)) facts.requires.push(args[0].v);
    const required: SymValue = { t: 'require', name: args[0].v };
    // Loading a module runs its main chunk, in whatever phase this code runs.
    event(ctx, { kind: 'call', fn: ctx.id, site, callee: required });
    return [required];
  }
  if (calleeName === 'module' && ctx.id === 0 && args.length > 0) {
    declareModule(args[0], ctx);
    return [UNKNOWN];
  }
  if (calleeName === 'setmetatable') {
    // An object of a class: fields it lacks are looked up through the metatable's __index (resolver.ts).
    const [obj, mt] = args;
    if (obj?.t === 'table' && mt && (mt.t === 'table' || mt.t === 'get' || mt.t === 'require' || mt.t === 'call')) ctx.file.facts.tables[obj.id][METATABLE_KEY] = mt;
    return [obj ?? UNKNOWN];
  }
  // assert(v, ...) returns its arguments: `local red = assert(store.acquire())` is the acquired client.
  if (calleeName === 'assert') return args.length > 0 ? args : [UNKNOWN];
  const ending = calleeName ? PATH_ENDING_GLOBALS.get(calleeName) : undefined;
  if (ending) {
    // ngx.exit(500): the request failed; a release skipped there is an error path's business.
    flow.ended = ending === 'exit' && isServerErrorStatus(args[0]) ? 'error' : ending;
    flow.rejected = calleeName === 'ngx.exit' && isClientErrorStatus(args[0]);
    return [UNKNOWN];
  }

  const made = construct(calleeValue, calleeName, args, site, flow, ctx);
  if (made) return made;

  if (calleeName === 'ngx.timer.at' || calleeName === 'ngx.timer.every') timer(calleeName, args, site, flow, ctx);
  if (self?.t === 'op' && method) responseMethod(self, method, flow);

  if (self && method && isTrackable(self)) {
    return clientMethod(self, method, fullArgs.slice(1), site, flow, ctx, want);
  }
  if (self?.t === 'phi' && method && self.options.some(isTrackable)) {
    // A variable that holds one of several clients (`sock = use_tcp and tcp() or udp()`): each may be it.
    let joined: SymValue[] | undefined;
    for (const o of self.options) {
      if (!isTrackable(o)) continue;
      const r = clientMethod(o, method, fullArgs.slice(1), site, flow, ctx, want);
      joined = joined ? joined.map((v, i) => joinValues(v, r[i] ?? UNKNOWN)) : r;
    }
    return joined!;
  }

  // Any other call: tracked values passed to it may be released (or kept) by the callee.
  if (!(calleeName && HARMLESS_CALLS.has(calleeName))) {
    // Literal arguments travel with the pass (keepalive(db, 0, 100)): the callee's release reads them.
    const literals = fullArgs.some((a) => a.t === 'const') ? { args: fullArgs.map((a) => (a.t === 'const' ? a : UNKNOWN)) } : {};
    fullArgs.forEach((a, i) => {
      // A response handed to a helper may be read there (proxy_response(res)): assume it is.
      bodyRead(a, flow);
      const k = flow.objs.size > 0 ? valueKey(a) : '';
      const o = flow.objs.get(k);
      if (o) {
        event(ctx, { kind: 'pass', fn: ctx.id, site, target: a, callee: calleeValue, argIndex: i, selfCall: self !== null, errorPath: flow.errorFor.has(k), errorOp: flow.errorFor.get(k), ...literals, ...(o.session.subscribed ? { subscribed: true as const } : {}) });
        o.status = new Set(['passed']);
        if (!o.passSites.includes(site)) o.passSites.push(site);
      } else if (a.t === 'param') {
        event(ctx, { kind: 'pass', fn: ctx.id, site, target: a, callee: calleeValue, argIndex: i, selfCall: self !== null, errorPath: false });
      }
    });
  }
  const colon = callee.type === 'MemberExpression' && callee.indexer === ':';
  const forwards = paramUses(callee, calleeValue, calleeName, colon ? [callee.base, ...argNodes] : argNodes, fullArgs, ctx, scope);
  callEvent(calleeValue, calleeName, fullArgs, site, ctx, forwards);
  helperEnd(calleeValue, fullArgs, site, flow, ctx);
  // At its length: a returned call's results are kept in the facts (a pushed array keeps room for 16).
  const results = new Array<SymValue>(Math.max(want, 1));
  for (let i = 0; i < results.length; i++) results[i] = { t: 'call', callee: calleeValue, args: fullArgs, site, index: i };
  ctx.ownedCalls.add(site);
  // A call result may be a connected client from a wrapper: it is tracked from its first client method
  // call on (clientMethod), and the link decides.
  return results;
}

/** `module("a.b", package.seeall)` (or `module(...)`, named by the require that loads the file) called by the
 *  main chunk (Lua 5.1 §5.3; LuaJIT lj_cf_package_module): a new table becomes the chunk's environment, so the
 *  globals it assigns from here on are that table's fields (statements.ts assignTo), and `require` returns it
 *  (chunk.ts). Options such as package.seeall only let the code read the real globals. A second call is rare
 *  and ignored: the first table stays the module. */
function declareModule(name: SymValue, ctx: FnCtx): void {
  const file = ctx.file;
  if (file.moduleTable !== undefined) return;
  file.moduleTable = newTable(ctx).id;
  if (name.t === 'const' && typeof name.v === 'string') file.facts.moduleName = name.v;
}

/** A call of a function that ends the request on every path (FunctionFacts.ends) ends this path too. One of
 *  this file ends it here; one the file cannot see into (another module's) may: the clients still unreleased
 *  here are recorded for the link, which knows the callee. A 5xx status among the arguments
 *  (`respond(500, msg)`) makes the end a failure, as ngx.exit(500) is. */
function helperEnd(callee: SymValue, args: SymValue[], site: number, flow: Flow, ctx: FnCtx): void {
  if (flow.ended) return;
  const failing = args.some(isServerErrorStatus);
  const own = callee.t === 'fn' ? callee.id : callee.t === 'global' ? functionGlobal(callee.name, ctx) : undefined;
  if (own !== undefined) {
    const start = ctx.file.facts.functions[own].spanStart;
    const ends = ctx.file.ends.get(start);
    if (!ends) ctx.file.calledEarly.add(start);
    else flow.ended = ends === 'exit' && failing ? 'error' : ends;
    return;
  }
  let root = callee;
  while (root.t === 'get') root = root.base;
  // `optl.say(v)`, `require("x")(v)`, a field of this file's table not set yet: the link resolves them.
  if (!failing && (root.t === 'require' || (root.t === 'table' && callee.t === 'get'))) pathEnd(flow, ctx, 'exit', site, callee);
}

/** A global this file's main chunk sets to one of its functions (`function respond() ... end`). */
function functionGlobal(name: string, ctx: FnCtx): number | undefined {
  const v = fieldOf(ctx.file.facts.globals, name);
  return v?.t === 'fn' ? v.id : undefined;
}

/** Cosockets handed to a timer run in another (fake) request: "bad request" on first use. */
function timer(name: string, args: SymValue[], site: number, flow: Flow, ctx: FnCtx): void {
  for (const a of args.slice(2)) {
    if (flow.tracks(a) || a.t === 'obj') event(ctx, { kind: 'shared', fn: ctx.id, site, target: a, how: 'timer-arg', via: name });
  }
  const callback = args[1];
  if (callback?.t === 'fn') {
    for (const v of ctx.file.captures.get(callback.id) ?? []) event(ctx, { kind: 'shared', fn: ctx.id, site, target: v, how: 'timer-upvalue', via: name });
  }
}

function isCall(e: L.Expression): e is L.CallExpression | L.StringCallExpression | L.TableCallExpression {
  return e.type === 'CallExpression' || e.type === 'StringCallExpression' || e.type === 'TableCallExpression';
}

/** `ngx.socket.tcp` for get(get(global ngx, socket), tcp); null when the value is not a global path. */
function globalPath(v: SymValue): string | null {
  let root = v;
  while (root.t === 'get') root = root.base;
  if (root.t !== 'global') return null;
  let path = '';
  for (let cur = v; cur.t === 'get'; cur = cur.base) path = `.${cur.key}${path}`;
  return root.name + path;
}

/** ngx.exit's status argument when it says the request failed on the server side (5xx, ngx.ERROR). */
/** 4xx: the request is rejected (bad input, not found, forbidden), which an early branch does. */
function isClientErrorStatus(v: SymValue | undefined): boolean {
  if (!v) return false;
  if (v.t === 'const') return typeof v.v === 'number' && v.v >= 400 && v.v < 500;
  const name = globalPath(v);
  return name !== null && /^ngx\.HTTP_(BAD_REQUEST|UNAUTHORIZED|PAYMENT_REQUIRED|FORBIDDEN|NOT_FOUND|NOT_ALLOWED|NOT_ACCEPTABLE|REQUEST_TIMEOUT|CONFLICT|GONE|UPGRADE_REQUIRED|TOO_MANY_REQUESTS|CLOSE|ILLEGAL)$/.test(name);
}

function isServerErrorStatus(v: SymValue | undefined): boolean {
  if (!v) return false;
  if (v.t === 'const') return typeof v.v === 'number' && (v.v >= 500 || v.v === -1);
  const name = globalPath(v);
  return name !== null && /^ngx\.(ERROR|HTTP_(INTERNAL_SERVER_ERROR|NOT_IMPLEMENTED|BAD_GATEWAY|SERVICE_UNAVAILABLE|GATEWAY_TIMEOUT|INSUFFICIENT_STORAGE))$/.test(name);
}
