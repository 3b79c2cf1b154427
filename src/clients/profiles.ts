// One profile per cosocket client library: how it is constructed, connected and released, and how
// ngx_lua (or the library on top of it) names the connection pool. Sources: docs/semantics.md §1-2.
// Rules and the interpreter read these; adding a client means adding data here (and, for a new kind of
// pool key, a builder in src/pool-keys/).
import type { PoolKeyRule } from '../pool-keys/builder-for.ts';
import type { ClientTraits, IdentityKind, IdentityMethod } from '../model/vocabulary.ts';

export type { PoolKeyRule };

export interface ClientProfile extends ClientTraits {
  /** Module name as written in `require`, or the global constructor path for raw sockets. */
  module: string;
  /** How the constructor is reached from the module value: `redis:new()`, `redis.new()`, `pgmoon.new{}`. */
  constructors: string[];
  /** Global functions that create the client (`ngx.socket.tcp()`): no require involved. */
  globalConstructors?: string[];
  /** Global functions that create the client and connect it in one call (`ngx.socket.connect(host, port)`). */
  globalConnectors?: string[];
  connectMethods: string[];
  keepaliveMethods: string[];
  closeMethods: string[];
  /** Position (after self) of the keepalive call's idle timeout and pool size arguments. */
  keepaliveTimeoutArg: number;
  keepalivePoolSizeArg: number;
  poolKey: PoolKeyRule;
  /** Methods that send a request and return a response whose body must be read before pooling. */
  requestMethods?: string[];
  /** Methods of such a response that read (or discard) its body: `res:read_body()`. */
  bodyReadMethods?: string[];
  /** Fields of such a response whose use reads its body: `res.body_reader`. */
  bodyReadFields?: string[];
  /** Methods that connect, request, read the body and release by themselves: they pool unless the options
   *  table (argument `optionsArg` after self) sets `keepaliveOption` to false, which closes instead. */
  selfReleasingMethods?: SelfReleasingMethod[];
  /** A method that returns a different, connected client object (resty.redis.connector's connect). The
   *  profile's keepalive methods then pool the produced client given as first argument, after sending it
   *  the `keepaliveSends` commands (the connector DISCARDs before set_keepalive). */
  producesClient?: { method: string; client: string; keepaliveSends: string[] };
  /** The object itself holds no socket (a connector's configuration): never shared-flagged. */
  holdsNoSocket?: boolean;
  /** Methods that set a timeout in milliseconds, with the positions (after self) of their ms arguments:
   *  `set_timeouts(connect, send, read)` → [0, 1, 2]. docs/semantics.md §12. */
  timeoutMethods?: TimeoutMethod[];
  /** Options tables whose fields are timeouts in milliseconds (docs/semantics.md §12.2). */
  timeoutOptions?: TimeoutOptions[];
  /** An identity the connect call itself establishes from its options table: when the option `when` is set
   *  (not nil, not false), the options `fields` (resty.redis: `ssl`, then a handshake with `server_name` and
   *  `ssl_verify`, which ngx_lua skips on a reused TLS connection). */
  connectIdentity?: { kind: IdentityKind; when: string; fields: readonly string[]; freshOnly?: true };
  /** Stands for libraries without a profile (UNPROFILED_RESTY): only their release calls are modelled. */
  unprofiled?: boolean;
}

export interface TimeoutMethod {
  method: string;
  msArgs: number[];
}

export interface TimeoutOptions {
  /** The method whose options table it is; `new` for the constructor. */
  method: string;
  /** Position of the table among the call's arguments (after self). */
  optionsArg: number;
  /** Fields that set a connect/send/read timeout, and fields that set the pool's idle time. */
  fields: string[];
  keepaliveFields: string[];
}

/** set_timeout(ms) and set_timeouts(connect_ms, send_ms, read_ms): the libraries hand them to the cosocket's
 *  settimeout/settimeouts unchanged. */
const SET_TIMEOUT: TimeoutMethod = { method: 'set_timeout', msArgs: [0] };
const SET_TIMEOUTS: TimeoutMethod = { method: 'set_timeouts', msArgs: [0, 1, 2] };

export interface SelfReleasingMethod {
  method: string;
  optionsArg: number;
  keepaliveOption: string;
}

const COMMON = {
  connectMethods: ['connect'],
  keepaliveMethods: ['set_keepalive'],
  closeMethods: ['close'],
  keepaliveTimeoutArg: 0,
  keepalivePoolSizeArg: 1,
};

