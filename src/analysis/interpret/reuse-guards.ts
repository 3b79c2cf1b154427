// Reuse guards: conditions on how often a connection was taken from the pool (`red:get_reused_times() == 0`,
// `if sock:getreusedtimes() > 0 then return end`). Inside the branch they select, the path runs only on a fresh
// connection: what it establishes there (AUTH, SELECT, a TLS handshake) a reused connection never gets.
import type * as L from 'luaparse';
import { ANY_CLIENT } from '../../clients/profiles.ts';
import { optionsOf } from '../sym-value.ts';
import type { FnCtx, Scope } from './context.ts';
import type { Flow } from './flow.ts';
import { peek } from './guards.ts';

/** Tracked value keys whose connection is fresh on the condition's then and else branches. */
export interface FreshSets {
  thenFresh: Set<string>;
  elseFresh: Set<string>;
}

const NONE = (): FreshSets => ({ thenFresh: new Set(), elseFresh: new Set() });

export function reuseGuards(cond: L.Expression, flow: Flow, ctx: FnCtx, scope: Scope): FreshSets {
  const visit = (e: L.Expression, depth: number): FreshSets => {
    if (depth > 20) return NONE();
    if (e.type === 'UnaryExpression' && e.operator === 'not') {
      const inner = visit(e.argument, depth + 1);
      return { thenFresh: inner.elseFresh, elseFresh: inner.thenFresh };
    }
    if (e.type === 'LogicalExpression') {
      const l = visit(e.left, depth + 1);
      const r = visit(e.right, depth + 1);
      // `a and b` holds when both do; `a or b` fails when both fail. A nil test of the count (`not n or n == 0`)
      // adds nothing either way.
      return e.operator === 'and'
        ? { thenFresh: union(l.thenFresh, r.thenFresh), elseFresh: new Set() }
        : { thenFresh: orBoth(e, l.thenFresh, r.thenFresh, flow, ctx, scope), elseFresh: union(l.elseFresh, r.elseFresh) };
    }
    if (e.type !== 'BinaryExpression') return NONE();
    const num = (x: L.Expression) => (x.type === 'NumericLiteral' ? x.value : undefined);
    const [count, n, op] = num(e.right) !== undefined ? [e.left, num(e.right)!, e.operator] : num(e.left) !== undefined ? [e.right, num(e.left)!, flip(e.operator)] : [null, 0, ''];
    if (!count) return NONE();
    const objs = countedObjects(count, flow, ctx, scope);
    if (objs.size === 0) return NONE();
    // Fresh means the count is 0; which side of the comparison says so.
    const zeroOnThen = (op === '==' && n === 0) || (op === '<' && n === 1) || (op === '<=' && n === 0);
    const zeroOnElse = (op === '~=' && n === 0) || (op === '>' && n === 0) || (op === '>=' && n === 1);
    return { thenFresh: zeroOnThen ? objs : new Set(), elseFresh: zeroOnElse ? objs : new Set() };
  };
  return visit(cond, 0);
}

/** The tracked objects whose reuse count an expression is. */
function countedObjects(e: L.Expression, flow: Flow, ctx: FnCtx, scope: Scope): Set<string> {
  const out = new Set<string>();
  for (const o of optionsOf(peek(e, flow, ctx, scope))) {
    if (o.t === 'op' && o.index === 0 && ANY_CLIENT.reuseCountMethods.includes(o.method) && flow.objs.has(o.obj)) out.add(o.obj);
  }
  return out;
}

function orBoth(e: L.LogicalExpression, l: Set<string>, r: Set<string>, flow: Flow, ctx: FnCtx, scope: Scope): Set<string> {
  const nilTest = (x: L.Expression): Set<string> | null => {
    const inner = x.type === 'UnaryExpression' && x.operator === 'not' ? x.argument : null;
    return inner ? countedObjects(inner, flow, ctx, scope) : null;
  };
  const ln = nilTest(e.left);
  const rn = nilTest(e.right);
  if (ln && ln.size > 0) return r;
  if (rn && rn.size > 0) return l;
  return new Set([...l].filter((k) => r.has(k)));
}

function union(a: Set<string>, b: Set<string>): Set<string> {
  return new Set([...a, ...b]);
}

function flip(op: string): string {
  return op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : op;
}
