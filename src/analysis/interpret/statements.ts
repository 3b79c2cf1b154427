// Statements: structured control flow (branches, loops, goto, return) over Flow paths, assignments and
// where they let a tracked value escape or become shared, and function definitions.
import type * as L from 'luaparse';
import { UNKNOWN, constant, setField, valueKey, type SymValue } from '../sym-value.ts';
import { MAX_DEPTH, Scope, assign, constKey, declare, escape, escapeDeep, event, lazySite, newSite, pathEnd, span, type FnCtx, type LoopCtx } from './context.ts';
import { closure, evalCall, evalList, evaluate } from './evaluate.ts';
import { Flow, replace } from './flow.ts';
import { enterError, failureFlag, guards } from './guards.ts';
import { reuseGuards } from './reuse-guards.ts';

export function block(body: L.Statement[], flow: Flow, ctx: FnCtx, scope: Scope): void {
  if (ctx.file.depth > MAX_DEPTH) {
    // Too deep to follow: whatever happens inside may release or keep anything.
    for (const o of flow.objs.values()) o.status = new Set(['escaped']);
    return;
  }
  ctx.file.depth++;
  try {
    statements(body, flow, ctx, scope);
  } finally {
    ctx.file.depth--;
  }
}

function statements(body: L.Statement[], flow: Flow, ctx: FnCtx, scope: Scope): void {
  for (const st of body) {
    if (flow.dead && !(st.type === 'LabelStatement' && ctx.gotos.has(st.label.name))) continue;
    statement(st, flow, ctx, scope);
    if (flow.ended && !flow.dead) {
      ctx.ended[flow.ended] = true;
      if (flow.ended === 'exit') pathEnd(flow, ctx, 'exit', lazySite(ctx.file, () => span(st)));
      flow.dead = true;
    }
  }
}

