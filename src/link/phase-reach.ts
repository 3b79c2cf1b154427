// Which cosockets are created or connected by code an entry point reaches, for entry points whose
// phase disables cosockets (log, header_filter, init, ...). Follows calls and requires across files;
// stops at ngx.timer callbacks, which run later in a context where cosockets work.
import type { SourceSpan } from '../core/findings.ts';
import type { DisabledPhaseUse, EntryPoint } from '../model/project-model.ts';
import type { LinkUnit } from './link-unit.ts';
import { clientProfile } from '../clients/profiles.ts';
import { eventIndex } from './event-index.ts';
import type { ValueResolver } from './resolver.ts';
import type { SymValue } from '../analysis/sym-value.ts';

interface Visit {
  unit: LinkUnit;
  fn: number;
  via: SourceSpan[];
}

export function findDisabledPhaseUses(units: readonly LinkUnit[], byPath: ReadonlyMap<string, LinkUnit>, resolver: ValueResolver): DisabledPhaseUse[] {
  const out: DisabledPhaseUse[] = [];
  const reported = new Set<string>();
  for (const unit of units) {
    for (const entry of unit.entries) {
      if (entry.cosocketAllowed) continue;
      for (const use of reach(unit, entry, byPath, resolver)) {
        const key = `${use.unit}|${use.location.startLine}:${use.location.startColumn}|${use.what}`;
        if (reported.has(key)) continue;
        reported.add(key);
        out.push(use);
      }
    }
  }
  return out;
}

function reach(start: LinkUnit, entry: EntryPoint, byPath: ReadonlyMap<string, LinkUnit>, resolver: ValueResolver): DisabledPhaseUse[] {
  const out: DisabledPhaseUse[] = [];
  const seen = new Set<string>();
  const queue: Visit[] = [{ unit: start, fn: 0, via: [] }];
  const enqueue = (unit: LinkUnit | undefined, fn: number, via: SourceSpan[]) => {
    if (!unit || seen.has(`${unit.path}#${fn}`)) return;
    seen.add(`${unit.path}#${fn}`);
    queue.push({ unit, fn, via });
  };
  seen.add(`${start.path}#0`);
  // new() already throws in these phases: a connect on an object created in reached code is never run.
  const created = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const { unit, fn, via } = queue[i];
    const facts = unit.facts;
    for (const e of eventIndex(facts).eventsOf(fn)) {
      const profile = e.kind === 'new' || e.kind === 'connect' ? (e.target.t === 'obj' ? clientProfile(e.target.client) : undefined) : undefined;
      // Whether an unprofiled library's new() or connect() is a cosocket at all is unknown: never claimed.
      const holdsSocket = (e.kind === 'connect' && !profile?.unprofiled) || (e.kind === 'new' && e.target.t === 'obj' && !profile?.holdsNoSocket);
      if (e.kind === 'new' && e.target.t === 'obj') created.add(`${unit.path}@${e.target.site}`);
      if (e.kind === 'connect' && e.target.t === 'obj' && created.has(`${unit.path}@${e.target.site}`)) continue;
      if ((e.kind === 'new' || e.kind === 'connect') && holdsSocket) {
        out.push({
          client: e.target.t === 'obj' ? e.target.client : 'client',
          location: unit.locate(facts.sites[e.site]),
          unit: unit.path,
          functionName: facts.functions[e.fn]?.name ?? '?',
          what: e.kind,
          entry,
          via,
        });
      }
      if (e.kind !== 'call' || e.deferred) continue;
      const here = [...via, unit.locate(facts.sites[e.site])];
      for (const cb of e.callbacks) enqueue(unit, cb, here);
      for (const target of calleesOf(unit, e.callee, e.fn, byPath, resolver)) enqueue(target.unit, target.fn, here);
    }
  }
  return out;
}

function calleesOf(unit: LinkUnit, callee: SymValue, fn: number, byPath: ReadonlyMap<string, LinkUnit>, resolver: ValueResolver): Array<{ unit: LinkUnit; fn: number }> {
  if (callee.t === 'require') {
    const file = resolver.moduleFile(callee.name);
    return file && byPath.get(file) ? [{ unit: byPath.get(file)!, fn: 0 }] : [];
  }
  // `self:helper()` inside `function M:f()`: look the method up on the table it was defined on.
  if (callee.t === 'get' && callee.base.t === 'param' && callee.base.index === 0) {
    const owner = unit.facts.functions[fn]?.ownerTable;
    const field = owner === undefined ? undefined : unit.facts.tables[owner]?.[callee.key];
    if (field?.t === 'fn') return [{ unit, fn: field.id }];
  }
  return resolver
    .resolve(unit.path, callee, null)
    .flatMap((r) => (r.r === 'fn' && byPath.get(r.file) ? [{ unit: byPath.get(r.file)!, fn: r.id }] : []));
}
