// A client released while it stays in an `ngx.ctx` slot that a getter of the project hands out again: any later
// call of the getter in the request gets the released (closed) object.
import { ctxSlot, type SymValue } from '../analysis/sym-value.ts';
import { functionSpan, type LifecycleEvent } from '../analysis/file-facts.ts';
import type { ClientSite, StaleCtxRelease } from '../model/project-model.ts';
import type { ClientObjects } from './client-objects.ts';
import { eventIndex } from './event-index.ts';
import type { LinkUnit } from './link-unit.ts';

/** Where a finding about an event of a unit is (the linker's site()). */
export type SiteOf = (unit: LinkUnit, e: LifecycleEvent, client: string) => ClientSite;

/** Releases of an `ngx.ctx` slot that leave the client in the slot, where a getter of the project hands it
 *  out again (`local red = ngx.ctx.red; if red then return red end`). */
export function staleCtxReleases(units: ReadonlyMap<string, LinkUnit>, objects: ClientObjects, site: SiteOf): StaleCtxRelease[] {
  const out: StaleCtxRelease[] = [];
  const getters = new Map<string, { unit: LinkUnit; fn: number }>();
  const getter = (v: SymValue, unit: LinkUnit, fn: number) => {
    const slot = ctxSlot(v);
    if (slot !== undefined && !getters.has(slot)) getters.set(slot, { unit, fn });
  };
  // Every return of every function: no array made per value (optionsOf) on the way.
  for (const unit of units.values()) {
    for (const fn of unit.facts.functions) {
      for (const ret of fn.returns) {
        const v = ret[0];
        if (v === undefined) continue;
        if (v.t === 'phi') for (const o of v.options) getter(o, unit, fn.id);
        else getter(v, unit, fn.id);
      }
    }
  }
  if (getters.size === 0) return out;
  for (const unit of units.values()) {
    for (const e of unit.facts.events) {
      if (e.kind !== 'release' || e.implicit || e.errorPath) continue;
      const slot = ctxSlot(e.target);
      const getter = slot === undefined ? undefined : getters.get(slot);
      if (!getter || (getter.unit === unit && getter.fn === e.fn)) continue;
      // Cleared after the release in the same function: the getter makes a new one.
      const cleared = eventIndex(unit.facts)
        .eventsOf(e.fn)
        .some((x) => x.kind === 'ctx-store' && x.slot === slot && x.site > e.site && x.target.t === 'const' && x.target.v === null);
      if (cleared) continue;
      const client = objects.of(unit.path, e.target)[0]?.client ?? 'client';
      const gfn = getter.unit.facts.functions[getter.fn];
      out.push({ ...site(unit, e, client), slot: slot!, via: e.method, getter: getter.unit.locate(functionSpan(gfn)), getterName: gfn.name });
    }
  }
  return out;
}
