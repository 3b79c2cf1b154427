// Which cosockets are created or connected by code an entry point reaches, for entry points whose
// phase disables cosockets (log, header_filter, init, ...): nginx directives (from the unit's main chunk) and
// gateway plugin methods (from that function). Follows calls and requires across files (reach.ts);
// stops at ngx.timer callbacks, which run later in a context where cosockets work, also when a project
// function (a `start_timer(delay, cb)` wrapper) is what hands them to the timer.
import { siteSpan } from '../analysis/file-facts.ts';
import type { DisabledPhaseUse, EntryPoint } from '../model/project-model.ts';
import type { LinkUnit } from './link-unit.ts';
import { clientProfile } from '../clients/profiles.ts';
import { eventIndex } from './event-index.ts';
import { callPathSpans, walkReach, type ReachContext } from './reach.ts';

export function findDisabledPhaseUses(units: readonly LinkUnit[], cx: ReachContext): DisabledPhaseUse[] {
  const out: DisabledPhaseUse[] = [];
  const reported = new Set<string>();
  for (const unit of units) {
    for (const entry of [...unit.entries, ...unit.pluginEntries]) {
      if (entry.cosocketAllowed) continue;
      for (const use of reach(unit, entry, cx)) {
        const key = `${use.unit}|${use.location.startLine}:${use.location.startColumn}|${use.what}`;
        if (reported.has(key)) continue;
        reported.add(key);
        out.push(use);
      }
    }
  }
  return out;
}

function reach(start: LinkUnit, entry: EntryPoint, cx: ReachContext): DisabledPhaseUse[] {
  const out: DisabledPhaseUse[] = [];
  // new() already throws in these phases: a connect on an object created in reached code is never run.
  const created = new Set<string>();
  walkReach(start, entry, cx, {}, ({ unit, fn, via }) => {
    const facts = unit.facts;
    for (const e of eventIndex(facts).eventsOf(fn)) {
      if (e.kind !== 'new' && e.kind !== 'connect') continue;
      const profile = e.target.t === 'obj' ? clientProfile(e.target.client) : undefined;
      // Whether an unprofiled library's new() or connect() is a cosocket at all is unknown: never claimed.
      const holdsSocket = (e.kind === 'connect' && !profile?.unprofiled) || (e.kind === 'new' && e.target.t === 'obj' && !profile?.holdsNoSocket);
      if (e.kind === 'new' && e.target.t === 'obj') created.add(`${unit.path}@${e.target.site}`);
      if (e.kind === 'connect' && e.target.t === 'obj' && created.has(`${unit.path}@${e.target.site}`)) continue;
      if (!holdsSocket) continue;
      out.push({
        client: e.target.t === 'obj' ? e.target.client : 'client',
        location: unit.locate(siteSpan(facts, e.site)),
        unit: unit.path,
        functionName: facts.functions[e.fn]?.name ?? '?',
        what: e.kind,
        entry,
        via: callPathSpans(via),
      });
    }
  });
  return out;
}
