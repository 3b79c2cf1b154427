// Blocking library calls in code that runs in the worker's event loop: reached (reach.ts) from an entry point
// of a request phase (rewrite, access, content, log, filters, balancer, ssl_*), or from an ngx.timer callback
// any entry's code starts. Not init_by_lua*: it runs in the master while nginx loads its configuration, before
// any request. Not the main chunk of init_worker_by_lua* or exit_worker_by_lua*: ngx_lua runs them from the
// module's init_process / exit_process hooks (ngx_http_lua_init_worker, ngx_http_lua_exit_worker), outside the
// event loop, when the worker serves no request yet (or any more); the timers init_worker starts do run in
// the loop. Code reached from no entry (a CLI script, a test) is not nginx code at all.
import type { BlockingCall } from '../model/project-model.ts';
import { BLOCKING_LIBRARIES } from '../clients/blocking-calls.ts';
import type { LinkUnit } from './link-unit.ts';
import { callPathSpans, preloadedModules, walkReach, type ReachContext } from './reach.ts';

/** Phases whose own code runs outside the event loop (their timers run in it). */
const OUTSIDE_LOOP = new Set(['init_worker', 'exit_worker']);

export function findBlockingCalls(units: readonly LinkUnit[], cx: ReachContext): BlockingCall[] {
  const out: BlockingCall[] = [];
  const reported = new Set<string>();
  // A module init_by_lua* required ran its main chunk at startup; a request's require does not run it again.
  const preloaded = preloadedModules(units, cx);
  for (const unit of units) {
    for (const entry of [...unit.entries, ...unit.pluginEntries]) {
      // init_by_lua*: startup, in the master; it starts no timer that runs (ngx.timer.at is disabled there).
      if (entry.phase === 'init') continue;
      walkReach(unit, entry, cx, { intoTimers: true, preloaded }, ({ unit: u, fn, via, timer }) => {
        if (!timer && OUTSIDE_LOOP.has(entry.phase)) return;
        for (const c of cx.functions.of(u, fn).blocking) {
          const key = `${u.path}@${c.site}`;
          const lib = BLOCKING_LIBRARIES.find((l) => l.name === c.library);
          if (!lib || reported.has(key)) continue;
          reported.add(key);
          out.push({ name: c.name, what: lib.what, replacement: lib.replacement, location: cx.functions.siteSpan(u, c.site), unit: u.path, entry, inTimer: timer, via: callPathSpans(via, cx) });
        }
      });
    }
  }
  return out;
}
