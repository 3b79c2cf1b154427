// Yielding calls reached under a C-call boundary (reach.ts with `boundaries`): ngx.sleep, ngx.location.capture,
// ngx.thread.wait, or a cosocket operation of a profiled client, in a function a C function calls back
// (table.sort comparator, string.gsub replacement; src/clients/yield-boundaries.ts) or in a module main chunk
// `require` runs during a request. Only code that can yield at all is asked: entries whose phase allows
// cosockets (rewrite, access, content, ssl_certificate, ...) and the timer callbacks any entry starts.
import type { CallbackYield } from '../model/project-model.ts';
import type { LinkUnit } from './link-unit.ts';
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
        for (const { call, site } of cx.functions.of(u, fn).yields) {
          const key = `${u.path}@${site}`;
          if (reported.has(key)) continue;
          reported.add(key);
          out.push({ call, location: cx.functions.siteSpan(u, site), unit: u.path, boundary, entry, via: callPathSpans(via, cx) });
        }
      });
    }
  }
  return out;
}
