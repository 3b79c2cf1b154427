// Which cosockets are created or connected by code an entry point reaches, for entry points whose
// phase disables cosockets (log, header_filter, init, ...): nginx directives (from the unit's main chunk) and
// gateway plugin methods (from that function). Follows calls and requires across files (reach.ts);
// stops at ngx.timer callbacks, which run later in a context where cosockets work, also when a project
// function (a `start_timer(delay, cb)` wrapper) is what hands them to the timer.
import type { DisabledPhaseUse, EntryPoint } from '../model/project-model.ts';
import type { LinkUnit } from './link-unit.ts';
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
    const f = cx.functions.of(unit, fn);
    for (const s of f.sockets) {
      if (s.kind === 'new' && s.objSite !== undefined) created.add(`${unit.path}@${s.objSite}`);
      if (s.kind === 'connect' && s.objSite !== undefined && created.has(`${unit.path}@${s.objSite}`)) continue;
      if (!s.holdsSocket) continue;
      out.push({
        client: s.client,
        location: cx.functions.siteSpan(unit, s.site),
        unit: unit.path,
        functionName: f.name,
        what: s.kind,
        entry,
        via: callPathSpans(via, cx),
      });
    }
  });
  return out;
}
