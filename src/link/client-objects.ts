// Which client objects a tracked value denotes: an object of the file, the objects a call returns (through
// wrappers, resolved across files), or whatever the project stores in an `ngx.ctx` slot.
import { ctxSlot, type SymValue } from '../analysis/sym-value.ts';
import type { LinkUnit } from './link-unit.ts';
import type { Resolved, ValueResolver } from './resolver.ts';
import type { WorkKeeper } from './kept-work.ts';

export type ObjInstance = Extract<Resolved, { r: 'obj' }>;

export class ClientObjects {
  /** What each `ngx.ctx` slot is filled with, anywhere in the project. */
  private readonly ctxStores = new Map<string, Array<{ file: string; target: SymValue }>>();

  constructor(
    private readonly resolver: ValueResolver,
    units: ReadonlyMap<string, LinkUnit>,
    /** Learns who reads the project-wide ctx-slot index (a partial relink). */
    private readonly keeper: WorkKeeper,
  ) {
    for (const unit of units.values()) {
      for (const e of unit.header.ctxStores) {
        const list = this.ctxStores.get(e.slot) ?? [];
        list.push({ file: unit.path, target: e.target });
        this.ctxStores.set(e.slot, list);
      }
    }
  }

  /** The client objects a tracked value denotes, following wrappers that return them. */
  of(file: string, target: SymValue, depth = 0): ObjInstance[] {
    if (target.t === 'obj') return [{ r: 'obj', file, site: target.site, client: target.client, env: null }];
    const slot = ctxSlot(target);
    if (slot !== undefined) {
      // `ngx.ctx.red`: whatever any function of the project stores in that slot.
      if (depth > 2) return [];
      this.keeper.indexUse('ctx', slot);
      return (this.ctxStores.get(slot) ?? []).flatMap((s) => this.of(s.file, s.target, depth + 1));
    }
    if (target.t !== 'call') return [];
    return this.resolver.resolve(file, target, null).filter((r): r is ObjInstance => r.r === 'obj');
  }
}
