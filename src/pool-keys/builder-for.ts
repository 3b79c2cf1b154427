// Which pool-key builder a client profile's `poolKey` rule names. Adding a kind of key: a builder in this
// folder, a PoolKeyRule kind and a case here (the switch is exhaustive).
import type { PoolKeyBuilder } from './key-value.ts';
import { hostPortKeys } from './host-port.ts';
import { httpKeys } from './http.ts';
import { mysqlKeys } from './mysql.ts';
import { pgmoonKeys } from './pgmoon.ts';
import { redisConnectorKeys } from './redis-connector.ts';
import { websocketKeys } from './websocket.ts';

const HOST_PORT = hostPortKeys({ unixPrefixCaseSensitive: true });
const HOST_PORT_ANY_CASE = hostPortKeys({ unixPrefixCaseSensitive: false });

/** How a client library names its pools (docs/semantics.md §1-2). */
export type PoolKeyRule =
  /** connect(host, port, opts?) or connect("unix:/path", opts?): opts.pool, else "host:port" or the unix string. */
  | { kind: 'host-port'; unixPrefixCaseSensitive: boolean }
  /** connect{host=, port=3306, path=, user=, database=, pool=}: pool, else "user:database:host:port" or "user:database:path". */
  | { kind: 'mysql-options' }
  /** connect{scheme=, host=, port=, pool=, ssl_server_name=, ssl_verify=} (table form) or the host-port form. */
  | { kind: 'http' }
  /** pgmoon.new{host=, port=, database=, user=, pool_name=}; connect() takes no arguments. */
  | { kind: 'pgmoon-config' }
  /** connect("ws://host:port/path", opts?): opts.pool, else "host:port" with 80/443 by scheme. */
  | { kind: 'websocket-uri' }
  /** resty.redis.connector: rc:connect(params) merged over new(config): url, host/port, path, connection_options.pool. */
  | { kind: 'redis-connector' }
  /** A library whose pool naming is not modelled: the key is unknown. */
  | { kind: 'unknown' };

const UNKNOWN_KEYS: PoolKeyBuilder = { key: () => null, options: () => undefined };

export function poolKeyBuilder(rule: PoolKeyRule): PoolKeyBuilder {
  switch (rule.kind) {
    case 'host-port':
      return rule.unixPrefixCaseSensitive ? HOST_PORT : HOST_PORT_ANY_CASE;
    case 'mysql-options':
      return mysqlKeys;
    case 'http':
      return httpKeys;
    case 'pgmoon-config':
      return pgmoonKeys;
    case 'websocket-uri':
      return websocketKeys;
    case 'redis-connector':
      return redisConnectorKeys;
    case 'unknown':
      return UNKNOWN_KEYS;
  }
}
