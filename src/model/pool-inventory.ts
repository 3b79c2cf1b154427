// `resty-lint pools`: every connection pool of a project at a glance. One row per known pool key (the
// sites that pool, close or leak its connections, its sizes and idle timeouts, the entry points that reach
// it, the findings that touch it), the uses whose pool cannot be known, the servers the pools connect to,
// and how many connections the pools may keep open against each Redis server's maxclients. Every number
// that rests on an assumption says so in an `assumptions` list. Pure and deterministic: the formats
// (src/format/pools-*.ts) only render it.
import { ModuleResolver } from '../link/module-resolver.ts';
import { profileFor } from '../analysis/client-profiles.ts';
import { compareFindings, compareSpan, plainMessage, type Finding, type Level, type SourceSpan } from '../core/findings.ts';
import { bytesToUtf8 } from '../source/source-text.ts';
import type { EntryPoint, LuaUnit, PoolUse, ProjectModel } from './project-model.ts';

/** ngx_lua's lua_socket_pool_size default: the size of a pool no code gives a size. */
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

export interface PoolRow {
  key: string;
  /** The key depends on a module constant or another symbolic value (shown as `${...}`). */
  symbolic: boolean;
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

export function buildPoolInventory(model: ProjectModel, findings: readonly Finding[]): PoolInventory {
  const units = new Map(model.units.map((u) => [u.path, u]));
  const reach = new EntryReach(model.units);
  const wp = model.nginx.workerProcesses;
  const workers = wp && /^\d+$/.test(wp.value) && Number(wp.value) > 0 ? Number(wp.value) : null;
  const workerAssumption = workers !== null ? undefined : wp ? `worker_processes ${wp.value}: the number of workers is a parameter W (auto = one per CPU core)` : 'no worker_processes in the nginx configuration read: the number of workers is a parameter W (nginx runs 1 when its main config sets none)';

  const byKey = new Map<string, { symbolic: boolean; uses: PoolUse[]; connects: ProjectModel['connects'] }>();
  const group = (text: string, symbolic: boolean) => {
    let g = byKey.get(text);
    if (!g) byKey.set(text, (g = { symbolic, uses: [], connects: [] }));
    g.symbolic ||= symbolic;
    return g;
  };
  const unknownSites: UnknownPoolSite[] = [];
  for (const u of model.poolUses) {
    if (u.key) group(u.key.text, u.key.symbolic).uses.push(u);
    else unknownSites.push({ ...site(u), mode: u.mode, errorPath: u.errorPath });
  }
  for (const c of model.connects) group(c.key.text, c.key.symbolic).connects.push(c);

  const pools: PoolRow[] = [];
  for (const [keyText, g] of [...byKey].sort(([a], [b]) => cmp(a, b))) {
    const key = bytesToUtf8(keyText);
    const clients = uniqueSorted([...g.uses.map((u) => u.client), ...g.connects.map((c) => c.client)]);
    const long = dedupeSites(g.uses.filter((u) => u.mode === 'long').map(site));
    const short = dedupeSites(g.uses.filter((u) => u.mode !== 'long' && !u.errorPath).map(shortSite));
    const errorPath = dedupeSites(g.uses.filter((u) => u.mode !== 'long' && u.errorPath).map((u) => ({ ...site(u), ...(u.errorOp ? { errorOp: u.errorOp } : {}) })));
    const connects = dedupeSites(g.connects.map((c) => ({ ...site(c), via: 'connect' })));

    const assumptions: string[] = [];
    const poolSizes: PoolSizeValue[] = [
      ...g.uses.filter((u) => u.mode === 'long' && !u.implicit && u.poolSize !== undefined).map((u) => ({ size: u.poolSize ?? null, source: 'set_keepalive' as const, at: loc(u.location) })),
      ...g.connects.filter((c) => c.poolSize !== undefined).map((c) => ({ size: c.poolSize ?? null, source: 'connect opts.pool_size' as const, at: loc(c.location) })),
    ];
    dedupeBy(poolSizes, (p) => `${locKey(p.at)}|${p.source}`);
    poolSizes.sort((a, b) => compareLoc(a.at, b.at) || cmp(a.source, b.source));
    const literal = poolSizes.filter((p): p is PoolSizeValue & { size: number } => p.size !== null);
    for (const p of poolSizes.filter((x) => x.size === null)) assumptions.push(`pool_size at ${where(p.at)} is not a literal number: not counted`);
    let poolSize: number;
    const poolSizeAssumed = literal.length === 0;
    if (poolSizeAssumed) {
      poolSize = DEFAULT_POOL_SIZE;
      assumptions.push(`no literal pool_size in the code: lua_socket_pool_size's default ${DEFAULT_POOL_SIZE} assumed (a lua_socket_pool_size in nginx.conf is not read)`);
    } else {
      poolSize = literal[0].size;
      const distinct = uniqueNumbers(literal.map((p) => p.size));
      if (distinct.length > 1) {
        assumptions.push(`pool_size differs (${distinct.join(', ')}): the first by location, ${poolSize} at ${where(literal[0].at)}, is assumed; the pool is sized by whichever call runs first`);
      }
    }

    const idleTimeouts: IdleTimeout[] = [];
    for (const u of g.uses) {
      if (u.mode !== 'long') continue;
      if (u.implicit) {
        idleTimeouts.push({ ms: null, inherited: false, at: loc(u.location) });
        continue;
      }
      if (u.timeoutMs === undefined) {
        idleTimeouts.push({ ms: model.nginx.keepaliveTimeoutMs.get(u.unit) ?? model.nginx.defaultKeepaliveTimeoutMs, inherited: true, at: loc(u.location) });
      } else idleTimeouts.push({ ms: u.timeoutMs, inherited: false, at: loc(u.location) });
    }
    dedupeBy(idleTimeouts, (t) => locKey(t.at));
    idleTimeouts.sort((a, b) => compareLoc(a.at, b.at));
    for (const t of idleTimeouts) {
      if (t.ms === null) assumptions.push(`idle timeout at ${where(t.at)} is not a literal number: unknown`);
    }

    const pooled = long.length > 0;
    const perWorker = pooled ? poolSize : 0;
    if (!pooled) assumptions.push('no site returns connections to this pool: it keeps none (each request opens its own connection, not bounded by pool_size)');
    if (pooled && workerAssumption) assumptions.push(workerAssumption);
    const capacity: Capacity = {
      workers,
      poolSize,
      poolSizeAssumed,
      pooled,
      perWorker,
      connections: workers === null ? null : workers * perWorker,
      formula: pooled ? formula(workers, perWorker) : 'not pooled',
    };

    const siteUnits = uniqueSorted([...long, ...short, ...errorPath, ...connects].map((s) => s.unit));
    const entries = dedupeBy(siteUnits.flatMap((u) => reach.entriesOf(u)), locKey).sort(compareLoc);
    const spans = new Set([...long, ...short, ...errorPath, ...connects].map(locKey));
    const touching = findings.filter((f) => spans.has(locKey(loc(f.location))) || f.related.some((r) => spans.has(locKey(loc(r)))));
    pools.push({
      key,
      symbolic: g.symbolic,
      clients,
      server: serverOf(key, clients),
      poolSizes,
      idleTimeouts,
      connects,
      long,
      short,
      errorPath,
      entries,
      findings: [...touching].sort(compareFindings).map(poolFinding),
      capacity,
      assumptions,
    });
  }

  const bare = serverRows(pools, workers, workerAssumption);
  const named = pools.filter((p) => p.server.kind === 'named' && p.capacity.pooled).map((p) => p.key);
  const redis = redisRows(model, bare, named, workers, workerAssumption);
  // Rebuilt so that the optional redisConf keeps its documented place in the key order.
  const servers = bare.map(({ assumptions, ...s }): ServerRow => {
    const conf = redis.find((x) => x.servers.includes(s.server))?.file;
    return { ...s, ...(conf !== undefined ? { redisConf: conf } : {}), assumptions };
  });
  unknownSites.sort((a, b) => compareLoc(a, b) || cmp(a.mode, b.mode));
  const unknown = dedupeBy(unknownSites, (s) => `${locKey(s)}|${s.mode}|${s.via}`);
  return {
    nginx: {
      workerProcesses: wp ? { value: wp.value, ...loc(wp.location) } : null,
      workers,
      keepaliveTimeoutMs: model.nginx.defaultKeepaliveTimeoutMs,
    },
    pools,
    unknown: { count: unknown.length, sites: unknown },
    servers,
    redis,
    graph: buildGraph(pools, units, reach),
    notes: [...INVENTORY_NOTES],
  };
}

function serverRows(pools: PoolRow[], workers: number | null, workerAssumption: string | undefined): ServerRow[] {
  const byServer = new Map<string, { kind: 'tcp' | 'unix'; port?: number; pools: PoolRow[] }>();
  for (const p of pools) {
    // Servers known only by name or symbolically cannot be summed with the others.
    if (p.server.kind === 'named' || p.server.kind === 'symbolic') continue;
    const row = byServer.get(p.server.text) ?? { kind: p.server.kind, port: p.server.kind === 'tcp' ? p.server.port : undefined, pools: [] };
    row.pools.push(p);
    byServer.set(p.server.text, row);
  }
  return [...byServer]
    .sort(([a], [b]) => cmp(a, b))
    .map(([server, row]) => {
      const perWorker = row.pools.reduce((n, p) => n + p.capacity.perWorker, 0);
      const assumptions = row.pools.filter((p) => p.capacity.pooled && p.capacity.poolSizeAssumed).map((p) => `pool ${p.key}: pool_size ${p.capacity.poolSize} assumed (lua_socket_pool_size default)`);
      if (workerAssumption && perWorker > 0) assumptions.push(workerAssumption);
      return {
        server,
        kind: row.kind,
        ...(row.port !== undefined ? { port: row.port } : {}),
        pools: row.pools.map((p) => p.key),
        perWorker,
        workers,
        connections: workers === null ? null : workers * perWorker,
        formula: formula(workers, perWorker, row.pools.length > 1 ? row.pools.map((p) => p.capacity.perWorker) : undefined),
        assumptions,
      };
    });
}

function redisRows(model: ProjectModel, servers: ServerRow[], named: string[], workers: number | null, workerAssumption: string | undefined): RedisRow[] {
  return [...model.redisServers].sort((a, b) => cmp(a.file, b.file)).map((r): RedisRow => {
    const assumptions: string[] = [];
    const port = r.port ?? DEFAULT_REDIS_PORT;
    if (r.port === undefined) assumptions.push(`${r.file} sets no port: Redis's default ${DEFAULT_REDIS_PORT} assumed`);
    const maxclients = r.maxclients ?? DEFAULT_REDIS_MAXCLIENTS;
    if (r.maxclients === undefined) assumptions.push(`${r.file} sets no maxclients: Redis's default ${DEFAULT_REDIS_MAXCLIENTS} assumed`);
    const matched = servers.filter((s) => s.kind === 'tcp' && s.port === port);
    if (matched.length > 0) assumptions.push(`servers matched by port ${port} only: ${matched.map((s) => s.server).join(', ')}`);
    for (const s of matched) for (const a of s.assumptions) if (!assumptions.includes(a)) assumptions.push(a);
    if (named.length > 0) assumptions.push(`named pools are not counted (their server is not part of the key): ${named.join(', ')}`);
    const perWorker = matched.reduce((n, s) => n + s.perWorker, 0);
    const connections = workers === null ? null : workers * perWorker;
    if (workerAssumption && perWorker > 0 && !assumptions.includes(workerAssumption)) assumptions.push(workerAssumption);
    return {
      file: r.file,
      port,
      maxclients,
      maxclientsAssumed: r.maxclients === undefined,
      servers: matched.map((s) => s.server),
      perWorker,
      workers,
      connections,
      formula: formula(workers, perWorker, matched.length > 1 ? matched.map((s) => s.perWorker) : undefined),
      exceeds: connections !== null ? connections > maxclients : perWorker === 0 ? false : null,
      ...(connections === null && perWorker > 0 ? { exceedsWhen: `W > ${Math.floor(maxclients / perWorker)}` } : {}),
      assumptions,
    };
  });
}

/** `4 × 50 = 200`, `4 × (50 + 30) = 320`, `W × 50`, `W × (50 + 30) = W × 80`, `0 (nothing pooled)`. */
function formula(workers: number | null, perWorker: number, allParts?: number[]): string {
  if (perWorker === 0) return '0 (nothing pooled)';
  // Pools that keep nothing add nothing: left out of the sum.
  const kept = allParts?.filter((n) => n > 0);
  const parts = kept && kept.length > 1 ? kept : undefined;
  const size = parts ? `(${parts.join(' + ')})` : String(perWorker);
  if (workers === null) return parts ? `W × ${size} = W × ${perWorker}` : `W × ${size}`;
  return `${workers} × ${size} = ${workers * perWorker}`;
}

/** Which entry points reach a unit: its own, and those of every unit that requires it, transitively. */
class EntryReach {
  /** unit → the units that require it. */
  readonly requiredBy = new Map<string, Set<string>>();
  /** unit → the units it requires (resolved to scanned units). */
  readonly requires = new Map<string, string[]>();
  private readonly units: Map<string, LuaUnit>;
  private readonly memo = new Map<string, PoolEntry[]>();

