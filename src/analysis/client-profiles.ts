// One profile per cosocket client library: how it is constructed, connected and released, and how
// ngx_lua (or the library on top of it) names the connection pool. Sources: shared/docs/semantics.md §1-2.
// Rules and the interpreter read these; adding a client means adding data here (and, for a new kind of
// pool key, a builder in src/pool-keys/).
import type { PoolKeyRule } from '../pool-keys/builder-for.ts';
import type { ClientTraits } from '../model/vocabulary.ts';

export type { PoolKeyRule };

export interface ClientProfile extends ClientTraits {
  /** Module name as written in `require`, or the global constructor path for raw sockets. */
  module: string;
  /** How the constructor is reached from the module value: `redis:new()`, `redis.new()`, `pgmoon.new{}`. */
  constructors: string[];
  connectMethods: string[];
  keepaliveMethods: string[];
  closeMethods: string[];
  /** Position (after self) of the keepalive call's idle timeout and pool size arguments. */
  keepaliveTimeoutArg: number;
  keepalivePoolSizeArg: number;
  poolKey: PoolKeyRule;
  /** resty.http: methods that send a request and return a response whose body must be read before pooling. */
  requestMethods?: string[];
  /** resty.http: methods that read (or discard) the response body. */
  bodyReadMethods?: string[];
  /** Methods that connect, do their work and release by themselves (resty.http request_uri). */
  selfReleasingMethods?: string[];
  /** Methods that return a different, connected client object (resty.redis.connector's connect). */
  producesClient?: { method: string; client: string };
  /** The object itself holds no socket (a connector's configuration): never shared-flagged. */
  holdsNoSocket?: boolean;
}

const COMMON = {
  connectMethods: ['connect'],
  keepaliveMethods: ['set_keepalive'],
  closeMethods: ['close'],
  keepaliveTimeoutArg: 0,
  keepalivePoolSizeArg: 1,
  redisSession: false,
};

export const CLIENT_PROFILES: readonly ClientProfile[] = [
  {
    ...COMMON,
    module: 'resty.redis',
    constructors: ['new'],
    poolKey: { kind: 'host-port', unixPrefixCaseSensitive: true },
    // A read timeout makes resty.redis close the socket itself; error replies leave it usable.
    redisSession: true,
    serverConfig: 'redis',
  },
  { ...COMMON, module: 'resty.memcached', constructors: ['new'], poolKey: { kind: 'host-port', unixPrefixCaseSensitive: false } },
  // set_keepalive refuses outside the CONNECTED state: the library protects its pool.
  { ...COMMON, module: 'resty.mysql', constructors: ['new'], poolKey: { kind: 'mysql-options' } },
  {
    ...COMMON,
    module: 'resty.http',
    constructors: ['new'],
    poolKey: { kind: 'http' },
    keepaliveAfterError: { why: "the connection's state is unknown" },
    requestMethods: ['request'],
    bodyReadMethods: ['read_body', 'body_reader'],
    selfReleasingMethods: ['request_uri'],
  },
  {
    ...COMMON,
    module: 'pgmoon',
    constructors: ['new'],
    keepaliveMethods: ['keepalive'],
    closeMethods: ['disconnect'],
    poolKey: { kind: 'pgmoon-config' },
  },
  { ...COMMON, module: 'resty.websocket.client', constructors: ['new'], poolKey: { kind: 'websocket-uri' } },
  {
    ...COMMON,
    module: 'resty.redis.connector',
    constructors: ['new'],
    connectMethods: [],
    closeMethods: [],
    poolKey: { kind: 'redis-connector' },
    producesClient: { method: 'connect', client: 'resty.redis' },
    holdsNoSocket: true,
  },
  {
    ...COMMON,
    module: 'ngx.socket.tcp',
    constructors: [],
    keepaliveMethods: ['setkeepalive'],
    poolKey: { kind: 'host-port', unixPrefixCaseSensitive: false },
    // A failed read (typically a timeout) leaves the socket open with the reply still to come.
    keepaliveAfterError: {
      failedOps: ['receive', 'receiveany', 'receiveuntil', 'read'],
      why: 'a read timeout leaves the socket open, and the late reply is what the next user of the pool reads first',
    },
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
