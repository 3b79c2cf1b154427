// Yielding calls reached under a C-call boundary (reach.ts with `boundaries`): ngx.sleep, ngx.location.capture,
// ngx.thread.wait, or a cosocket operation of a profiled client, in a function a C function calls back
// (table.sort comparator, string.gsub replacement; src/clients/yield-boundaries.ts) or in a module main chunk
// `require` runs during a request. Only code that can yield at all is asked: entries whose phase allows
// cosockets (rewrite, access, content, ssl_certificate, ...) and the timer callbacks any entry starts.
import { siteSpan } from '../analysis/file-facts.ts';
import type { CallbackYield } from '../model/project-model.ts';
import { clientProfile } from '../clients/profiles.ts';
import { NON_YIELDING_METHODS } from '../clients/yield-boundaries.ts';
import type { LinkUnit } from './link-unit.ts';
import { eventIndex } from './event-index.ts';
import { callPathSpans, preloadedModules, walkReach, type ReachContext } from './reach.ts';

export function findCallbackYields(units: readonly LinkUnit[], cx: ReachContext): CallbackYield[] {
  const out: CallbackYield[] = [];
  const reported = new Set<string>();
  const preloaded = preloadedModules(units, cx);
  const seen = new Set<string>();
  for (const unit of units) {
    for (const entry of [...unit.entries, ...unit.pluginEntries]) {
      // init_by_lua* can neither yield nor start a timer.
      if (entry.phase === 'init') continue;
      const canYield = (timer: boolean) => timer || entry.cosocketAllowed;
      const tag = (r: { timer: boolean }) => (canYield(r.timer) ? 'a' : '');
      walkReach(unit, entry, cx, { intoTimers: true, boundaries: true, preloaded, seen, tag }, ({ unit: u, fn, via, timer, boundary }) => {
        if (!boundary || !canYield(timer)) return;
        for (const { call, site } of yieldsOf(u, fn)) {
          const key = `${u.path}@${site}`;
          if (reported.has(key)) continue;
          reported.add(key);
          out.push({ call, location: u.locate(siteSpan(u.facts, site)), unit: u.path, boundary, entry, via: callPathSpans(via) });
        }
      });
    }
  }
  return out;
}

/** The yielding calls function `fn` makes itself. */
function yieldsOf(unit: LinkUnit, fn: number): Array<{ call: string; site: number }> {
  const out: Array<{ call: string; site: number }> = [];
  for (const c of unit.facts.libraryCalls ?? []) if (c.kind === 'yield' && c.fn === fn) out.push({ call: c.name, site: c.site });
  for (const e of eventIndex(unit.facts).eventsOf(fn)) {
    // A self-releasing request (request_uri) connects and reads before it releases.
    const io = e.kind === 'connect' || e.kind === 'method' || (e.kind === 'release' && e.implicit === true);
    if (!io || e.target.t !== 'obj') continue;
    const profile = clientProfile(e.target.client);
    // Whether an unprofiled library's method does I/O is unknown: never claimed.
    if (!profile || profile.unprofiled || profile.holdsNoSocket) continue;
    if (e.kind === 'method' && (NON_YIELDING_METHODS.has(e.method) || profile.keepaliveMethods.includes(e.method) || profile.closeMethods.includes(e.method))) continue;
    out.push({ call: `${e.target.client}:${e.method}`, site: e.site });
  }
  return out.sort((a, b) => a.site - b.site);
}
