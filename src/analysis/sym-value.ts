// Abstract values as one file's analysis can know them. Plain JSON, so per-file facts can be cached
// and linked later; whatever depends on another file stays symbolic until the link step.

export type SymValue =
  | { t: 'const'; v: string | number | boolean | null }
  /** A table allocated in this file; its fields live in FileFacts.tables[id]. */
  | { t: 'table'; id: number }
  /** A function defined in this file: FileFacts.functions[id]. */
  | { t: 'fn'; id: number }
  /** The value `require(name)` returns. */
  | { t: 'require'; name: string }
  /** A free name (global), e.g. `ngx`. */
  | { t: 'global'; name: string }
  /** Parameter `index` of the function being summarized (0 = first argument, `self` for `:` methods). */
  | { t: 'param'; index: number }
  /** `base.key` where base is not a table of this file. */
  | { t: 'get'; base: SymValue; key: string }
  /** Lua `a .. b .. c`. */
  | { t: 'concat'; parts: SymValue[] }
  /** Result number `index` (0-based) of calling `callee` with `args` at `site`. */
  | { t: 'call'; callee: SymValue; args: SymValue[]; site: number; index: number }
  /** A client object created by a known client library's constructor at `site`. */
  | { t: 'obj'; client: string; site: number }
  /** Result `index` of method `method` called on a client-like value (for error-path guards). */
  | { t: 'op'; obj: string; method: string; index: number; site: number }
  /** Lua `left or right` with a constant default (`conf.redis_port or 6379`): left unless it is nil or false. */
  | { t: 'or'; left: SymValue; right: SymValue }
  /** One of several values, where control-flow paths with different values join. */
  | { t: 'phi'; options: SymValue[] }
  | { t: 'unknown' };

export const UNKNOWN: SymValue = { t: 'unknown' };

const NIL: SymValue = { t: 'const', v: null };
const TRUE: SymValue = { t: 'const', v: true };
const FALSE: SymValue = { t: 'const', v: false };

/** A parameter, a table or a function of the file, by index: one object each for the whole run, since values are
 *  never changed in place and a value's file is where it is read (synthetic-10000 made 67k of them, one per
 *  parameter, table constructor and function). */
const PARAMS: Array<Extract<SymValue, { t: 'param' }>> = [];
const TABLES: Array<Extract<SymValue, { t: 'table' }>> = [];
const FUNCTIONS: Array<Extract<SymValue, { t: 'fn' }>> = [];

export function paramValue(index: number): Extract<SymValue, { t: 'param' }> {
  return (PARAMS[index] ??= { t: 'param', index });
}

export function tableValue(id: number): Extract<SymValue, { t: 'table' }> {
  return (TABLES[id] ??= { t: 'table', id });
}

export function fnValue(id: number): Extract<SymValue, { t: 'fn' }> {
  return (FUNCTIONS[id] ??= { t: 'fn', id });
}

/** Values are never changed in place: nil, true and false are one object each. */
export function constant(v: string | number | boolean | null): SymValue {
  return v === null ? NIL : v === true ? TRUE : v === false ? FALSE : { t: 'const', v };
}

/** A stable identity for a value: two values with the same key denote the same thing. */
export function valueKey(v: SymValue): string {
  switch (v.t) {
    case 'const':
      return typeof v.v === 'string' ? JSON.stringify(v.v) : String(v.v);
    case 'table':
      return `table#${v.id}`;
    case 'fn':
      return `fn#${v.id}`;
    case 'require':
      return `require(${JSON.stringify(v.name)})`;
    case 'global':
      return v.name;
    case 'param':
      return `param#${v.index}`;
    case 'get':
      return `${valueKey(v.base)}.${v.key}`;
    case 'concat':
      return v.parts.map(valueKey).join('..');
    case 'call':
      return `call@${v.site}#${v.index}`;
    case 'obj':
      return `obj@${v.site}`;
    case 'op':
      return `op@${v.site}#${v.index}`;
    case 'or':
      return `or(${valueKey(v.left)}|${valueKey(v.right)})`;
    case 'phi':
      return `phi(${v.options.map(valueKey).join('|')})`;
    case 'unknown':
      return '?';
  }
}

const MAX_PHI_OPTIONS = 4;

/** The value of a variable where paths that gave it `a` and `b` join. */
export function joinValues(a: SymValue, b: SymValue): SymValue {
  // Values are never changed in place, and a variable no branch assigned holds the same object on both sides.
  if (a === b || valueKey(a) === valueKey(b)) return a;
  const options = new Map<string, SymValue>();
  for (const v of [a, b]) for (const o of v.t === 'phi' ? v.options : [v]) options.set(valueKey(o), o);
  if (options.size > MAX_PHI_OPTIONS) return UNKNOWN;
  return { t: 'phi', options: [...options.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, o]) => o) };
}

/** The value itself, or each option of a phi. */
export function optionsOf(v: SymValue): SymValue[] {
  return v.t === 'phi' ? v.options : [v];
}

/** Values that may denote a client object: tracked through a function's control flow. */
/** The slot of `ngx.ctx.<slot>`: per-request storage that one function fills and another reads. */
export function ctxSlot(v: SymValue): string | undefined {
  return v.t === 'get' && v.base.t === 'get' && v.base.key === 'ctx' && v.base.base.t === 'global' && v.base.base.name === 'ngx' ? v.key : undefined;
}

/** Field `key` of a table's fields (or of a file's globals). Own fields only: a Lua name such as `constructor`,
 *  `toString` or `__proto__` is not the JavaScript object's (inherited, it put a function or Object.prototype
 *  among the values, which no cache entry could hold). */
export function fieldOf(fields: Readonly<Record<string, SymValue>> | undefined, key: string): SymValue | undefined {
  return fields !== undefined && Object.hasOwn(fields, key) ? fields[key] : undefined;
}

/** Sets field `key` of a table's fields (or globals) as an own field, `__proto__` included (assigned, it would
 *  replace the object's prototype). */
export function setField(fields: Record<string, SymValue>, key: string, value: SymValue): void {
  if (key === '__proto__') Object.defineProperty(fields, key, { value, enumerable: true, writable: true, configurable: true });
  else fields[key] = value;
}

/** Where a table's metatable is kept among its fields: no Lua identifier can spell it. */
export const METATABLE_KEY = '\u0000metatable';

export function isTrackable(v: SymValue): boolean {
  if (v.t === 'obj' || v.t === 'call' || v.t === 'param') return true;
  if (ctxSlot(v) !== undefined) return true;
  if (v.t === 'get') return isTrackable(v.base);
  return false;
}
