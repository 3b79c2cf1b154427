import { literal } from '../src/core/message-text.ts';
import type { Rule } from '../src/model/rule.ts';

export const rule: Rule = {
  meta: {
    id: 'cosocket-in-c-callback',
    name: 'CosocketInCCallback',
    shortDescription: 'A yielding call (cosocket, ngx.sleep, ngx.location.capture, ...) runs inside a function C code calls back',
    fullDescription:
      'A cosocket operation, ngx.sleep, ngx.location.capture or ngx.thread.wait is reached from a function that a C function calls: a table.sort comparator, ' +
      'a string.gsub replacement function, a load() reader, or the main chunk of a module that `require` runs during a request. ' +
      'The call must yield the request coroutine, and LuaJIT cannot yield across that C frame: it fails with "attempt to yield across C-call boundary". ' +
      'pcall, xpcall, metamethods, coroutine.wrap and ngx.re.gsub callbacks can yield and are not flagged.',
    help: {
      text:
        'The request fails (HTTP 500, "attempt to yield across C-call boundary" in error.log) whenever that path runs; for a module main chunk, on the first request of each worker that loads it. ' +
        'Do the I/O before or after the C call: fetch what the comparator or replacement needs into a table first, then sort or substitute with a function that only reads it. ' +
        'A module should not do I/O in its main chunk: move it into a function the handler calls (or into init_worker_by_lua* timers).',
      markdown:
        'The request fails (HTTP 500, `attempt to yield across C-call boundary` in error.log) whenever that path runs; for a module main chunk, on the first request of each worker that loads it.\n\n' +
        'Do the I/O before or after the C call: fetch what the comparator or replacement needs into a table first, then sort or substitute with a function that only reads it. ' +
        "A module should not do I/O in its main chunk: move it into a function the handler calls (or into `init_worker_by_lua*` timers).",
    },
    defaultLevel: 'error',
    tags: ['correctness', 'openresty'],
    precision: 'high',
    example: {
      bad: [
        'content_by_lua_block {',
        '  local ids = { "a", "b", "c" }',
        '  table.sort(ids, function(x, y)',
        '    ngx.sleep(0.01)  -- attempt to yield across C-call boundary',
        '    return x < y',
        '  end)',
        '}',
      ].join('\n'),
      good: ['content_by_lua_block {', '  local ids = { "a", "b", "c" }', '  ngx.sleep(0.01)', '  table.sort(ids, function(x, y) return x < y end)', '}'].join('\n'),
    },
  },
  check(model, report) {
    for (const y of model.callbackYields) {
      const plugin = y.entry.plugin;
      const from = plugin ? `the ${plugin.gateway} plugin method [${literal(y.entry.directive)}](2)` : `[${literal(y.entry.directive)}](2)`;
      const inside = y.boundary.what === 'require' ? 'a module main chunk that [require](1) runs' : `${literal(y.boundary.what)} ([called from C](1))`;
      report({
        message:
          `${literal(y.call)} yields inside ${inside}, where a yield fails. ` +
          `It is reached from ${from}; LuaJIT cannot yield across the C call and raises "attempt to yield across C-call boundary". Do the I/O before or after the C call.`,
        location: y.location,
        related: [
          { ...y.boundary.location, message: y.boundary.what === 'require' ? 'require runs the module here' : `${y.boundary.what} is called from C here` },
          { ...y.entry.location, message: `${y.entry.directive}: entry point` },
          ...y.via.map((v) => ({ ...v, message: 'called from here' })),
        ],
      });
    }
  },
};
