// A connection pool's identity as the model speaks of it: the pool name ngx_lua computes (or a stable
// symbolic rendering of it) and the server it names. Built only by the clients' pool-key builders
// (src/clients/pool-keys/); nothing else parses key text.
import { bytesToUtf8 } from '../source/source-text.ts';

/** Where a pool's connections go, as far as the key tells. Host and port are key text: a literal as Lua
 *  prints it, or `${expr}` for a value known only symbolically. */
export type PoolServer =
  | { kind: 'tcp'; host: string; port: string }
  | { kind: 'unix'; path: string }
  /** A custom pool name (opts.pool, pgmoon's pool_name): the server is not part of the key. */
  | { kind: 'named' };

export interface PoolKey {
  /** Equal exactly when ngx_lua's pool names are equal (for resty.http: when their inputs are). A family's
   *  key text is its expression and its origin's id, so that two origins never share a key. */
  text: string;
  /** Some part is known only as an expression (`${conf.redis_host}`). */
  symbolic: boolean;
  server: PoolServer;
  /** The key depends on parameters known only at runtime (a plugin's `conf`, a helper's argument): every
   *  site reached with the same origin uses the same pool, whatever the configuration (docs/semantics.md §2.4). */
  family?: PoolFamily;
}

/** Where the runtime values of a family's key come from. */
export interface PoolOrigin {
  /** Stable identity: `plugin <file>` or `<file> <function>#<id>`. */
  id: string;
  /** plugin: the parameters of a plugin's phase methods (its configuration, the same for all of them);
   *  function: the parameters of one function, whatever its callers pass. */
  kind: 'plugin' | 'function';
  file: string;
  /** The function's display name (for a plugin, the phase method the value was first reached from). */
  function: string;
}

export interface PoolFamily {
  /** The key as an expression over the origin's parameters: `${conf.redis_host}:${conf.redis_port}`. */
  expression: string;
  origin: PoolOrigin;
}

/** A family's key text: the expression and where it comes from. */
export function familyKeyText(expression: string, origin: PoolOrigin): string {
  return `${expression} @ ${origin.id}`;
}

/** Where a family's values come from, as users read it: `plugin kong/plugins/x/handler.lua`. */
export function describeOrigin(origin: PoolOrigin): string {
  return origin.kind === 'plugin' ? `plugin ${origin.file}` : `${origin.function}() in ${origin.file}`;
}

/** A pool key as users write it: quoted literal, or the symbolic expression it depends on (for a family, its
 *  expression: familyNote says where its values come from). */
export function describeKey(key: PoolKey): string {
  const text = bytesToUtf8(key.family ? key.family.expression : key.text);
  return key.symbolic ? `\`${text}\`` : `"${text}"`;
}

/** For a family's key, a sentence saying where its values come from and why its sites share a pool; else ''. */
export function familyNote(key: PoolKey): string {
  if (!key.family) return '';
  const { origin } = key.family;
  const what = origin.kind === 'plugin' ? `the configuration of ${describeOrigin(origin)}` : `the arguments of ${describeOrigin(origin)}`;
  return `The key depends on ${what}: whatever its value, every site reached with it uses one pool. `;
}
/** The TCP port a key names, when it is a literal number. */
export function literalPort(key: PoolKey | null): number | undefined {
  return key?.server.kind === 'tcp' && /^\d+$/.test(key.server.port) ? Number(key.server.port) : undefined;
}
