// The linked, whole-project view that rules read. Rules never see ASTs.
import type { SourceSpan } from '../core/findings.ts';
import type { PoolKey } from './pool-key.ts';
import type { ClientTraits, IdentityKind, PathEnd, SessionState, SharedHow } from './vocabulary.ts';

/** An nginx directive that runs a Lua chunk (`content_by_lua_block`, `log_by_lua_file`, ...), or a gateway
 *  plugin's method that its gateway runs in a phase (`handler:log` of a Kong plugin). */
export interface EntryPoint {
  /** The directive's name, or the plugin method's name as written (`MyHandler:log`). */
  directive: string;
  phase: string;
  cosocketAllowed: boolean;
  location: SourceSpan;
  /** The function of the unit that runs (its id in the unit's facts); absent: the unit's main chunk. */
  fn?: number;
  /** Set for a plugin method: the gateway, and where that gateway calls the method (src/gateways/). */
  plugin?: { gateway: string; calledBy: string };
  /** An nginx directive's context: whether a `resolver` is in force there (set in its location, server or
   *  http block; null: unknown, an include that was not read may set it), and its enclosing server block.
   *  Absent for plugin methods (their nginx.conf is unknown). */
  nginx?: { resolver: boolean | null; server?: SourceSpan };
}

/** One analyzed Lua chunk: a .lua file, or Lua inside an nginx.conf directive. */
export interface CodeUnit {
  /** Module-resolution path relative to the working directory, `/`-separated (a .lua file's own path,
   *  or `nginx.conf:LINE:COL` for inline Lua). */
  readonly path: string;
  /** Required by another unit and returns a value: its top level runs once per worker. */
  readonly isModule: boolean;
  /** Directives that run this chunk per request (or per phase). */
  readonly entries: readonly EntryPoint[];
  /** The units it requires, resolved among the project's units, in first-require order. */
  readonly requires: readonly string[];
}

/** Where in the code something about a client object happens. */
export interface ClientSite {
  /** Client library profile (`resty.redis`, `ngx.socket.tcp`, ...). */
  client: string;
  location: SourceSpan;
  unit: string;
  functionName: string;
}

export type PoolUseMode = 'long' | 'short' | 'unreleased';

/** One place where connections of a pool are handed back (long), closed (short) or left to request cleanup. */
export interface PoolUse extends ClientSite {
  /** null when the pool cannot be known (never guessed): such uses match no other. */
  key: PoolKey | null;
  mode: PoolUseMode;
  /** On a branch guarded by a failed operation on the client (`if not ok then red:close() end`). */
  errorPath: boolean;
  /** The failed operation that guards that branch. */
  errorOp?: string;
  /** Where the path ended without a release (unreleased only). */
  pathEnd?: SourceSpan;
  /** Unreleased on an early return or exit inside a branch, not at the function's main end. */
  early?: true;
  /** That branch handles the failure of another operation (another backend, a subrequest). */
  afterFailureOf?: string;
  /** Method or wrapper that released it (`set_keepalive`, `close`, `store.release`). */
  via: string;
  /** set_keepalive's idle timeout in ms: a number, undefined when omitted (lua_socket_keepalive_timeout), null unknown. */
  timeoutMs?: number | null;
  /** set_keepalive's pool size: a number, undefined when omitted, null unknown. */
  poolSize?: number | null;
  /** Released through a wrapper whose keepalive call writes the timeout itself (not from this call's
   *  arguments): the wrapper's own call is where that value is judged. */
  timeoutInWrapper?: true;
  session: SessionState;
  /** resty.http: the response body may be unread when it is pooled. */
  unreadBody: boolean;
  /** Released by a library call that pools by itself (`request_uri`). */
  implicit: boolean;
}

/** A keepalive call inside a wrapper, on a client its callers pass in (`function close_redis(red)
 *  red:set_keepalive(0, 100) end`): its pool is the callers' business, its arguments are its own. */
export interface WrapperKeepalive extends ClientSite {
  via: string;
  /** The idle timeout argument in ms: a number, undefined when omitted, null unknown. */
  timeoutMs?: number | null;
}

export interface ConnectSite extends ClientSite {
  key: PoolKey;
  /** opts.pool_size: a number, undefined when omitted, null unknown. */
  poolSize?: number | null;
}

/** A value an identity method is given, as far as the code tells. */
export interface IdentityValue {
  /** The arguments as key text (literals as Lua prints them, `${expr}` otherwise), joined with `:`. */
  text: string;
  /** Each argument: its text, the expression of a symbolic one (`conf.password`), and when it depends on
   *  parameters known only at runtime (a plugin's conf, a helper's argument), the id of their origin
   *  (PoolOrigin.id): one site then establishes a different identity per call. */
  parts: Array<{ text: string; expression?: string; origin?: string }>;
}

/** An identity-establishing call (AUTH, SELECT, a TLS handshake) on a connection. */
export interface IdentityStep extends ClientSite {
  kind: IdentityKind;
  method: string;
  /** null when an argument cannot be known. */
  value: IdentityValue | null;
  /** Only on a fresh connection (inside a reuse guard): a reused connection keeps what its first user set. */
  fresh: boolean;
}

/** One client object connected with one pool key (located at its connect), and the identity steps made on it
 *  anywhere in the project. */
export interface ConnectionIdentity extends ClientSite {
  key: PoolKey;
  /** The object is handed back to a pool somewhere (a long use): its connections reach the pool's next user. */
  pooled: boolean;
  steps: IdentityStep[];
}

/** A connected client whose normal path ends without set_keepalive/close and without escaping. */
export interface Unreleased extends ClientSite {
  pathEnd: SourceSpan;
  end: PathEnd;
  early?: true;
  afterFailureOf?: string;
  /** A keepalive call the library refuses (it pools nothing): the method, the error it returns, and the
   *  wrapper that made the call for this site, if any. */
  refused?: { method: string; error: string; through?: string };
}

