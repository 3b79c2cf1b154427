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
  /** Equal exactly when ngx_lua's pool names are equal (for resty.http: when their inputs are). */
  text: string;
  /** Some part is known only as an expression (`${conf.redis_host}`). */
  symbolic: boolean;
  server: PoolServer;
}

/** A pool key as users write it: quoted literal, or the symbolic expression it depends on. */
export function describeKey(key: PoolKey): string {
  const text = bytesToUtf8(key.text);
  return key.symbolic ? `\`${text}\`` : `"${text}"`;
}

/** The TCP port a key names, when it is a literal number. */
export function literalPort(key: PoolKey | null): number | undefined {
  return key?.server.kind === 'tcp' && /^\d+$/.test(key.server.port) ? Number(key.server.port) : undefined;
}