export const CLIENT_PROFILES: readonly ClientProfile[] = [
  {
    ...COMMON,
    module: 'resty.redis',
    constructors: ['new'],
    poolKey: { kind: 'host-port', unixPrefixCaseSensitive: true },
    session: { select: ['select'], begin: ['multi'], end: ['exec', 'discard'], subscribe: ['subscribe', 'psubscribe'], unsubscribe: ['unsubscribe', 'punsubscribe'] },
    serverConfig: 'redis',
    timeoutMethods: [SET_TIMEOUT, SET_TIMEOUTS],
    // AUTH [username] password and SELECT db stay on the server-side connection (docs/semantics.md §4.6).
    identity: [
      { method: 'auth', kind: 'credentials' },
      { method: 'select', kind: 'database', args: [0] },
    ],
    reuseCountMethods: ['get_reused_times'],
    // connect(host, port, { ssl = true, server_name =, ssl_verify = }) handshakes after every connect (0.29+).
    connectIdentity: { kind: 'tls', when: 'ssl', fields: ['server_name', 'ssl_verify'], freshOnly: true },
  },
  { ...COMMON, module: 'resty.memcached', constructors: ['new'], poolKey: { kind: 'host-port', unixPrefixCaseSensitive: false }, timeoutMethods: [SET_TIMEOUT, SET_TIMEOUTS] },
  // Other cosocket drivers with resty.redis's shape: new(), connect(host, port[, opts]) handed to ngx_lua's
  // connect as is, set_keepalive(idle, size) / close() (lua-resty-ssdb, lua-resty-mongol,
  // lua-resty-beanstalkd, lua-resty-rabbitmqstomp; docs/semantics.md §1.10).
  ...['resty.ssdb', 'resty.mongol', 'resty.beanstalkd', 'resty.rabbitmqstomp'].map(
    (module): ClientProfile => ({ ...COMMON, module, constructors: ['new'], poolKey: { kind: 'host-port', unixPrefixCaseSensitive: false } }),
  ),
  // set_keepalive refuses outside the CONNECTED state: the library protects its pool.
  { ...COMMON, module: 'resty.mysql', constructors: ['new'], poolKey: { kind: 'mysql-options' }, timeoutMethods: [SET_TIMEOUT] },
  {
    ...COMMON,
    module: 'resty.http',
    constructors: ['new'],
    poolKey: { kind: 'http' },
    keepaliveAfterError: { why: "the connection's state is unknown" },
    requestMethods: ['request'],
    bodyReadMethods: ['read_body'],
    bodyReadFields: ['body_reader'],
    // The older form: connect(host, port) keys on host:port only, then ssl_handshake(session, server_name, verify).
    identity: [{ method: 'ssl_handshake', kind: 'tls', args: [1, 2], freshOnly: true }],
    reuseCountMethods: ['get_reused_times'],
    // request_uri(uri, params): params.keepalive == false closes instead of pooling.
    selfReleasingMethods: [{ method: 'request_uri', optionsArg: 1, keepaliveOption: 'keepalive' }],
    timeoutMethods: [SET_TIMEOUT, SET_TIMEOUTS],
    // request_uri pools with set_keepalive(params.keepalive_timeout, params.keepalive_pool).
    timeoutOptions: [{ method: 'request_uri', optionsArg: 1, fields: [], keepaliveFields: ['keepalive_timeout'] }],
  },
  {
    ...COMMON,
    module: 'pgmoon',
    constructors: ['new'],
    keepaliveMethods: ['keepalive'],
    closeMethods: ['disconnect'],
    poolKey: { kind: 'pgmoon-config' },
    // pgmoon:settimeout(ms) calls the socket's settimeout.
    timeoutMethods: [{ method: 'settimeout', msArgs: [0] }],
  },
  { ...COMMON, module: 'resty.websocket.client', constructors: ['new'], poolKey: { kind: 'websocket-uri' }, timeoutMethods: [SET_TIMEOUT] },
  {
    ...COMMON,
    module: 'resty.redis.connector',
    constructors: ['new'],
    connectMethods: [],
    closeMethods: [],
    poolKey: { kind: 'redis-connector' },
    producesClient: { method: 'connect', client: 'resty.redis', keepaliveSends: ['discard'] },
    holdsNoSocket: true,
    // new{ connect_timeout, send_timeout, read_timeout, keepalive_timeout }, all in ms [RC-README].
    timeoutOptions: [{ method: 'new', optionsArg: 0, fields: ['connect_timeout', 'send_timeout', 'read_timeout'], keepaliveFields: ['keepalive_timeout'] }],
  },
  {
    ...COMMON,
    module: 'ngx.socket.tcp',
    constructors: [],
    // ngx.socket.stream is an alias of ngx.socket.tcp.
    globalConstructors: ['ngx.socket.tcp', 'ngx.socket.stream'],
    globalConnectors: ['ngx.socket.connect'],
    keepaliveMethods: ['setkeepalive'],
    poolKey: { kind: 'host-port', unixPrefixCaseSensitive: false },
    timeoutMethods: [
      { method: 'settimeout', msArgs: [0] },
      { method: 'settimeouts', msArgs: [0, 1, 2] },
    ],
    // sslhandshake(reused_session, server_name, ssl_verify, ...) and setclientcert(cert, key): the TLS peer.
    identity: [
      { method: 'sslhandshake', kind: 'tls', args: [1, 2], freshOnly: true },
      { method: 'setclientcert', kind: 'tls', freshOnly: true },
    ],
    reuseCountMethods: ['getreusedtimes'],
    // A failed read (typically a timeout) leaves the socket open with the reply still to come.
    keepaliveAfterError: {
      failedOps: ['receive', 'receiveany', 'receiveuntil', 'read'],
      why: 'a read timeout leaves the socket open, and the late reply is what the next user of the pool reads first',
    },
  },
];

