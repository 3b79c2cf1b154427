import { literal } from '../src/core/message-text.ts';
import type { Rule } from '../src/model/rule.ts';

export const rule: Rule = {
  meta: {
    id: 'blocking-call',
    name: 'BlockingCall',
    shortDescription: 'Blocking I/O (LuaSocket, io.popen, os.execute, LuaSQL) in code that runs in the nginx event loop',
    fullDescription:
      'Code reachable from a request phase (rewrite, access, content, log, ...) or from an ngx.timer callback calls a library that blocks on the OS: ' +
      'LuaSocket (socket, socket.http, ssl.https), io.popen, os.execute, a LuaSQL driver. The nginx worker runs all its requests on one thread: ' +
      'while the call waits, every other request of that worker waits too. Code in init_by_lua* (startup) and code no entry point reaches (CLI scripts) is not flagged.',
    help: {
      text:
        'Latency of unrelated requests grows by the duration of every blocking call on the same worker, and a slow backend or command stalls the worker completely. ' +
        'Use the cosocket-based equivalent, which yields to the event loop while it waits: lua-resty-http instead of socket.http / ssl.https, ngx.socket.tcp / ngx.socket.udp instead of LuaSocket sockets, ' +
        'ngx.pipe.spawn (OpenResty builds) or a helper service behind a cosocket instead of io.popen / os.execute, lua-resty-mysql or pgmoon instead of LuaSQL. Startup work belongs in init_by_lua*, where blocking is harmless.',
      markdown:
        'Latency of unrelated requests grows by the duration of every blocking call on the same worker, and a slow backend or command stalls the worker completely.\n\n' +
        'Use the cosocket-based equivalent, which yields to the event loop while it waits: [lua-resty-http](https://github.com/ledgetech/lua-resty-http) instead of `socket.http` / `ssl.https`, ' +
        '`ngx.socket.tcp` / `ngx.socket.udp` instead of LuaSocket sockets, `ngx.pipe.spawn` (OpenResty builds) or a helper service behind a cosocket instead of `io.popen` / `os.execute`, lua-resty-mysql or pgmoon instead of LuaSQL. ' +
        'Startup work belongs in `init_by_lua*`, where blocking is harmless.',
    },
    defaultLevel: 'warning',
    tags: ['performance', 'openresty', 'nginx'],
    precision: 'high',
    example: {
      bad: ['content_by_lua_block {', '  local f = io.popen("uptime")  -- the whole worker waits for the command', '  ngx.say(f:read("*a"))', '  f:close()', '}'].join('\n'),
      good: [
        'content_by_lua_block {',
        '  local proc = require("ngx.pipe").spawn({ "uptime" })  -- reads yield to the event loop',
        '  ngx.say(proc:stdout_read_all())',
        '  proc:wait()',
        '}',
      ].join('\n'),
    },
  },
  check(model, report) {
    for (const c of model.blockingCalls) {
      const plugin = c.entry.plugin;
      const from = plugin ? `the ${plugin.gateway} plugin method [${literal(c.entry.directive)}](1)` : `[${literal(c.entry.directive)}](1)`;
      const where = c.inTimer ? `an ngx.timer callback started from ${from}` : `code reached from ${from} (${c.entry.phase} phase)`;
      report({
        message:
          `${literal(c.name)} blocks the nginx worker while it waits. ` +
          `It runs in ${where}: ${c.what}, and every other request of the worker waits meanwhile. Use ${literal(c.replacement)} instead.`,
        location: c.location,
        related: [
          { ...c.entry.location, message: `${c.entry.directive}: runs in the worker's event loop` },
          ...c.via.map((v) => ({ ...v, message: 'called from here' })),
        ],
      });
    }
  },
};
