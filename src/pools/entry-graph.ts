// Which nginx entry points reach the units that use a pool (their own directives and those of every unit that
// requires them, transitively), and the entry → unit → pool graph the HTML report draws.
import type { CodeUnit, EntryPoint } from '../model/project-model.ts';
import type { GraphEdge, GraphNode, PoolEntry, PoolInventory, PoolRow, PoolSite } from './inventory-types.ts';
import { cmp, compareLoc, loc, where } from './locations.ts';

/** Which entry points reach a unit: its own, and those of every unit that requires it, transitively. */
export class EntryReach {
  /** unit → the units that require it. */
  readonly requiredBy = new Map<string, Set<string>>();
  /** unit → the units it requires (resolved to scanned units). */
  readonly requires = new Map<string, string[]>();
  private readonly units: Map<string, CodeUnit>;
  private readonly memo = new Map<string, PoolEntry[]>();

  constructor(units: readonly CodeUnit[]) {
    this.units = new Map(units.map((u) => [u.path, u]));
    for (const u of units) {
      for (const target of u.requires) {
        const set = this.requiredBy.get(target) ?? new Set();
        set.add(u.path);
        this.requiredBy.set(target, set);
      }
      this.requires.set(u.path, [...u.requires].sort(cmp));
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

  /** The directives that run the unit itself. */
  entriesHere(unit: string): readonly EntryPoint[] {
    return this.units.get(unit)?.entries ?? [];
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

export function buildGraph(pools: PoolRow[], reach: EntryReach): PoolInventory['graph'] {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const addEdge = (from: string, to: string, kind: GraphEdge['kind']) => edges.set(`${from}\n${to}\n${kind}`, { from, to, kind });
  const unitId = (u: string) => `unit:${u}`;
  const relevant = new Set<string>();
  for (const p of pools) {
    const poolId = `pool:${p.key}`;
    nodes.set(poolId, { id: poolId, kind: 'pool', label: p.family ? `${p.family.expression} [${p.family.from}]` : p.key });
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
    for (const e of reach.entriesHere(u)) {
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
