import type { Rule } from '../src/model/rule.ts';
import type { SharedHow } from '../src/model/vocabulary.ts';

/** How the client outlives its request: the lead sentence's end, and what the evidence adds to it. */
const HOW: Record<SharedHow, [string, string]> = {
  'module-level': ['is created at the top level of a module: every request shares this one object', 'The top level of a module runs once per worker. '],
  upvalue: ['is stored in a module-level variable, so later requests reuse the object', 'An earlier request created it. '],
  'module-field': ['is stored in a module table, so later requests reuse the object', 'An earlier request created it. '],
  'timer-arg': ['is passed to a timer callback, which runs in its own fake request', ''],
  'timer-upvalue': ['is captured by a timer callback, which runs in its own fake request', ''],
};

export const rule: Rule = {
  meta: {
    id: 'shared-cosocket',
    name: 'SharedCosocket',
    shortDescription: 'A cosocket client object is shared across requests (module level, module table, timer)',
    fullDescription:
      'A cosocket-based client object is created or stored where it outlives the request that created it: at the top level of a module, in a module-level variable or table, ' +
      'or handed to an ngx.timer callback. A cosocket belongs to the request that connected it: when two requests (or a request and a timer) use it at the same time, the call raises "bad request".',
    help: {
      text:
        'Create the client inside the function that handles the request (or inside the timer callback) and release it there; keep only configuration at module level. ' +
        'The top level of an entry chunk (a *_by_lua_file script) runs per request and is not flagged.',
      markdown:
        'Create the client inside the function that handles the request (or inside the timer callback) and release it there; keep only configuration at module level. ' +
        'The top level of an entry chunk (a `*_by_lua_file` script) runs per request and is not flagged.',
    },
    defaultLevel: 'error',
    tags: ['correctness', 'openresty'],
    precision: 'high',
    example: {
      bad: ['local redis = require "resty.redis"', 'local red = redis:new()  -- one object for every request', 'local _M = {}', 'function _M.get(k) red:connect("127.0.0.1", 6379) return red:get(k) end', 'return _M'].join('\n'),
      good: ['local redis = require "resty.redis"', 'local _M = {}', 'function _M.get(k)', '  local red = redis:new()', '  red:connect("127.0.0.1", 6379)', '  local v = red:get(k)', '  red:set_keepalive(10000, 100)', '  return v', 'end', 'return _M'].join('\n'),
    },
  },
  check(model, report) {
    for (const s of model.shared) {
      report({
        message: `This ${s.client} client ${HOW[s.how][0]}. ${HOW[s.how][1]}A cosocket belongs to the request that connected it: when another request uses it concurrently the call fails with "bad request" (measured: HTTP 500s under concurrent load). Create it per request${s.how.startsWith('timer') ? ' (inside the callback)' : ''}.`,
        location: s.location,
      });
    }
  },
};
