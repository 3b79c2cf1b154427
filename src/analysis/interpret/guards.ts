// Error-branch guards: which tracked values the branches of a condition are error paths for (`if not ok`,
// `if err`, `if not red`), and what entering such a branch does to them.
import type * as L from 'luaparse';
import { UNKNOWN, optionsOf, valueKey, type SymValue } from '../sym-value.ts';
import { read, type FnCtx, type Scope } from './context.ts';
import type { Flow } from './flow.ts';

/** Tracked value key -> the operation whose failure the branch handles. */
type GuardSets = { thenErr: Map<string, string>; elseErr: Map<string, string> };

/** Which tracked values a condition's branches are error paths for. */
export function guards(cond: L.Expression, flow: Flow, ctx: FnCtx, scope: Scope): GuardSets {
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
        for (const f of failuresOf(peek(str, flow, ctx, scope), flow, '')) {
          if (f.truthyMeansFailure) (negated ? elseErr : thenErr).set(f.key, f.op);
        }
      }
      return;
    }
    const name = e.type === 'Identifier' ? e.name : '';
    for (const failure of failuresOf(peek(e, flow, ctx, scope), flow, name)) {
      // A truthy success value (ok/res/red) means success; a truthy `err` means failure.
      const target = failure.truthyMeansFailure !== negated ? thenErr : elseErr;
      target.set(failure.key, failure.op);
    }
  };
  visit(cond, false, 0);
  return { thenErr, elseErr };
}

/** The path enters a branch that handles the failure of these values' operations. */
export function enterError(flow: Flow, keys: Map<string, string>): void {
  for (const [k, op] of keys) {
    flow.errorFor.set(k, op);
    const o = flow.objs.get(k);
    // Whatever the value was, after a failed operation its connection state is unknown.
    if (o && !o.status.has('escaped') && !o.status.has('passed')) o.status = new Set(['errored']);
  }
}

/** The value `true` assigned to a variable inside a branch that handles failed operations (`can_close = true`
 *  under `if not ok`): a flag that reports those failures, as their `err` would. A later `if can_close then
 *  sock:close() end` is then an error path too. Undefined outside such branches. */
export function failureFlag(value: SymValue, flow: Flow, site: () => number): SymValue | undefined {
  if (flow.errorFor.size === 0 || value.t !== 'const' || value.v !== true) return undefined;
  const at = site();
  const ops: SymValue[] = [...flow.errorFor].map(([obj, method]) => ({ t: 'op', obj, method, index: 1, site: at }));
  return ops.length === 1 ? ops[0] : { t: 'phi', options: ops };
}

/** Value of a simple expression: an identifier, or a call the condition's evaluation already made
 *  (`if not red:connect(...)`). */
export function peek(e: L.Expression, flow: Flow, ctx: FnCtx, scope: Scope): SymValue {
  if (e.type === 'Identifier') return read(e.name, flow, ctx, scope);
  return ctx.file.conditionCalls?.get(e) ?? UNKNOWN;
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
    if (o.t === 'obj' && flow.tracks(o)) out.push({ key: valueKey(o), op: 'new', truthyMeansFailure: false });
    if (o.t !== 'call') continue;
    // `local red, err = store.acquire()`: the first result is the value, the second its error; unless the
    // variable says it is a success flag (`local red, ok = pool.acquire()`).
    const first = valueKey({ ...o, index: 0 });
    const truthyMeansFailure = o.index >= 1 && !SUCCESS_NAME.test(name);
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

const SUCCESS_NAME = /^(ok|res|success|succeeded|connected)(_|$)/i;

function calleeLabel(v: SymValue): string {
  return v.t === 'get' ? v.key : v.t === 'global' ? v.name : 'call';
}
