import { literal } from '../src/core/message-text.ts';
import type { Rule } from '../src/model/rule.ts';

export const rule: Rule = {
  meta: {
    id: 'resolver-missing',
    name: 'ResolverMissing',
    shortDescription: 'A cosocket connects to a host name where no nginx resolver is configured',
    fullDescription:
      'A connect to a literal host name (not an IP address, not a unix: socket) runs in code reached from an nginx location whose configuration has no `resolver` directive ' +
      '(in the location, its server block or the http block). ngx_lua resolves host names only through nginx\'s resolver and never reads /etc/hosts, ' +
      'so the connect returns nil, "no resolver defined to resolve ..." on every request, even for "localhost".',
    help: {
      text:
        'Add `resolver <DNS server address>;` to the http (or server) block, or connect to an IP address. ' +
        'Only code that an nginx *_by_lua* directive of the project reaches is judged; code with no nginx.conf in the project (a gateway plugin, a library) is not, since its resolver is unknown. ' +
        'Timer callbacks count: a timer keeps the configuration of the request that started it. An include the repository does not hold may set the resolver: then nothing is reported.',
      markdown:
        'Add `resolver <DNS server address>;` to the `http` (or `server`) block, or connect to an IP address.\n\n' +
        'Only code that an nginx `*_by_lua*` directive of the project reaches is judged; code with no nginx.conf in the project (a gateway plugin, a library) is not, since its resolver is unknown. ' +
        'Timer callbacks count: a timer keeps the configuration of the request that started it. An `include` the repository does not hold may set the resolver: then nothing is reported.\n\n' +
        'ngx_lua does not read /etc/hosts: `connect("localhost", ...)` without a resolver fails with `no resolver defined to resolve "localhost"` too ' +
        '(measured on nginx 1.22.1 with ngx_lua 0.10.23; docs/semantics.md §12.1).',
    },
    defaultLevel: 'error',
    tags: ['correctness', 'openresty', 'nginx'],
    precision: 'high',
    example: {
      bad: ['content_by_lua_block {', '  local red = require("resty.redis"):new()', '  -- no resolver in this location, its server or http: "no resolver defined to resolve"', '  local ok, err = red:connect("redis.internal", 6379)', '}'].join('\n'),
      good: ['resolver 10.0.0.2;', 'content_by_lua_block {', '  local red = require("resty.redis"):new()', '  local ok, err = red:connect("redis.internal", 6379)', '}'].join('\n'),
    },
  },
  check(model, report) {
    for (const c of model.hostConnects) {
      const lacking = c.entries.filter((e) => e.nginx?.resolver === false);
      if (lacking.length === 0) continue;
      const first = lacking[0];
      const others = lacking.length > 1 ? ` (and ${lacking.length - 1} more entry point${lacking.length > 2 ? 's' : ''})` : '';
      const server = first.nginx?.server;
      const where = server ? 'neither its location, its [server block](2) nor the http block' : 'the http block';
      report({
        message:
          `No nginx resolver is configured for this connect to the host name "${literal(c.host)}". ` +
          `It runs in code reached from [${literal(first.directive)}](1)${others}, and ${where} sets no \`resolver\`. ` +
          `ngx_lua resolves names only through nginx's resolver, never /etc/hosts, so the connect fails with "no resolver defined to resolve "${literal(c.host)}"". ` +
          'Add `resolver <DNS server>;` to the http or server block, or connect to an IP address.',
        location: c.location,
        related: [
          { ...first.location, message: `${first.directive}: no resolver in force here` },
          ...(server ? [{ ...server, message: 'server block without a resolver (nor one in http)' }] : []),
        ],
      });
    }
  },
};
