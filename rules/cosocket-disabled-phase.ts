import { literal } from '../src/core/message-text.ts';
import type { Rule } from '../src/model/rule.ts';

export const rule: Rule = {
  meta: {
    id: 'cosocket-disabled-phase',
    name: 'CosocketDisabledPhase',
    shortDescription: 'A cosocket is created or connected in an nginx phase where cosockets are disabled',
    fullDescription:
      'Code reachable from an init, init_worker, exit_worker, set, header_filter, body_filter, log, balancer or ssl_session_store handler creates or connects a cosocket ' +
      '(resty.redis, ngx.socket.tcp, ...). ngx_lua disables cosockets there: the call raises "API disabled in the context of ..." (or "no request found" in init).',
    help: {
      text:
        'Move the work to a phase that allows cosockets (rewrite, access, content), or run it in a 0-delay timer: ngx.timer.at(0, function(premature) ... end) — create the client inside the callback. ' +
        'resty-lint follows calls into functions and modules from the directive or plugin method and stops at ngx.timer.at/ngx.timer.every callbacks, also those a function of the project hands to a timer (a start_timer(delay, cb) wrapper).',
      markdown:
        'Move the work to a phase that allows cosockets (rewrite, access, content), or run it in a 0-delay timer: `ngx.timer.at(0, function(premature) ... end)` — create the client inside the callback.\n\n' +
        'resty-lint follows calls into functions and modules from the directive or plugin method and stops at `ngx.timer.at`/`ngx.timer.every` callbacks, also those a function of the project hands to a timer (a `start_timer(delay, cb)` wrapper).',
    },
    defaultLevel: 'error',
    tags: ['correctness', 'openresty', 'nginx'],
    precision: 'high',
    example: {
      bad: ['log_by_lua_block {', '  local red = require("resty.redis"):new()  -- API disabled in the context of log_by_lua*', '  red:connect("127.0.0.1", 6379)', '}'].join('\n'),
      good: ['log_by_lua_block {', '  ngx.timer.at(0, function(premature)', '    local red = require("resty.redis"):new()', '    red:connect("127.0.0.1", 6379)', '    red:set_keepalive(10000, 100)', '  end)', '}'].join('\n'),
    },
  },
  check(model, report) {
    for (const u of model.disabledPhaseUses) {
      const what = u.what === 'new' ? `creates a ${u.client} cosocket` : `connects a ${u.client} cosocket`;
      // The Lua error ngx_lua raises there (docs/semantics.md §3).
      const error = u.entry.phase === 'init' ? 'no request found' : `API disabled in the context of ${u.entry.phase}_by_lua*`;
      const plugin = u.entry.plugin;
      // A gateway plugin's phase method is named with the gateway that runs it there (src/gateways/).
      const from = plugin ? `the ${plugin.gateway} plugin method [${literal(u.entry.directive)}](1)` : `[${literal(u.entry.directive)}](1)`;
      const entryNote = plugin
        ? `${u.entry.directive}: ${plugin.gateway} runs this plugin method in the ${u.entry.phase} phase (${plugin.calledBy}), where cosockets are disabled`
        : `${u.entry.directive}: cosockets are disabled in the ${u.entry.phase} phase`;
      report({
        message:
          `This ${what} in the ${u.entry.phase} phase, where ngx_lua disables cosockets. ` +
          `It runs in code reached from ${from} and fails with "${error}". Do it in a 0-delay ngx.timer.at callback or an earlier phase.`,
        location: u.location,
        related: [
          { ...u.entry.location, message: entryNote },
          ...u.via.map((v) => ({ ...v, message: 'called from here' })),
        ],
      });
    }
  },
};
