// Which cosockets are created or connected by code an entry point reaches, for entry points whose
// phase disables cosockets (log, header_filter, init, ...): nginx directives (from the unit's main chunk) and
// gateway plugin methods (from that function). Follows calls and requires across files;
// stops at ngx.timer callbacks, which run later in a context where cosockets work, also when a project
// function (a `start_timer(delay, cb)` wrapper) is what hands them to the timer.
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
    for (const entry of [...unit.entries, ...unit.pluginEntries]) {
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
  // An nginx directive runs the unit's main chunk; a plugin method entry runs that function.
  const first = entry.fn ?? 0;
  const queue: Visit[] = [{ unit: start, fn: first, via: [] }];
  const enqueue = (unit: LinkUnit | undefined, fn: number, via: SourceSpan[]) => {
    if (!unit || seen.has(`${unit.path}#${fn}`)) return;
    seen.add(`${unit.path}#${fn}`);
    queue.push({ unit, fn, via });
  };
  seen.add(`${start.path}#${first}`);
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
      const callees = calleesOf(unit, e.callee, e.fn, byPath, resolver);
      e.callbacks.forEach((cb, i) => {
        // A callback the project function it is given hands to a timer runs there, not in this phase.
        const at = e.callbackArgs?.[i];
        if (at !== undefined && callees.length > 0 && callees.every((c) => fateOf(c.unit, c.fn, at, byPath, resolver, 0) === 'defer')) return;
        enqueue(unit, cb, here);
      });
      for (const target of callees) enqueue(target.unit, target.fn, here);
    }
  }
  return out;
}

/** Wrappers followed through (`every` calling `start_timer` calling ngx.timer.every). */
const MAX_FATE_DEPTH = 4;

/** What function `fn` does with the function it receives as parameter `param`: calls it (on some path, so
 *  it runs in the caller's phase), only hands it to ngx.timer.at/every (directly or through project functions
 *  that do), or neither that the facts show (`none`: the caller assumes it is called). A parameter it does not
 *  call but keeps beyond the call (a batch processor's `{ func = func }`, `self.handler = handler`) runs when
 *  its holder calls it, usually from a timer, in no phase the facts can tell: `defer`, so it is not claimed. */
function fateOf(unit: LinkUnit, fn: number, param: number, byPath: ReadonlyMap<string, LinkUnit>, resolver: ValueResolver, depth: number): 'call' | 'defer' | 'none' {
  const f = unit.facts.functions[fn];
  if (!f || f.invokes?.includes(param)) return 'call';
  const events = eventIndex(unit.facts).eventsOf(fn);
  let deferred = (f.defers?.includes(param) ?? false) || events.some((e) => e.kind === 'escape' && e.target.t === 'param' && e.target.index === param);
  if (depth >= MAX_FATE_DEPTH) return deferred ? 'defer' : 'none';
  for (const e of events) {
    if (e.kind !== 'call' || !e.forwards) continue;
    for (const [at, p] of e.forwards) {
      if (p !== param) continue;
      // Handed to a function outside the project (or one that cannot be resolved): says nothing either way.
      const callees = calleesOf(unit, e.callee, e.fn, byPath, resolver);
      if (callees.length === 0) continue;
      const fates = callees.map((c) => fateOf(c.unit, c.fn, at, byPath, resolver, depth + 1));
      if (fates.includes('call')) return 'call';
      if (fates.every((x) => x === 'defer')) deferred = true;
    }
  }
  return deferred ? 'defer' : 'none';
}

export function calleesOf(unit: LinkUnit, callee: SymValue, fn: number, byPath: ReadonlyMap<string, LinkUnit>, resolver: ValueResolver): Array<{ unit: LinkUnit; fn: number }> {
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