/** A method called on a client after it was released on every path reaching the call, or connect twice. */
export interface UseAfterRelease extends ClientSite {
  method: string;
  previous: SourceSpan[];
  reconnect: boolean;
}

/** A client released while it stays in an `ngx.ctx` slot that a getter hands out: any later call of the
 *  getter in the same request returns the released (closed) object. */
export interface StaleCtxRelease extends ClientSite {
  slot: string;
  via: string;
  getter: SourceSpan;
  getterName: string;
}

export interface SharedClient extends ClientSite {
  how: SharedHow;
  via?: string;
}

/** A cosocket created or connected by code that an entry point of a phase without cosockets reaches. */
export interface DisabledPhaseUse extends ClientSite {
  what: 'new' | 'connect';
  entry: EntryPoint;
  /** Call sites from the entry chunk to this function, outermost first. */
  via: SourceSpan[];
}

/** A blocking library call (src/clients/blocking-calls.ts) in code that runs in the worker's event loop:
 *  reached from a request-phase entry, or from an ngx.timer callback such code (or init_worker) starts. */
export interface BlockingCall {
  /** The function called, as written from its module (`io.popen`, `socket.http.request`). */
  name: string;
  /** What it does, and the cosocket-based replacement (BlockingLibrary). */
  what: string;
  replacement: string;
  location: SourceSpan;
  unit: string;
  entry: EntryPoint;
  /** It runs in a timer callback the entry's code starts. */
  inTimer: boolean;
  via: SourceSpan[];
}

/** A yielding call (ngx.sleep, a cosocket operation, ...) reached under a C-call boundary: inside a function
 *  a C function calls back (table.sort comparator, string.gsub replacement) or a module main chunk `require`
 *  runs during a request. */
export interface CallbackYield {
  /** `ngx.sleep`, or `<client>:<method>` for a cosocket operation. */
  call: string;
  location: SourceSpan;
  unit: string;
  /** The boundary: what it is (`a table.sort comparator`, `require`) and the call that crosses it. */
  boundary: { what: string; location: SourceSpan };
  entry: EntryPoint;
  via: SourceSpan[];
}

/** A literal timeout in ms a client method call sets (`red:set_timeout(1000)`, `sock:settimeouts(a, b, c)`):
 *  which methods take one, at which argument, is profile data (ClientProfile.timeoutMethods). */
export interface TimeoutSetting extends ClientSite {
  method: string;
  /** Position of the argument after self (0 = first). */
  arg: number;
  ms: number;
  /** Set from a field of an options table (ClientProfile.timeoutOptions): the field's name. */
  option?: string;
  /** A pool's idle time (keepalive_timeout), not a connect/send/read timeout. */
  keepalive?: true;
}

/** A connect to a literal host name (not an IP address) in code an nginx entry point reaches, with the
 *  entry points that reach it (the resolver state of each is EntryPoint.nginx). */
export interface HostConnect extends ClientSite {
  host: string;
  entries: EntryPoint[];
}

/** A Redis server configured in the project (redis*.conf). */
export interface RedisServer {
  file: string;
  /** `port` when the file names one. */
  port?: number;
  /** `timeout`: idle clients are closed after this many seconds (0 = never). */
  timeoutSeconds: number;
  timeoutLocation?: SourceSpan;
  maxclients?: number;
  /** The code units whose pools this server's settings apply to: its project's (docs/semantics.md §6,
   *  src/link/redis-scope.ts). Undefined: every unit (nothing analyzed near the redis.conf). */
  units?: ReadonlySet<string>;
}

export type { PoolKey, SessionState };

export interface NginxSettings {
  /** Every `lua_code_cache` directive, with its value as written. */
  codeCache: Array<{ value: string; location: SourceSpan }>;
  /** lua_socket_keepalive_timeout in force for code no *_by_lua directive of a location runs directly. */
  defaultKeepaliveTimeoutMs: number;
  /** The keepalive timeout where each unit runs (inline Lua, *_by_lua_file scripts), by unit path. */
  keepaliveTimeoutMs: ReadonlyMap<string, number>;
  workerProcesses?: { value: string; location: SourceSpan };
  /** Every lua_socket_{connect,send,read,keepalive}_timeout directive: its value as written and in ms
   *  (null when nginx rejects it). */
  socketTimeouts?: Array<{ directive: string; value: string; ms: number | null; location: SourceSpan }>;
}

/** The linked project: built once, complete and read-only. Rules read it; they never see facts or ASTs. */
export interface ProjectModel {
  readonly units: readonly CodeUnit[];
  readonly nginx: NginxSettings;
  readonly redisServers: readonly RedisServer[];
  /** What each client library (by profile name, `ClientSite.client`) does that rules reason about. */
  readonly clients: ReadonlyMap<string, ClientTraits>;
  readonly disabledPhaseUses: readonly DisabledPhaseUse[];
  readonly blockingCalls: readonly BlockingCall[];
  readonly callbackYields: readonly CallbackYield[];
  readonly poolUses: readonly PoolUse[];
  readonly wrapperKeepalives: readonly WrapperKeepalive[];
  readonly connects: readonly ConnectSite[];
  readonly unreleased: readonly Unreleased[];
  readonly useAfterRelease: readonly UseAfterRelease[];
  readonly staleCtxReleases: readonly StaleCtxRelease[];
  readonly shared: readonly SharedClient[];
  readonly timeouts: readonly TimeoutSetting[];
  readonly hostConnects: readonly HostConnect[];
  /** Client objects by pool key, with the identities established on their connections. */
  readonly identities: readonly ConnectionIdentity[];
}