function statement(st: L.Statement, flow: Flow, ctx: FnCtx, scope: Scope): void {
  switch (st.type) {
    case 'LocalStatement': {
      const values = evalList(st.init, flow, ctx, scope, st.variables.length);
      st.variables.forEach((v, i) => declare(ctx, scope, v.name, values[i] ?? constant(null), flow));
      return;
    }
    case 'AssignmentStatement': {
      const values = evalList(st.init, flow, ctx, scope, st.variables.length);
      st.variables.forEach((target, i) => {
        const value = values[i] ?? constant(null);
        const flag = target.type === 'Identifier' ? failureFlag(value, flow, () => newSite(ctx.file, span(target))) : undefined;
        assignTo(target as L.Expression, flag ?? value, flow, ctx, scope);
      });
      return;
    }
    case 'CallStatement':
      evalCall(st.expression as L.Expression, flow, ctx, scope, 0);
      return;
    case 'FunctionDeclaration':
      functionStatement(st, flow, ctx, scope);
      return;
    case 'ReturnStatement': {
      const values = evalList(st.arguments, flow, ctx, scope, st.arguments.length);
      if (flow.dead) return;
      const retSite = lazySite(ctx.file, () => span(st));
      for (const v of values) escapeDeep(flow, v, ctx, retSite, true);
      // concat: an exact-size array (most functions return once or twice; a pushed array keeps room for 16).
      const fn = ctx.file.facts.functions[ctx.id];
      fn.returns = fn.returns.concat([values]);
      // What a module hands out: the main chunk's last word, or a named value it returns from a branch. A table
      // built in a branch's return (`return { success = false }`) is a handler's answer, not a module.
      if (ctx.id === 0 && values[0] && (ctx.branchDepth === 0 || st.arguments[0]?.type !== 'TableConstructorExpression')) {
        ctx.file.moduleReturns.push(values[0]);
      }
      if (flow.ended) return; // `return ngx.exit(...)`: block() records the exit.
      ctx.ended.normal = true;
      // `return nil, err` is Lua's error return: a failure path, whatever failed.
      if (!isErrorReturn(values)) pathEnd(flow, ctx, 'return', retSite);
      flow.dead = true;
      return;
    }
    case 'IfStatement':
      ifStatement(st, flow, ctx, scope);
      return;
    case 'WhileStatement':
      evaluate(st.condition, flow, ctx, scope);
      loop(st.body, flow, ctx, new Scope(scope), undefined, alwaysTrue(st.condition));
      return;
    case 'RepeatStatement': {
      const inner = new Scope(scope);
      loop(st.body, flow, ctx, inner, () => evaluate(st.condition, flow, ctx, inner), alwaysFalse(st.condition));
      return;
    }
    case 'ForNumericStatement': {
      evaluate(st.start, flow, ctx, scope);
      evaluate(st.end, flow, ctx, scope);
      if (st.step) evaluate(st.step, flow, ctx, scope);
      const inner = new Scope(scope);
      declare(ctx, inner, st.variable.name, UNKNOWN, flow);
      loop(st.body, flow, ctx, inner);
      return;
    }
    case 'ForGenericStatement': {
      for (const it of st.iterators) evaluate(it, flow, ctx, scope);
      const inner = new Scope(scope);
      for (const v of st.variables) declare(ctx, inner, v.name, UNKNOWN, flow);
      loop(st.body, flow, ctx, inner);
      return;
    }
    case 'DoStatement':
      block(st.body, flow, ctx, new Scope(scope));
      return;
    case 'BreakStatement': {
      const current = ctx.loops[ctx.loops.length - 1];
      if (current) current.exits.push(flow.clone());
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

/** The body runs once, or not at all: the paths after the loop join both, with every `break`. */
/** A loop: the paths that skip it, leave it when its condition fails, and break out of it join after it.
 *  An endless loop (`while true`, `repeat ... until false`) is left only by its breaks: with none, nothing
 *  after it runs (a subscribe or websocket loop never reaches the function's end). */
function loop(body: L.Statement[], flow: Flow, ctx: FnCtx, scope: Scope, after?: () => void, endless = false): void {
  const here: LoopCtx = { exits: [] };
  const inBody = flow.clone();
  ctx.loops.push(here);
  ctx.branchDepth++;
  block(body, inBody, ctx, scope);
  ctx.branchDepth--;
  if (after && !inBody.dead) after();
  ctx.loops.pop();
  if (!endless) replace(flow, Flow.join([flow, inBody, ...here.exits]));
  else if (here.exits.length > 0) replace(flow, Flow.join(here.exits));
  else flow.dead = true;
}

/** A condition that is a truthy constant (`true`, a number, a string): Lua treats all of them as true. */
function alwaysTrue(e: L.Expression): boolean {
  return e.type === 'BooleanLiteral' ? e.value : e.type === 'NumericLiteral' || e.type === 'StringLiteral';
}

function alwaysFalse(e: L.Expression): boolean {
  return (e.type === 'BooleanLiteral' && !e.value) || e.type === 'NilLiteral';
}

/** What a condition guards on a path that tracks nothing (read only). */
const NO_GUARDS = { thenErr: new Map<string, string>(), elseErr: new Map<string, string>() };
const NO_FRESH = { thenFresh: new Set<string>(), elseFresh: new Set<string>() };

function ifStatement(st: L.IfStatement, flow: Flow, ctx: FnCtx, scope: Scope): void {
  const outs: Flow[] = [];
  let rest = flow;
  let hasElse = false;
  for (const clause of st.clauses) {
    if (clause.type === 'ElseClause') {
      hasElse = true;
      const branch = rest.clone();
      ctx.branchDepth++;
      block(clause.body, branch, ctx, new Scope(scope));
      ctx.branchDepth--;
      outs.push(branch);
      break;
    }
    ctx.file.inCondition = true;
    evaluate(clause.condition, rest, ctx, scope);
    ctx.file.inCondition = false;
    // Guards are about tracked values: a path that tracks none has none (most paths of most files).
    const tracking = rest.objs.size > 0;
    const guard = tracking ? guards(clause.condition, rest, ctx, scope) : NO_GUARDS;
    const fresh = tracking ? reuseGuards(clause.condition, rest, ctx, scope) : NO_FRESH;
    ctx.file.conditionCalls = undefined;
    const branch = rest.clone();
    enterError(branch, guard.thenErr);
    for (const k of fresh.thenFresh) branch.freshFor.add(k);
    ctx.branchDepth++;
    block(clause.body, branch, ctx, new Scope(scope));
    ctx.branchDepth--;
    outs.push(branch);
    // The path past this condition goes on in `rest` itself (nothing else holds it; the branch is a copy), as
    // a fresh path would: what the condition's calls ended is not carried on.
    rest.ended = null;
    rest.rejected = false;
    enterError(rest, guard.elseErr);
    for (const k of fresh.elseFresh) rest.freshFor.add(k);
  }
  if (!hasElse) outs.push(rest);
  replace(flow, Flow.join(outs));
}

function functionStatement(st: L.FunctionDeclaration, flow: Flow, ctx: FnCtx, scope: Scope): void {
  const id = st.identifier;
  if (st.isLocal && id && id.type === 'Identifier') {
    // `local function f` is visible inside its own body.
    const b = declare(ctx, scope, id.name, UNKNOWN, flow);
    const fn = closure(st, flow, ctx, scope, id.name, false);
    b.last = fn;
    flow.vals.set(b.id, fn);
    return;
  }
  if (!id) return;
  const hasSelf = id.type === 'MemberExpression' && id.indexer === ':';
  const fn = closure(st, flow, ctx, scope, nameOf(id), hasSelf);
  if (id.type === 'MemberExpression') {
    const owner = evaluate(id.base, flow, ctx, scope);
    if (owner.t === 'table' && fn.t === 'fn') ctx.file.facts.functions[fn.id].ownerTable = owner.id;
  }
  assignTo(id, fn, flow, ctx, scope);
}

function assignTo(target: L.Expression, value: SymValue, flow: Flow, ctx: FnCtx, scope: Scope): void {
  // Each use is a site of its own, made only if an event needs it.
  const site = () => newSite(ctx.file, span(target));
  const client = flow.tracks(value) || value.t === 'obj';
  if (target.type === 'Identifier') {
    const b = ctx.file.declared.has(target.name) ? scope.lookup(target.name) : undefined;
    if (b) {
      // A main-chunk local assigned from inside a function: one value for every request of the worker.
      if (client && b.fn === 0 && ctx.id !== 0) event(ctx, { kind: 'shared', fn: ctx.id, site: site(), target: value, how: 'upvalue' });
      // Stored in an enclosing function's variable: it outlives this call.
      if (b.fn !== ctx.id) escape(flow, value, ctx, site());
      assign(b, value, flow, ctx);
    } else {
      escape(flow, value, ctx, site()); // a global outlives the request
      if (ctx.id === 0) {
        setField((ctx.file.facts.globals ??= {}), target.name, value);
        // After module(): the main chunk's environment is the module table (see declareModule).
        if (ctx.file.moduleTable !== undefined) setField(ctx.file.facts.tables[ctx.file.moduleTable], target.name, value);
      }
    }
    return;
  }
  if (target.type === 'MemberExpression' || target.type === 'IndexExpression') {
    const base = evaluate(target.base, flow, ctx, scope);
    const key = target.type === 'MemberExpression' ? target.identifier.name : constKey(evaluate(target.index, flow, ctx, scope));
    if (base.t === 'table' && key !== undefined) setField(ctx.file.facts.tables[base.id], key, value);
    // A class made by a call (`Base:extend()`, `policy.new(...)`) and filled in by the main chunk.
    if (base.t === 'call' && key !== undefined && ctx.id === 0) setField(((ctx.file.facts.callFields ??= {})[valueKey(base)] ??= {}), key, value);
    if (key !== undefined && valueKey(base) === 'ngx.ctx' && (client || value.t === 'call' || isNilValue(value))) event(ctx, { kind: 'ctx-store', fn: ctx.id, site: site(), slot: key, target: value });
    if (client && base.t === 'table' && ctx.file.tableOwner[base.id] === 0) {
      event(ctx, { kind: 'shared', fn: ctx.id, site: site(), target: value, how: 'module-field' });
    }
    escapeDeep(flow, value, ctx, lazySite(ctx.file, () => span(target)));
  }
}

function isNilValue(v: SymValue): boolean {
  return v.t === 'const' && v.v === null;
}

function isErrorReturn(values: SymValue[]): boolean {
  const first = values[0];
  return values.length >= 2 && first?.t === 'const' && (first.v === null || first.v === false);
}

function nameOf(id: L.Identifier | L.MemberExpression): string {
  if (id.type === 'Identifier') return id.name;
  const base = id.base.type === 'Identifier' || id.base.type === 'MemberExpression' ? nameOf(id.base) : '?';
  return `${base}${id.indexer}${id.identifier.name}`;
}
