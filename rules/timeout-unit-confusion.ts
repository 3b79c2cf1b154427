import { literal } from '../src/core/message-text.ts';
import type { Rule } from '../src/model/rule.ts';
import type { TimeoutSetting } from '../src/model/project-model.ts';

/** Below this many ms, a send/read/connect timeout is a value in seconds written where ms are taken: no
 *  project in the survey (docs/rules/timeout-unit-confusion.md) uses one, outside tests that force timeouts. */
const MIN_IO_TIMEOUT_MS = 10;
/** Below this many ms, a pool's idle time is seconds written as ms: every literal in the survey is ≥ 10000; 500 is
 *  the smallest deliberate one known (a runtime fixture of this project, under a Redis timeout of 1 s). */
const MIN_KEEPALIVE_MS = 500;
/** A bare number in a lua_socket_*_timeout directive is seconds (ngx_parse_time): from this many on, it is
 *  ms meant (16 min 40 s and more is no socket timeout anyone sets). */
const MAX_BARE_DIRECTIVE_SECONDS = 1000;

export const rule: Rule = {
  meta: {
    id: 'timeout-unit-confusion',
    name: 'TimeoutUnitConfusion',
    shortDescription: 'A cosocket timeout in seconds where milliseconds are taken (or the reverse in nginx.conf)',
    fullDescription:
      'Cosocket timeouts are milliseconds: set_timeout / set_timeouts / settimeout / settimeouts and the idle time of set_keepalive / setkeepalive. ' +
      'A literal timeout below 10 ms, or an idle time below 500 ms, is a value in seconds: set_timeout(3) times out after 3 ms, set_keepalive(60, 100) closes pooled connections after 60 ms idle. ' +
      'In nginx.conf the reverse happens: a bare number in lua_socket_{connect,send,read,keepalive}_timeout is seconds, so `lua_socket_read_timeout 5000;` waits 83 minutes (flagged from 1000).',
    help: {
      text:
        'Write milliseconds in Lua (set_timeout(3000), set_keepalive(60000, 100)) and a unit in nginx.conf (lua_socket_read_timeout 5s or 5000ms). ' +
        'Thresholds come from a survey of literal arguments in Kong, APISIX, APIcast and 20 OpenResty applications (non-test code): timeouts 1000 ms (265 calls), 3000 (25), 0 (16), 30000 (15), ' +
        'and 100 to 6000000 otherwise; below 10 only a deliberate 1 ms read timeout on a request socket (APISIX, draining pipelined data). Keepalive idle times: 0 (1372, keepalive-unbounded-idle\'s), ' +
        '10000 (13), 60000 (3), 30*1000 to 180*1000; none between 1 and 9999. Fractions below 1 are flagged too: ngx_lua truncates them to 0, the lua_socket_*_timeout default. ' +
        'Only literals (and constants that resolve to one) on calls of a known client library are judged.',
      markdown:
        'Write milliseconds in Lua (`set_timeout(3000)`, `set_keepalive(60000, 100)`) and a unit in nginx.conf (`lua_socket_read_timeout 5s` or `5000ms`).\n\n' +
        'Thresholds come from a survey of literal arguments in Kong, APISIX, APIcast and 20 OpenResty applications (corpus of this project\'s real-code runs), counted in non-test code (test code in brackets):\n\n' +
        '| call | literal values found (count) | flagged |\n|---|---|---|\n' +
        '| set_timeout / settimeout / set_timeouts / settimeouts | 1000 (265) [16], 3000 (25) [5], 0 (16), 30000 (15), 3000000 (4), 6000000 (4), 5000 (4), 10000 (4) [4], 600000 (3), 6000 (3), 60000 (3), 233 (3), 2000 (2), 15000 (2), 100 (2), 200, 500 [1], 120000; 1 (2: APISIX\'s deliberate 1 ms read timeout on the downstream request socket to drain pipelined data) [3: a Kong test plugin forcing a timeout; APIcast calling ngx.balancer.set_timeouts, which takes seconds]; 50 [2, Kong test mocks] | 0 < value < 10 |\n' +
        '| set_keepalive / setkeepalive idle time | 0 (1372) [4], 10000 (13), 60000 (3) [1], 120\\*1000 (2), 60\\*1000, 30\\*1000, 180\\*1000 | 0 < value < 500 |\n' +
        '| lua_socket_{connect,send,read,keepalive}_timeout, bare number (seconds) | none in the corpus: all are written with a unit | value ≥ 1000 (16 min 40 s) |\n\n' +
        'Timeouts of 10 to 49 ms are not flagged: a fast-failing call to a local cache may mean them. Fractions below 1 are flagged: ngx_lua truncates them to 0, ' +
        'which means the lua_socket_*_timeout default (60 s unless set), measured on the runtime. Keepalive idle times from 500 ms on are not flagged (this project\'s own runtime fixture pools for 500 ms under a Redis `timeout 1`). ' +
        '`set_keepalive(0, ...)` is keepalive-unbounded-idle\'s finding, not this rule\'s. ' +
        'LuaSocket (`socket.tcp():settimeout(0.1)`, seconds), `ngx.balancer.set_timeouts` (seconds) and `ngx.req.socket()` are not client cosockets the analyzer follows, and are never judged. ' +
        'Options tables count too: resty.http `request_uri`\'s `keepalive_timeout`, and resty.redis.connector `new{ connect_timeout, send_timeout, read_timeout, keepalive_timeout }`. ' +
        'Only literals (and constants that resolve to one) are judged; which methods and options take milliseconds is client profile data (src/clients/profiles.ts: timeoutMethods, timeoutOptions).',
    },
    defaultLevel: 'warning',
    tags: ['correctness', 'openresty', 'timeouts'],
    precision: 'high',
    example: {
      bad: 'red:set_timeout(3)  -- 3 ms, not 3 s: every command slower than that fails with "timeout"',
      good: 'red:set_timeout(3000)  -- 3 s',
    },
  },
  check(model, report) {
    // One finding per call, naming every argument of it that is too small.
    const calls = new Map<string, TimeoutSetting[]>();
    for (const t of model.timeouts) {
      if (t.keepalive || !(t.ms > 0 && t.ms < MIN_IO_TIMEOUT_MS)) continue;
      const key = `${t.location.file}:${t.location.startLine}:${t.location.startColumn}`;
      calls.set(key, [...(calls.get(key) ?? []), t]);
    }
    for (const args of calls.values()) {
      const t = args[0];
      const list = (xs: string[]) => (xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
      const ms = list(args.map((a) => String(a.ms)));
      const fix = `Write ${list(args.map((a) => String(a.ms * 1000)))} if seconds were meant.`;
      // settimeouts/set_timeouts take three timeouts: name the argument; an options table: name the fields.
      const subject = t.option !== undefined
        ? `${list(args.map((a) => `\`${literal(a.option ?? '')} = ${a.ms}\``))} for \`${literal(t.method)}\``
        : t.method.endsWith('s')
        ? `${args.length === 1 ? 'Argument' : 'Arguments'} ${list(args.map((a) => String(a.arg + 1)))} of \`${literal(t.method)}\``
        : `\`${literal(t.method)}(${t.ms})\``;
      const message = args.some((a) => a.ms < 1)
        ? `${subject} is not a fraction of a second: ngx_lua truncates it to 0. ` +
          `A timeout of 0 means the lua_socket_*_timeout default (60 s unless configured). ${fix}`
        : `${subject} ${args.length === 1 ? 'is' : 'are'} ${ms} ${args.length === 1 && t.ms === 1 ? 'millisecond' : 'milliseconds'}, not seconds. ` +
          `${t.option !== undefined ? `${literal(t.client)} takes these options in ms, and c` : 'C'}osocket timeouts are in ms: a connect, send or read slower than ${Math.min(...args.map((a) => a.ms))} ms fails with "timeout". ${fix}`;
      report({ message, location: t.location });
    }
    // Keepalive calls, as keepalive-unbounded-idle reads them (a wrapper's own call judged once, there), and
    // options that set the idle time (request_uri's keepalive_timeout).
    const seen = new Set<string>();
    for (const t of model.timeouts) {
      if (!t.keepalive || !(t.ms > 0 && t.ms < MIN_KEEPALIVE_MS)) continue;
      report({
        message:
          `\`${literal(t.option ?? '')} = ${t.ms}\` for \`${literal(t.method)}\` keeps idle connections ${t.ms} milliseconds, not seconds. ` +
          `${literal(t.client)} pools with this idle time in ms: ngx_lua closes a pooled connection after ${t.ms} ms without use, so the pool is mostly empty and requests reconnect. Write ${t.ms * 1000} if seconds were meant.`,
        location: t.location,
      });
    }
    for (const u of [...model.poolUses.filter((p) => p.mode === 'long' && !p.timeoutInWrapper && !p.implicit), ...model.wrapperKeepalives]) {
      const ms = u.timeoutMs;
      if (typeof ms !== 'number' || !(ms > 0 && ms < MIN_KEEPALIVE_MS)) continue;
      const key = `${u.location.file}:${u.location.startLine}:${u.location.startColumn}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report({
        message:
          `\`${literal(u.via)}(${ms}, ...)\` keeps idle connections ${ms} milliseconds, not ${ms} seconds. ` +
          `ngx_lua closes a pooled connection after ${ms} ms without use, so the pool is mostly empty and requests reconnect. Write ${ms * 1000} if seconds were meant.`,
        location: u.location,
      });
    }
    for (const d of model.nginx.socketTimeouts ?? []) {
      if (!/^\d+$/.test(d.value) || d.ms === null) continue;
      const seconds = Number(d.value);
      if (seconds < MAX_BARE_DIRECTIVE_SECONDS) continue;
      report({
        message:
          `\`${d.directive} ${literal(d.value)}\` is ${seconds} seconds (${duration(seconds)}), not milliseconds. ` +
          `nginx reads a bare number in this directive as seconds (ngx_parse_time). Write \`${literal(d.value)}ms\` if milliseconds were meant.`,
        location: d.location,
      });
    }
  },
};

function duration(seconds: number): string {
  if (seconds >= 86400) return `${(seconds / 86400).toFixed(1)} days`;
  if (seconds >= 3600) return `${(seconds / 3600).toFixed(1)} hours`;
  return `${Math.round(seconds / 60)} minutes`;
}
