// One profile per cosocket client library: how it is constructed, connected and released, and how
// ngx_lua (or the library on top of it) names the connection pool. Sources: shared/docs/semantics.md §1-2.

export type PoolKeyRule =
  /** connect(host, port, opts?) or connect("unix:/path", opts?): opts.pool, else "host:port" or the unix string. */
  | { kind: 'host-port'; unixPrefixCaseSensitive: boolean }
  /** connect{host=, port=3306, path=, user=, database=, pool=}: pool, else "user:database:host:port" or "user:database:path". */
  | { kind: 'mysql-options' };

export interface ClientProfile {
  /** Module name as written in `require`, or the global constructor path for raw sockets. */
  module: string;
  /** How the constructor is reached from the module value: `redis:new()` / `redis.new()`. */
  constructors: string[];
  connectMethods: string[];
  keepaliveMethods: string[];
  closeMethods: string[];
  /** Index (0-based, counting self) of set_keepalive's idle-timeout and pool-size arguments. */
  keepaliveTimeoutArg: number;
  keepalivePoolSizeArg: number;
  poolKey: PoolKeyRule;
}

const HOST_PORT_SENSITIVE: PoolKeyRule = { kind: 'host-port', unixPrefixCaseSensitive: true };

export const CLIENT_PROFILES: readonly ClientProfile[] = [
  {
    module: 'resty.redis',
    constructors: ['new'],
    connectMethods: ['connect'],
    keepaliveMethods: ['set_keepalive'],
    closeMethods: ['close'],
    keepaliveTimeoutArg: 1,
    keepalivePoolSizeArg: 2,
    poolKey: HOST_PORT_SENSITIVE,
  },
  {
    module: 'resty.memcached',
    constructors: ['new'],
    connectMethods: ['connect'],
    keepaliveMethods: ['set_keepalive'],
    closeMethods: ['close'],
    keepaliveTimeoutArg: 1,
    keepalivePoolSizeArg: 2,
    poolKey: { kind: 'host-port', unixPrefixCaseSensitive: false },
  },
  {
    module: 'resty.mysql',
    constructors: ['new'],
    connectMethods: ['connect'],
    keepaliveMethods: ['set_keepalive'],
    closeMethods: ['close'],
    keepaliveTimeoutArg: 1,
    keepalivePoolSizeArg: 2,
    poolKey: { kind: 'mysql-options' },
  },
  {
    module: 'ngx.socket.tcp',
    constructors: [],
    connectMethods: ['connect'],
    keepaliveMethods: ['setkeepalive'],
    closeMethods: ['close'],
    keepaliveTimeoutArg: 1,
    keepalivePoolSizeArg: 2,
    poolKey: { kind: 'host-port', unixPrefixCaseSensitive: false },
  },
];

const BY_MODULE = new Map(CLIENT_PROFILES.map((p) => [p.module, p]));

export function profileFor(module: string): ClientProfile | undefined {
  return BY_MODULE.get(module);
}

/** Global constructor paths that create a raw cosocket. */
export const RAW_SOCKET_CONSTRUCTORS: Record<string, string> = {
  'ngx.socket.tcp': 'ngx.socket.tcp',
  'ngx.socket.stream': 'ngx.socket.tcp',
};

/** Every release method name any profile knows, for values whose library is only known after linking. */
export const ANY_KEEPALIVE = new Set(CLIENT_PROFILES.flatMap((p) => p.keepaliveMethods));
export const ANY_CLOSE = new Set(CLIENT_PROFILES.flatMap((p) => p.closeMethods));
export const ANY_CONNECT = new Set(CLIENT_PROFILES.flatMap((p) => p.connectMethods));
