// A client released while it stays in an `ngx.ctx` slot that a getter of the project hands out again: any later
// call of the getter in the request gets the released (closed) object.
import { ctxSlot, type SymValue } from '../analysis/sym-value.ts';
import { functionSpan, type FunctionFacts, type LifecycleEvent } from '../analysis/file-facts.ts';
import type { SourceSpan } from '../core/findings.ts';
import type { ClientSite, StaleCtxRelease } from '../model/project-model.ts';
import type { ClientObjects } from './client-objects.ts';
import { eventIndex } from './event-index.ts';
import type { LinkUnit } from './link-unit.ts';
import type { WorkKeeper } from './kept-work.ts';

/** Where a finding about an event of a unit is (the linker's site()). */
export type SiteOf = (unit: LinkUnit, e: LifecycleEvent, client: string) => ClientSite;

/** One unit's getters and releases of ngx.ctx slots (kept per unit by a partial relink). */
interface CtxPart {
  /** The functions that return a slot's value, the first per slot, in the order of the unit's functions. */
  getters: Array<{ slot: string; fn: number; span: SourceSpan; name: string }>;
  /** Releases of a slot's client not cleared after them in the same function, as reported but for the getter. */
  releases: Array<{ fn: number; release: Omit<StaleCtxRelease, 'getter' | 'getterName'> }>;
}

/** Releases of an `ngx.ctx` slot that leave the client in the slot, where a getter of the project hands it
 *  out again (`local red = ngx.ctx.red; if red then return red end`). */
export function staleCtxReleases(units: ReadonlyMap<string, LinkUnit>, objects: ClientObjects, site: SiteOf, keeper: WorkKeeper): StaleCtxRelease[] {
  const parts = [...units.values()].map((unit) => ({ unit, part: keeper.once('ctx-getters', unit, () => ctxPart(unit, objects, site)) }));
  const getters = new Map<string, { unit: LinkUnit; getter: CtxPart['getters'][number] }>();
  for (const { unit, part } of parts) for (const getter of part.getters) if (!getters.has(getter.slot)) getters.set(getter.slot, { unit, getter });
  const out: StaleCtxRelease[] = [];
  if (getters.size === 0) return out;
  for (const { unit, part } of parts) {
    for (const { fn, release } of part.releases) {
      const g = getters.get(release.slot);
      if (!g || (g.unit === unit && g.getter.fn === fn)) continue;
      out.push({ ...release, getter: g.getter.span, getterName: g.getter.name });
    }
  }
  return out;
}

function ctxPart(unit: LinkUnit, objects: ClientObjects, site: SiteOf): CtxPart {
  const part: CtxPart = { getters: [], releases: [] };
  const seen = new Set<string>();
  const getter = (v: SymValue, fn: FunctionFacts) => {
    const slot = ctxSlot(v);
    if (slot === undefined || seen.has(slot)) return;
    seen.add(slot);
    part.getters.push({ slot, fn: fn.id, span: unit.locate(functionSpan(fn)), name: fn.name });
  };
  // Every return of every function: no array made per value (optionsOf) on the way.
  for (const fn of unit.facts.functions) {
    for (const ret of fn.returns) {
      const v = ret[0];
      if (v === undefined) continue;
      if (v.t === 'phi') for (const o of v.options) getter(o, fn);
      else getter(v, fn);
    }
  }
  for (const e of unit.facts.events) {
    if (e.kind !== 'release' || e.implicit || e.errorPath) continue;
    const slot = ctxSlot(e.target);
    if (slot === undefined) continue;
    // Cleared after the release in the same function: the getter makes a new one.
    const cleared = eventIndex(unit.facts)
      .eventsOf(e.fn)
      .some((x) => x.kind === 'ctx-store' && x.slot === slot && x.site > e.site && x.target.t === 'const' && x.target.v === null);
    if (cleared) continue;
    const client = objects.of(unit.path, e.target)[0]?.client ?? 'client';
    part.releases.push({ fn: e.fn, release: { ...site(unit, e, client), slot, via: e.method } });
  }
  return part;
}
