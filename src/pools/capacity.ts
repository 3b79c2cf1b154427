// Connections the pools may keep open: per server (summed over its pools) and against each Redis server's
// maxclients, with the formula shown and every assumption said.
import type { ProjectModel } from '../model/project-model.ts';
import { DEFAULT_REDIS_MAXCLIENTS, DEFAULT_REDIS_PORT, type PoolRow, type RedisRow, type ServerRow } from './inventory-types.ts';
import { cmp } from './locations.ts';

export function serverRows(pools: PoolRow[], workers: number | null, workerAssumption: string | undefined): ServerRow[] {
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

export function redisRows(model: ProjectModel, allServers: ServerRow[], pools: PoolRow[], named: string[], workers: number | null, workerAssumption: string | undefined): RedisRow[] {
  return [...model.redisServers].sort((a, b) => cmp(a.file, b.file)).map((r): RedisRow => {
    const assumptions: string[] = [];
    const port = r.port ?? DEFAULT_REDIS_PORT;
    if (r.port === undefined) assumptions.push(`${r.file} sets no port: Redis's default ${DEFAULT_REDIS_PORT} assumed`);
    const maxclients = r.maxclients ?? DEFAULT_REDIS_MAXCLIENTS;
    if (r.maxclients === undefined) assumptions.push(`${r.file} sets no maxclients: Redis's default ${DEFAULT_REDIS_MAXCLIENTS} assumed`);
    // A redis.conf speaks for its own project (RedisServer.units): count only the pools its code uses there.
    const servers = r.units ? scopedServers(allServers, pools, r.units) : allServers;
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

/** The server rows again, each summing only the pools that code of `units` uses. */
function scopedServers(servers: ServerRow[], pools: PoolRow[], units: ReadonlySet<string>): ServerRow[] {
  const used = (p: PoolRow) => [...p.connects, ...p.long, ...p.short, ...p.errorPath].some((s) => units.has(s.unit));
  return servers.flatMap((s) => {
    const mine = pools.filter((p) => s.pools.includes(p.key) && used(p));
    return mine.length === 0 ? [] : [{ ...s, pools: mine.map((p) => p.key), perWorker: mine.reduce((n, p) => n + p.capacity.perWorker, 0) }];
  });
}

/** `4 × 50 = 200`, `4 × (50 + 30) = 320`, `W × 50`, `W × (50 + 30) = W × 80`, `0 (nothing pooled)`. */
export function formula(workers: number | null, perWorker: number, allParts?: number[]): string {
  if (perWorker === 0) return '0 (nothing pooled)';
  // Pools that keep nothing add nothing: left out of the sum.
  const kept = allParts?.filter((n) => n > 0);
  const parts = kept && kept.length > 1 ? kept : undefined;
  const size = parts ? `(${parts.join(' + ')})` : String(perWorker);
  if (workers === null) return parts ? `W × ${size} = W × ${perWorker}` : `W × ${size}`;
  return `${workers} × ${size} = ${workers * perWorker}`;
}