  constructor(units: readonly LuaUnit[]) {
    this.units = new Map(units.map((u) => [u.path, u]));
    const modules = new ModuleResolver(units.map((u) => u.path));
    for (const u of units) {
      const targets: string[] = [];
      for (const name of u.facts.requires) {
        if (profileFor(name)) continue;
        const target = modules.resolve(name);
        if (!target || target === u.path || !this.units.has(target) || targets.includes(target)) continue;
        targets.push(target);
        const set = this.requiredBy.get(target) ?? new Set();
        set.add(u.path);
        this.requiredBy.set(target, set);
      }
      this.requires.set(u.path, targets.sort(cmp));
    }
  }

  /** The unit itself and every unit that requires it, directly or not. */
  ancestors(unit: string): string[] {
    const seen = new Set([unit]);
    const queue = [unit];
    for (let i = 0; i < queue.length; i++) {
      for (const p of [...(this.requiredBy.get(queue[i]) ?? [])].sort(cmp)) {
        if (seen.has(p)) continue;
        seen.add(p);
        queue.push(p);
      }
    }
    return queue;
  }

  entriesOf(unit: string): PoolEntry[] {
    const cached = this.memo.get(unit);
    if (cached) return cached;
    const out: PoolEntry[] = [];
    for (const u of this.ancestors(unit)) for (const e of this.units.get(u)?.entries ?? []) out.push(entry(e, u));
    this.memo.set(unit, out);
    return out;
  }
}

function entry(e: EntryPoint, unit: string): PoolEntry {
  return { directive: e.directive, phase: e.phase, cosocketAllowed: e.cosocketAllowed, ...loc(e.location), unit };
}

function buildGraph(pools: PoolRow[], units: ReadonlyMap<string, LuaUnit>, reach: EntryReach): PoolInventory['graph'] {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const addEdge = (from: string, to: string, kind: GraphEdge['kind']) => edges.set(`${from}\n${to}\n${kind}`, { from, to, kind });
  const unitId = (u: string) => `unit:${u}`;
  const relevant = new Set<string>();
  for (const p of pools) {
    const poolId = `pool:${p.key}`;
    nodes.set(poolId, { id: poolId, kind: 'pool', label: p.key });
    const add = (sites: PoolSite[], kind: GraphEdge['kind']) => {
      for (const s of sites) {
        addEdge(unitId(s.unit), poolId, kind);
        for (const a of reach.ancestors(s.unit)) relevant.add(a);
      }
    };
    add(p.long, 'long');
    add(p.short, 'short');
    add(p.errorPath, 'error');
    for (const c of p.connects) for (const a of reach.ancestors(c.unit)) relevant.add(a);
  }
  for (const u of relevant) {
    nodes.set(unitId(u), { id: unitId(u), kind: 'unit', label: u });
    for (const t of reach.requires.get(u) ?? []) if (relevant.has(t)) addEdge(unitId(u), unitId(t), 'requires');
    for (const e of units.get(u)?.entries ?? []) {
      const at = loc(e.location);
      const id = `entry:${where(at)}`;
      nodes.set(id, { id, kind: 'entry', label: e.directive, phase: e.phase, at });
      addEdge(id, unitId(u), 'runs');
    }
  }
  const kindRank = { entry: 0, unit: 1, pool: 2 } as const;
  const edgeRank = { runs: 0, requires: 1, long: 2, short: 3, error: 4 } as const;
  return {
    nodes: [...nodes.values()].sort((a, b) => kindRank[a.kind] - kindRank[b.kind] || (a.kind === 'entry' && b.kind === 'entry' ? compareLoc(a.at, b.at) : 0) || cmp(a.id, b.id)),
    edges: [...edges.values()].sort((a, b) => edgeRank[a.kind] - edgeRank[b.kind] || cmp(a.from, b.from) || cmp(a.to, b.to)),
  };
}

/** The server a pool key names, by the clients' key format; a key that does not parse is a custom pool name. */
export function serverOf(key: string, clients: readonly string[]): ServerInfo {
  const kind = profileFor(clients[0] ?? '')?.poolKey.kind;
  const tcp = (host: string, port: string): ServerInfo => ({ kind: 'tcp', text: `${host}:${port}`, host, port: Number(port) });
  const parts = key.split(':');
  if (kind === 'mysql-options') {
    // user:database:host:port or user:database:/path/to.sock
    if (parts.length === 4 && /^\d+$/.test(parts[3])) return tcp(parts[2], parts[3]);
    if (parts.length === 3 && parts[2].startsWith('/')) return { kind: 'unix', text: parts[2], path: parts[2] };
    return { kind: 'named', text: 'named pool' };
  }
  if (kind === 'pgmoon-config') {
    // host:port:database:user
    if (parts.length === 4 && /^\d+$/.test(parts[1])) return tcp(parts[0], parts[1]);
    return { kind: 'named', text: 'named pool' };
  }
  if (kind === 'http' && parts.length === 7 && /^https?$/.test(parts[0]) && /^\d+$/.test(parts[2])) return tcp(parts[1], parts[2]);
  if (/^unix:/i.test(key)) return { kind: 'unix', text: key, path: key.slice(5) };
  const m = /^(.+):(\d+)$/.exec(key);
  if (m && kind !== 'http') return tcp(m[1], m[2]);
  if (m && kind === 'http' && !m[1].includes(':')) return tcp(m[1], m[2]);
  if (key.includes('${') && /^[^:]+:[^:]+$/.test(key)) return { kind: 'symbolic', text: key };
  return { kind: 'named', text: 'named pool' };
}

function site(u: { location: SourceSpan; unit: string; functionName: string; client: string; via?: string }): PoolSite {
  return { ...loc(u.location), unit: u.unit, function: u.functionName, client: u.client, via: u.via ?? 'connect' };
}

function shortSite(u: PoolUse): ShortSite {
  const base = site(u);
  if (u.mode === 'unreleased') {
    const end = u.pathEnd ? loc(u.pathEnd) : undefined;
    const at = end ? ` at ${where(end)}` : '';
    const reason =
      u.via === 'ngx.exit'
        ? `never released: ngx.exit/redirect/exec${at} ends the handler before any set_keepalive() or close(); request cleanup closes it`
        : `never released: the path ends${at} without set_keepalive() or close(); request cleanup closes it`;
    return { ...base, kind: 'unreleased', reason, ...(end ? { pathEnd: end } : {}) };
  }
  const reason = u.implicit ? `${u.via}() closes the connection by itself` : `${u.via}() closes the connection on a normal path`;
  return { ...base, kind: 'close', reason };
}

function poolFinding(f: Finding): PoolFinding {
  return { ruleId: f.ruleId, level: f.level, message: plainMessage(f), ...loc(f.location), fingerprint: f.fingerprint };
}

function loc(s: SourceSpan): Loc {
  return { file: s.file, line: s.startLine, column: s.startColumn };
}

function locKey(l: Loc): string {
  return `${l.file}\n${l.line}\n${l.column}`;
}

export function where(l: Loc): string {
  return `${l.file}:${l.line}:${l.column}`;
}

function compareLoc(a: Loc, b: Loc): number {
  return compareSpan({ file: a.file, startLine: a.line, startColumn: a.column, endLine: 0, endColumn: 0 }, { file: b.file, startLine: b.line, startColumn: b.column, endLine: 0, endColumn: 0 });
}

function dedupeSites<T extends PoolSite>(sites: T[]): T[] {
  return dedupeBy(sites, (s) => `${locKey(s)}|${s.via}|${s.client}`).sort((a, b) => compareLoc(a, b) || cmp(a.via, b.via) || cmp(a.client, b.client));
}

/** Keeps the first of each key, in place; returns the list. */
function dedupeBy<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  let w = 0;
  for (const item of list) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    list[w++] = item;
  }
  list.length = w;
  return list;
}

function uniqueSorted(list: string[]): string[] {
  return [...new Set(list)].sort(cmp);
}

function uniqueNumbers(list: number[]): number[] {
  return [...new Set(list)];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
