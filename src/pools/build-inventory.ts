// `resty-lint pools`: every connection pool of a project at a glance. One row per known pool key (the
// sites that pool, close or leak its connections, its sizes and idle timeouts, the entry points that reach
// it, the findings that touch it), the uses whose pool cannot be known, the servers the pools connect to,
// and how many connections the pools may keep open against each Redis server's maxclients. Every number
// that rests on an assumption says so in an `assumptions` list. Pure and deterministic: the formats
// (src/format/pools-*.ts) only render it.
import { compareFindings, type Finding } from '../core/findings.ts';
import { describeOrigin, type PoolKey } from '../model/pool-key.ts';
import type { PoolUse, ProjectModel } from '../model/project-model.ts';
import { bytesToUtf8 } from '../source/source-text.ts';
import { formula, redisRows, serverRows } from './capacity.ts';
import { buildGraph, EntryReach } from './entry-graph.ts';
import { DEFAULT_POOL_SIZE, INVENTORY_NOTES, type Capacity, type IdleTimeout, type PoolInventory, type PoolRow, type PoolSizeValue, type ServerRow, type UnknownPoolSite } from './inventory-types.ts';
import { cmp, compareLoc, dedupeBy, dedupeSites, loc, locKey, poolFinding, shortSite, site, uniqueNumbers, uniqueSorted, where } from './locations.ts';
import { serverInfo } from './server-info.ts';

export function buildPoolInventory(model: ProjectModel, findings: readonly Finding[]): PoolInventory {
  const reach = new EntryReach(model.units);
  const wp = model.nginx.workerProcesses;
  const workers = wp && /^\d+$/.test(wp.value) && Number(wp.value) > 0 ? Number(wp.value) : null;
  const workerAssumption = workers !== null ? undefined : wp ? `worker_processes ${wp.value}: the number of workers is a parameter W (auto = one per CPU core)` : 'no worker_processes in the nginx configuration read: the number of workers is a parameter W (nginx runs 1 when its main config sets none)';

  const byKey = new Map<string, { key: PoolKey; symbolic: boolean; uses: PoolUse[]; connects: ProjectModel['connects'][number][] }>();
  const group = (key: PoolKey) => {
    let g = byKey.get(key.text);
    if (!g) byKey.set(key.text, (g = { key, symbolic: key.symbolic, uses: [], connects: [] }));
    g.symbolic ||= key.symbolic;
    return g;
  };
  const unknownSites: UnknownPoolSite[] = [];
  for (const u of model.poolUses) {
    if (u.key) group(u.key).uses.push(u);
    else unknownSites.push({ ...site(u), mode: u.mode, errorPath: u.errorPath });
  }
  for (const c of model.connects) group(c.key).connects.push(c);

  const pools: PoolRow[] = [];
  for (const [keyText, g] of [...byKey].sort(([a], [b]) => cmp(a, b))) {
    // A helper's connect seen on its own (its parameters unbound) with no use of that family: its callers'
    // families hold the uses, and the row would only repeat the connect.
    if (g.key.family?.origin.kind === 'function' && g.uses.length === 0) continue;
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
    const family = g.key.family;
    pools.push({
      key,
      symbolic: g.symbolic,
      ...(family
        ? { family: { expression: bytesToUtf8(family.expression), origin: family.origin.kind, file: family.origin.file, function: family.origin.function, from: describeOrigin(family.origin) } }
        : {}),
      clients,
      server: serverInfo(g.key),
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
  const redis = redisRows(model, bare, pools, named, workers, workerAssumption);
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
    families: pools.filter((p) => p.family).length,
    unknown: { count: unknown.length, sites: unknown },
    servers,
    redis,
    graph: buildGraph(pools, reach),
    notes: [...INVENTORY_NOTES],
  };
}
