// Whether a value read back from the facts cache really has the shape of FileFacts (or of a cached syntax
// error), with every index it holds (functions, tables, sites) in range: the linker trusts facts completely, so
// a crafted or damaged entry must be refused before it gets there. Not proof that the facts are right for the
// file: that is what the cache's key and digest are for (src/project/facts-cache.ts).
import type { FileFacts } from './file-facts.ts';

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: Json, min = 0): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;
const isString = (v: Json): v is string => typeof v === 'string';
const isBool = (v: Json): v is boolean => typeof v === 'boolean';
const optional = (v: Json, ok: (v: Json) => boolean) => v === undefined || ok(v);
const arrayOf = (v: Json, ok: (item: Json) => boolean) => Array.isArray(v) && v.every(ok);

/** The ranges indexes must fall in. */
interface Bounds {
  functions: number;
  tables: number;
  sites: number;
}

/** A cached entry's value: `{ facts }` or `{ syntaxError: { offset, message } }`, and nothing else. */
export function isCachedFactsValue(v: Json): boolean {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  if (keys.length !== 1) return false;
  if (keys[0] === 'syntaxError') {
    const e = v.syntaxError;
    return isObject(e) && isInt(e.offset) && isString(e.message);
  }
  return keys[0] === 'facts' && isFileFacts(v.facts);
}

export function isFileFacts(v: Json): v is FileFacts {
  if (!isObject(v)) return false;
  if (!Array.isArray(v.functions) || !Array.isArray(v.tables) || !Array.isArray(v.sites)) return false;
  const b: Bounds = { functions: v.functions.length, tables: v.tables.length, sites: v.sites.length / 2 };
  const value = (x: Json) => isSymValue(x, b, 0);
  const fields = (x: Json) => isFields(x, b);
  return (
    isBool(v.returnsValue) &&
    value(v.exports) &&
    optional(v.moduleShaped, (x) => x === true) &&
    optional(v.globals, fields) &&
    optional(v.moduleName, isString) &&
    optional(v.callFields, (x) => isObject(x) && Object.values(x).every(fields)) &&
    arrayOf(v.requires, isString) &&
    v.functions.every((f, i) => isFunction(f, i, b)) &&
    v.tables.every(fields) &&
    isFlatSpans(v.sites) &&
    arrayOf(v.events, (e) => isEvent(e, b)) &&
    optional(v.libraryCalls, (x) => arrayOf(x, (c) => isLibraryCall(c, b)))
  );
}

function isLibraryCall(v: Json, b: Bounds): boolean {
  if (!isObject(v) || !below(b.functions)(v.fn) || !below(b.sites)(v.site)) return false;
  if (v.kind === 'blocking') return isString(v.name) && isString(v.library);
  if (v.kind === 'yield') return isString(v.name);
  return v.kind === 'c-callback' && isString(v.callee) && below(b.functions)(v.callback);
}

/** A table's fields (or globals): every value a SymValue. */
function isFields(x: Json, b: Bounds): boolean {
  if (!isObject(x)) return false;
  for (const k in x) if (!isSymValue(x[k], b, 0)) return false;
  return true;
}

/** Start and end offsets, two by two (FileFacts.sites). */
function isFlatSpans(v: Json[]): boolean {
  if (v.length % 2 !== 0) return false;
  for (let i = 0; i < v.length; i += 2) {
    const start = v[i];
    const end = v[i + 1];
    if (!isInt(start) || !isInt(end) || start > end) return false;
  }
  return true;
}

const below = (n: number) => (v: Json) => isIndex(v, n);

/** An index into a list of `n` (functions, tables, sites). */
function isIndex(v: Json, n: number): boolean {
  return isInt(v) && v < n;
}

function isFunction(v: Json, index: number, b: Bounds): boolean {
  if (!isObject(v)) return false;
  const value = (x: Json) => isSymValue(x, b, 0);
  return (
    v.id === index &&
    isString(v.name) &&
    (v.parent === -1 || below(b.functions)(v.parent)) &&
    isInt(v.paramCount) &&
    optional(v.params, (x) => arrayOf(x, isString)) &&
    isInt(v.spanStart) &&
    isInt(v.spanEnd) &&
    v.spanStart <= v.spanEnd &&
    optional(v.ownerTable, below(b.tables)) &&
    arrayOf(v.returns, (r) => arrayOf(r, value)) &&
    optional(v.ends, (x) => x === 'exit' || x === 'error') &&
    optional(v.defers, (x) => arrayOf(x, isInt)) &&
    optional(v.invokes, (x) => arrayOf(x, isInt))
  );
}

/** SymValues nest (get, concat, call, phi); a depth beyond any the interpreter builds is refused. */
const MAX_DEPTH = 200;

