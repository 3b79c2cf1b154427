// Words the per-file facts, the linker and the rules share, defined once.

/** Why a connected client was still unreleased where a path ended: a return, the function's end, or a
 *  call that ends the request (ngx.exit, ngx.redirect, ngx.exec). */
export type PathEnd = 'return' | 'end' | 'exit';

/** How a client object outlives the request that uses it. module-level: created in a module's main chunk;
 *  upvalue: stored into a main-chunk local from a function; module-field: stored into a table created by the
 *  main chunk; timer-arg / timer-upvalue: handed to a timer, which runs in another (fake) request. */
export type SharedHow = 'module-level' | 'upvalue' | 'module-field' | 'timer-arg' | 'timer-upvalue';

/** Redis state that follows a pooled connection to its next user (docs/semantics.md §4.4). */
export interface SessionState {
  /** The db last selected: undefined never selected, null unknown (or differs between the paths joined). */
  db: string | null | undefined;
  /** Inside a transaction (MULTI without EXEC/DISCARD) on some path. */
  multi: boolean;
  /** Subscribed (SUBSCRIBE/PSUBSCRIBE, no UNSUBSCRIBE since) on every path: the library refuses to pool it. */
  subscribed?: true;
}

/** A connection's session before any command (nothing selected, no transaction): one frozen object, shared. */
export const NO_SESSION: SessionState = Object.freeze({ db: undefined, multi: false });

export interface SessionCommands {
  select: readonly string[];
  begin: readonly string[];
  end: readonly string[];
  /** Enter (and leave) the subscribed state, in which set_keepalive refuses with "subscribed state". */
  subscribe?: readonly string[];
  unsubscribe?: readonly string[];
}

/** What a client library does that rules reason about (the client profile's part the model exposes). */
export interface ClientTraits {
  /** Pooling after a failed operation is unsafe: the library does not keep broken connections out of its pool.
   *  failedOps: the operations whose failure leaves the connection unusable (all when absent); why: the reason,
   *  as the finding's message says it. */
  keepaliveAfterError?: { failedOps?: readonly string[]; why: string };
  /** Sends requests whose response body must be read before the connection is pooled (resty.http). */
  requestMethods?: readonly string[];
  /** Commands whose state stays on the connection and so reaches the pool's next user (docs/semantics.md §4.4):
   *  `select` methods pick a database (their first argument), `begin` opens a transaction that `end` closes. */
  session?: SessionCommands;
  /** The server whose configuration files the project may hold (redis.conf's `timeout`). */
  serverConfig?: 'redis';
  /** Methods that establish who the connection is to the server (docs/semantics.md §4.6): the pool key does
   *  not see them, so a reused connection keeps the identity its first user set. */
  identity?: readonly IdentityMethod[];
  /** Methods that return how often the connection was taken from the pool (0: fresh). */
  reuseCountMethods?: readonly string[];
}

/** What an identity-establishing method sets: credentials (Redis AUTH), the database (SELECT), or the TLS
 *  peer (server name, verification, client certificate). */
export type IdentityKind = 'credentials' | 'database' | 'tls';

export interface IdentityMethod {
  method: string;
  kind: IdentityKind;
  /** Positions (after self) of the arguments that carry the identity; absent: all of them. */
  args?: readonly number[];
  /** It does nothing on a connection that already has it (ngx_lua's sslhandshake returns at once on a TLS
   *  connection): whatever the code's guards, only a fresh connection gets it. */
  freshOnly?: true;
}