const BY_MODULE = new Map(CLIENT_PROFILES.map((p) => [p.module, p]));

/** The profile of a client library the analyzer models (not an unprofiled `resty.*` module). */
export function profileFor(module: string): ClientProfile | undefined {
  return BY_MODULE.get(module);
}

/** A `resty.*` library without a profile: its objects follow the cosocket conventions (connect,
 *  set_keepalive/setkeepalive, close) but how it pools, what else holds a socket and whether its new() is a
 *  cosocket at all are unknown. Only what the call itself says is reported (set_keepalive(0, ...)): the
 *  object is never called shared, never checked for phases, never left unreleased, and its pool is unknown. */
export const UNPROFILED_RESTY: ClientProfile = {
  ...COMMON,
  module: 'resty.*',
  constructors: ['new'],
  keepaliveMethods: ['set_keepalive', 'setkeepalive'],
  poolKey: { kind: 'unknown' },
  holdsNoSocket: true,
  unprofiled: true,
};

/** The profile that applies to objects of a client named `module`: its own, or UNPROFILED_RESTY for any
 *  other `resty.*` module. */
export function clientProfile(module: string): ClientProfile | undefined {
  return BY_MODULE.get(module) ?? (module.startsWith('resty.') ? UNPROFILED_RESTY : undefined);
}

const BY_GLOBAL = new Map<string, { profile: ClientProfile; connects: boolean }>();
for (const p of CLIENT_PROFILES) {
  for (const name of p.globalConstructors ?? []) BY_GLOBAL.set(name, { profile: p, connects: false });
  for (const name of p.globalConnectors ?? []) BY_GLOBAL.set(name, { profile: p, connects: true });
}

/** The client a global function creates (its globalConstructors) or creates and connects (globalConnectors). */
export function globalFactory(name: string): { profile: ClientProfile; connects: boolean } | undefined {
  return BY_GLOBAL.get(name);
}

/** The method-name fields of a profile: what a method call on a client does. */
export type ClientMethods = Pick<
  ClientProfile,
  'connectMethods' | 'keepaliveMethods' | 'closeMethods' | 'session' | 'requestMethods' | 'bodyReadMethods' | 'bodyReadFields' | 'selfReleasingMethods' | 'timeoutMethods' | 'identity' | 'reuseCountMethods'
>;

/** Every method any profile knows, for values whose library is only known after linking (a wrapper's
 *  result, a response): a method means what it means for the profile that has it. */
export const ANY_CLIENT: Required<ClientMethods> = {
  connectMethods: union((p) => p.connectMethods),
  keepaliveMethods: union((p) => p.keepaliveMethods),
  closeMethods: union((p) => p.closeMethods),
  session: {
    select: union((p) => p.session?.select),
    begin: union((p) => p.session?.begin),
    end: union((p) => p.session?.end),
    subscribe: union((p) => p.session?.subscribe),
    unsubscribe: union((p) => p.session?.unsubscribe),
  },
  requestMethods: union((p) => p.requestMethods),
  bodyReadMethods: union((p) => p.bodyReadMethods),
  bodyReadFields: union((p) => p.bodyReadFields),
  selfReleasingMethods: CLIENT_PROFILES.flatMap((p) => p.selfReleasingMethods ?? []),
  timeoutMethods: CLIENT_PROFILES.flatMap((p) => p.timeoutMethods ?? []),
  identity: [...new Map(CLIENT_PROFILES.flatMap((p) => p.identity ?? []).map((m) => [m.method, m])).values()],
  reuseCountMethods: union((p) => p.reuseCountMethods),
};

/** The identity a method of `profile` establishes, if it is one of its identity methods. */
export function identityMethod(profile: ClientTraits | undefined, method: string): IdentityMethod | undefined {
  return profile?.identity?.find((m) => m.method === method);
}

function union(names: (p: ClientProfile) => readonly string[] | undefined): string[] {
  return [...new Set(CLIENT_PROFILES.flatMap((p) => names(p) ?? []))];
}