function isSymValue(v: Json, b: Bounds, depth: number): boolean {
  // The most called check of a cache read: no closure per value (one per nested value was a third of it).
  if (!isObject(v) || depth > MAX_DEPTH) return false;
  const d = depth + 1;
  switch (v.t) {
    case 'const':
      return v.v === null || isString(v.v) || isBool(v.v) || typeof v.v === 'number';
    case 'table':
      return isIndex(v.id, b.tables);
    case 'fn':
      return isIndex(v.id, b.functions);
    case 'require':
    case 'global':
      return isString(v.name);
    case 'param':
      return isInt(v.index);
    case 'get':
      return isSymValue(v.base, b, d) && isString(v.key);
    case 'concat':
      return isValues(v.parts, b, d);
    case 'call':
      return isSymValue(v.callee, b, d) && isValues(v.args, b, d) && isIndex(v.site, b.sites) && isInt(v.index);
    case 'obj':
      return isString(v.client) && isIndex(v.site, b.sites);
    case 'op':
      return isString(v.obj) && isString(v.method) && isInt(v.index) && isIndex(v.site, b.sites);
    case 'or':
      return isSymValue(v.left, b, d) && isSymValue(v.right, b, d);
    case 'phi':
      return isValues(v.options, b, d);
    case 'unknown':
      return true;
    default:
      return false;
  }
}

function isValues(v: Json, b: Bounds, depth: number): boolean {
  if (!Array.isArray(v)) return false;
  for (const x of v) if (!isSymValue(x, b, depth)) return false;
  return true;
}

function isSession(v: Json): boolean {
  return isObject(v) && (v.db === undefined || v.db === null || isString(v.db)) && isBool(v.multi) && optional(v.subscribed, (x) => x === true);
}

const PATH_ENDS: readonly Json[] = ['return', 'end', 'exit'];
const SHARED_HOWS: readonly Json[] = ['module-level', 'upvalue', 'module-field', 'timer-arg', 'timer-upvalue'];

function isEvent(v: Json, b: Bounds): boolean {
  if (!isObject(v) || !isIndex(v.fn, b.functions) || !isIndex(v.site, b.sites)) return false;
  const value = (x: Json) => isSymValue(x, b, 0);
  const sites = (x: Json) => arrayOf(x, below(b.sites));
  const target = value(v.target);
  switch (v.kind) {
    case 'new':
      return target && isString(v.client) && arrayOf(v.args, value);
    case 'connect':
      return target && isString(v.method) && arrayOf(v.args, value) && isBool(v.errorPath) && optional(v.keyRule, isString);
    case 'release':
      return (
        target &&
        (v.mode === 'long' || v.mode === 'short') &&
        isString(v.method) &&
        arrayOf(v.args, value) &&
        isBool(v.errorPath) &&
        optional(v.errorOp, isString) &&
        isSession(v.session) &&
        isBool(v.unreadBody) &&
        optional(v.implicit, isBool) &&
        optional(v.after, sites)
      );
    case 'pass':
      return (
        target &&
        value(v.callee) &&
        isInt(v.argIndex) &&
        isBool(v.selfCall) &&
        isBool(v.errorPath) &&
        optional(v.errorOp, isString) &&
        optional(v.args, (x) => arrayOf(x, value)) &&
        optional(v.subscribed, (x) => x === true)
      );
    case 'unreleased':
      return (
        target &&
        PATH_ENDS.includes(v.end) &&
        optional(v.ifEnds, value) &&
        sites(v.passSites) &&
        sites(v.connectSites) &&
        isSession(v.session) &&
        optional(v.early, (x) => x === true) &&
        optional(v.afterFailureOf, isString)
      );
    case 'method':
      return target && isString(v.method) && arrayOf(v.args, value) && isBool(v.errorPath) && optional(v.fresh, (f) => f === true);
    case 'use-after-release':
      return target && isString(v.method) && sites(v.previous) && isBool(v.reconnect);
    case 'call':
      return (
        value(v.callee) &&
        optional(v.callbacks, (x) => arrayOf(x, below(b.functions))) &&
        optional(v.deferred, (d) => d === true) &&
        optional(v.callbackArgs, (x) => arrayOf(x, isInt)) &&
        optional(v.forwards, (x) => arrayOf(x, (p) => Array.isArray(p) && p.length === 2 && isInt(p[0]) && isInt(p[1])))
      );
    case 'escape':
      return target;
    case 'ctx-store':
      return target && isString(v.slot);
    case 'shared':
      return target && SHARED_HOWS.includes(v.how) && optional(v.via, isString);
    default:
      return false;
  }
}
