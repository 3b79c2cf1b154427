// What a pool-key builder sees of a connect call: its arguments and the client's constructor arguments,
// already evaluated by the linker into a few shapes. Builders never see the resolver or the facts.
import { familyKeyText, type PoolKey, type PoolOrigin, type PoolServer } from '../model/pool-key.ts';

export type KeyValue =
  /** A literal; null is nil. */
  | { kind: 'literal'; value: string | number | boolean | null }
  /** A value outside the project, known by a stable name (`ngx.var.host`, `${prefix}:6379`). */
  | { kind: 'symbol'; text: string; origin?: PoolOrigin }
  /** A table of the project: its fields, each evaluated on demand (undefined when the field is not set). */
  | { kind: 'table'; field(name: string): KeyValue | undefined }
  | { kind: 'unknown' };

export interface KeyInputs {
  /** The method that connects (`connect`, resty.http's `request_uri`), when known. */
  method?: string;
  /** Argument `i` of the connect call (after self); undefined when the call has fewer arguments. */
  arg(i: number): KeyValue | undefined;
  /** Argument `i` of the constructor that created the connected client (pgmoon.new{...}). */
  ownCtorArg(i: number): KeyValue | undefined;
  /** Argument `i` of the constructor of the client object passed as connect argument `argIndex`
   *  (resty.redis.connector's rc:connect()); null when that argument is not a client of the project. */
  ctorArgOfArg(argIndex: number, i: number): KeyValue | undefined | null;
}

/** How one kind of client names its pools and where its connect call takes its options. */
export interface PoolKeyBuilder {
  /** The pool key of a connect call, or null when it cannot be known (never guessed). */
  key(inputs: KeyInputs): PoolKey | null;
  /** The options table of a connect call (it may set pool_size), if the call has one. */
  options(inputs: KeyInputs): KeyValue | undefined;
}

/** One part of a key: its text, or null when unknown. */
export interface KeyPart {
  text: string;
  symbolic: boolean;
  /** It depends on parameters known only at runtime, of this origin. */
  origin?: PoolOrigin;
}

export function lit(value: string | number): KeyValue {
  return { kind: 'literal', value };
}

export function isAbsent(v: KeyValue | undefined): boolean {
  return v === undefined || (v.kind === 'literal' && v.value === null);
}

/** Strings and numbers as Lua prints them; symbols as `${name}`; anything else is unknown. */
export function keyPart(v: KeyValue | undefined): KeyPart | null {
  if (!v) return null;
  if (v.kind === 'literal' && (typeof v.value === 'string' || typeof v.value === 'number')) return { text: luaToString(v.value), symbolic: false };
  if (v.kind === 'symbol') return { text: v.text.includes('${') ? v.text : `\${${v.text}}`, symbolic: true, ...(v.origin ? { origin: v.origin } : {}) };
  return null;
}

export function luaToString(v: string | number): string {
  return typeof v === 'number' ? String(v) : v;
}

/** Parts joined with `:` (ngx_lua's "host:port" and the libraries' longer keys); null if any is unknown. */
export function joinKey(parts: ReadonlyArray<KeyPart | null>, server: (texts: string[]) => PoolServer): PoolKey | null {
  if (parts.some((p) => p === null)) return null;
  const ps = parts as KeyPart[];
  const texts = ps.map((p) => p.text);
  return keyOf(texts.join(':'), ps, server(texts));
}

/** A custom pool name. */
export function namedKey(part: KeyPart | null): PoolKey | null {
  return part && keyOf(part.text, [part], { kind: 'named' });
}

/** The key of parts: a family's when some depend on runtime parameters (of one origin: parts of two origins
 *  belong to no one family, and such a key is unknown). */
function keyOf(text: string, parts: readonly KeyPart[], server: PoolServer): PoolKey | null {
  const origins = [...new Map(parts.flatMap((p) => (p.origin ? [[p.origin.id, p.origin] as const] : []))).values()];
  if (origins.length > 1) return null;
  const symbolic = parts.some((p) => p.symbolic);
  if (origins.length === 0) return { text, symbolic, server };
  return { text: familyKeyText(text, origins[0]), symbolic, server, family: { expression: text, origin: origins[0] } };
}

export function tcp(host: string, port: string): PoolServer {
  return { kind: 'tcp', host, port };
}

/** The fields of a table value, or null when the value is not a known table. */
export function fieldsOf(v: KeyValue | undefined): ((name: string) => KeyValue | undefined) | null {
  return v?.kind === 'table' ? (name) => v.field(name) : null;
}

/** opts.pool when opts is given: a key, undefined when opts sets no pool, null when opts is unknowable. */
export function optsPool(opts: KeyValue | undefined): PoolKey | null | undefined {
  if (isAbsent(opts)) return undefined;
  if (opts!.kind !== 'table') return null;
  const pool = opts!.field('pool');
  if (isAbsent(pool)) return undefined;
  return namedKey(keyPart(pool));
}

/** A literal number, undefined when absent (or nil), null when not a known number. */
export function numberOf(v: KeyValue | undefined): number | null | undefined {
  if (isAbsent(v)) return undefined;
  return v!.kind === 'literal' && typeof v!.value === 'number' ? v!.value : null;
}

/** The value, unless it is absent or nil (an options argument that is not given). */
export function present(v: KeyValue | undefined): KeyValue | undefined {
  return isAbsent(v) ? undefined : v;
}
