// The pools inventory's shape (`resty-lint pools`): what the formats (src/format/pools-*.ts) render and the
// JSON output documents. Built by build-inventory.ts.
import type { Level } from '../core/findings.ts';

export const DEFAULT_POOL_SIZE = 30;
/** Redis's `maxclients` default. */
export const DEFAULT_REDIS_MAXCLIENTS = 10_000;
/** Redis's `port` default. */
export const DEFAULT_REDIS_PORT = 6379;

/** A place in a source file (1-based line and UTF-16 column, as in findings). */
export interface Loc {
  file: string;
  line: number;
  column: number;
}

/** A place in the code that does something with connections of a pool. */
export interface PoolSite extends Loc {
  /** The Lua unit: a .lua file, or `conf:LINE:COL` for Lua inside an nginx directive. */
  unit: string;
  function: string;
  client: string;
  /** What does it: `set_keepalive`, `close`, a wrapper (`store.release`), `connect`, `request end`, `ngx.exit`. */
  via: string;
}

/** A site that closes the connection, or a path that ends without releasing it. */
export interface ShortSite extends PoolSite {
  kind: 'close' | 'unreleased';
  reason: string;
  /** Unreleased: where the path ends with the connection still open. */
  pathEnd?: Loc;
}

/** A close on a branch guarded by a failed operation on the client: correct practice, not a short connection. */
export interface ErrorSite extends PoolSite {
  /** The failed operation (`get`, `receive`), when known. */
  errorOp?: string;
}

export interface PoolSizeValue {
  /** null: not a literal number. */
  size: number | null;
  source: 'set_keepalive' | 'connect opts.pool_size';
  at: Loc;
}

export interface IdleTimeout {
  /** Milliseconds; 0 = no limit; null = not a literal number. */
  ms: number | null;
  /** No timeout argument: the lua_socket_keepalive_timeout in force where the code runs. */
  inherited: boolean;
  at: Loc;
}

/** An nginx directive whose Lua reaches the pool's code (runs it, or requires its module directly or through
 *  other modules). */
export interface PoolEntry extends Loc {
  directive: string;
  phase: string;
  cosocketAllowed: boolean;
  /** The unit the directive runs. */
  unit: string;
}

export interface PoolFinding extends Loc {
  ruleId: string;
  level: Level;
  /** The message with related-location links resolved (`label (file:line:col)`). */
  message: string;
  fingerprint: string;
}

export type ServerInfo =
  | { kind: 'tcp'; text: string; host: string; port: number }
  | { kind: 'unix'; text: string; path: string }
  /** A host:port known only symbolically (`127.0.0.1:${ngx.var.server_port}`): shown as written. */
  | { kind: 'symbolic'; text: string }
  /** A custom pool name (opts.pool, pgmoon pool_name): the server is not part of the key. */
  | { kind: 'named'; text: 'named pool' };

export interface Capacity {
  /** nginx worker_processes; null: `auto` or not configured (shown as W). */
  workers: number | null;
  /** The pool's size per worker (the first literal size by location, else lua_socket_pool_size's default). */
  poolSize: number;
  poolSizeAssumed: boolean;
  /** Some site returns connections to the pool (set_keepalive): only then does the pool keep any. */
  pooled: boolean;
  /** Idle connections the pool may keep per worker: poolSize when pooled, else 0. */
  perWorker: number;
  /** workers × perWorker; null when workers is W. */
  connections: number | null;
  /** `4 × 50 = 200`, `W × 30`, `not pooled`. */
  formula: string;
}

/** A pool family: a key over values known only at runtime, with where they come from (docs/semantics.md §2.4). */
export interface FamilyInfo {
  /** `${conf.redis_host}:${conf.redis_port}`. */
  expression: string;
  /** plugin: the configuration of one plugin (its phase methods' parameters); function: one function's parameters. */
  origin: 'plugin' | 'function';
  file: string;
  function: string;
  /** `plugin kong/plugins/x/handler.lua`, `connect() in lib/redis.lua`. */
  from: string;
}

export interface PoolRow {
  /** The key text; for a family, its expression and origin (`${conf.host}:${conf.port} @ plugin <file>`). */
  key: string;
  /** The key depends on a module constant or another symbolic value (shown as `${...}`). */
  symbolic: boolean;
  /** Only for a family: every site of it shares one pool whatever the configuration. */
  family?: FamilyInfo;
  clients: string[];
  server: ServerInfo;
  poolSizes: PoolSizeValue[];
  idleTimeouts: IdleTimeout[];
  /** Where connections are opened. */
  connects: PoolSite[];
  /** Where they are returned to the pool (set_keepalive and wrappers that call it). */
  long: PoolSite[];
  /** Where they are closed on a normal path, or never released. */
  short: ShortSite[];
  /** Closes on error paths. */
  errorPath: ErrorSite[];
  entries: PoolEntry[];
  findings: PoolFinding[];
  capacity: Capacity;
  assumptions: string[];
}

export interface UnknownPoolSite extends PoolSite {
  mode: 'long' | 'short' | 'unreleased';
  errorPath: boolean;
}

export interface ServerRow {
  /** `host:port` or the unix socket path as in the keys. */
  server: string;
  kind: 'tcp' | 'unix';
  port?: number;
  pools: string[];
  /** Sum of the pools' perWorker. */
  perWorker: number;
  workers: number | null;
  connections: number | null;
  formula: string;
  /** The redis.conf whose port matches (tcp servers only). */
  redisConf?: string;
  assumptions: string[];
}

/** A redis.conf of the project against the pooled connections of the servers whose port matches it. */
export interface RedisRow {
  file: string;
  port: number;
  maxclients: number;
  maxclientsAssumed: boolean;
  servers: string[];
  perWorker: number;
  workers: number | null;
  connections: number | null;
  formula: string;
  /** null when it depends on W (see exceedsWhen). */
  exceeds: boolean | null;
  /** `W > 3` when workers is W and the pools keep connections. */
  exceedsWhen?: string;
  assumptions: string[];
}

export type GraphNode =
  | { id: string; kind: 'entry'; label: string; phase: string; at: Loc }
  | { id: string; kind: 'unit'; label: string }
  | { id: string; kind: 'pool'; label: string };

export interface GraphEdge {
  from: string;
  to: string;
  /** runs: entry → the unit it runs; requires: unit → module; long/short/error: unit → pool. */
  kind: 'runs' | 'requires' | 'long' | 'short' | 'error';
}

export interface PoolInventory {
  nginx: {
    /** worker_processes as written, with where; null when no nginx.conf sets it. */
    workerProcesses: (Loc & { value: string }) | null;
    workers: number | null;
    /** lua_socket_keepalive_timeout in force for modules (http level, else ngx_lua's 60 s). */
    keepaliveTimeoutMs: number;
  };
  pools: PoolRow[];
  /** How many of the pools are families (keys over runtime values). */
  families: number;
  /** Pool uses whose key cannot be known (never guessed): they are in no row above. */
  unknown: { count: number; sites: UnknownPoolSite[] };
  servers: ServerRow[];
  redis: RedisRow[];
  /** The entry points → units → pools graph of the known pools. */
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
  /** What the numbers do not cover, for every row. */
  notes: string[];
}

export const INVENTORY_NOTES: readonly string[] = [
  'pool_size caps the idle connections each worker keeps in a pool; without connect opts.backlog (not read by resty-lint) a busy worker can open more.',
  'Only this nginx configuration is counted: several nginx hosts (or other clients) multiply the connections a server sees.',
  'Entry points reach a module when their Lua requires it, directly or through other modules (whether the pool code runs in that phase is not checked here; cosocket-disabled-phase does).',
];
