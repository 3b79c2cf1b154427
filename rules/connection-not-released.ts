import { compareSpan } from '../src/core/findings.ts';
import { literal } from '../src/core/message-text.ts';
import type { Rule } from '../src/model/rule.ts';

export const rule: Rule = {
  meta: {
    id: 'connection-not-released',
    name: 'ConnectionNotReleased',
    shortDescription: 'A connected client reaches the end of a normal path without set_keepalive() or close()',
    fullDescription:
      'A client connected successfully, then a normal (non-error) path ended without returning it to the pool with set_keepalive() and without closing it or handing it on. ' +
      'The request-end cleanup closes such connections: they are never pooled. ngx.exit(), ngx.redirect() and ngx.exec() end the handler, so a release written after them never runs; so does a call of a project function that ends the request on every path (a say(s) helper that calls ngx.exit(200)). ' +
      'When another path returns connections of the same pool with set_keepalive(), the site is reported once, as pool-mixed-lifecycle.',
    help: {
      text:
        'Every successfully connected client should be returned to the pool with set_keepalive() (or closed) on every normal path. When the handler ends first, ' +
        'ngx_lua closes the connection during request cleanup: the next request pays a new TCP connection (and the server a TIME_WAIT). Move the release before ' +
        'ngx.exit()/ngx.redirect()/ngx.exec() and before early returns. Returns on error paths of the client (if not ok then return end) do not count.',
      markdown:
        'Every successfully connected client should be returned to the pool with `set_keepalive()` (or closed) on every normal path. When the handler ends first, ' +
        'ngx_lua closes the connection during request cleanup: the next request pays a new TCP connection.\n\nMove the release before `ngx.exit()`/`ngx.redirect()`/`ngx.exec()` ' +
        'and before early returns. Returns on error paths of the client (`if not ok then return end`) do not count.',
    },
    defaultLevel: 'warning',
    tags: ['performance', 'connection-pool', 'openresty'],
    precision: 'high',
    example: {
      bad: ['local red = redis:new()', 'assert(red:connect("127.0.0.1", 6379))', 'ngx.say(red:get("k"))', 'ngx.exit(200)', 'red:set_keepalive(10000, 100) -- never runs'].join('\n'),
      good: ['local red = redis:new()', 'assert(red:connect("127.0.0.1", 6379))', 'ngx.say(red:get("k"))', 'red:set_keepalive(10000, 100)', 'ngx.exit(200)'].join('\n'),
    },
  },
  check(model, report) {
    // One finding per site: the first path end (by location) that leaves it.
    const seen = new Set<string>();
    for (const u of [...model.unreleased].sort((a, b) => compareSpan(a.pathEnd, b.pathEnd))) {
      const at = `${u.location.file}:${u.location.startLine}:${u.location.startColumn}`;
      if (seen.has(at)) continue;
      seen.add(at);
      if (u.refused) {
        const call = literal(u.refused.through ? `\`${u.refused.through}()\` (which calls ${u.refused.method}())` : `\`${u.refused.method}()\``);
        report({
          message:
            `This ${u.client} connection is still subscribed, so ${call} does not pool it. ` +
            `It returns nil, "${literal(u.refused.error)}" here, and request cleanup closes the connection. Unsubscribe first (or close() it: a subscriber's connection is not for reuse).`,
          location: u.location,
        });
        continue;
      }
      const how =
        u.end === 'exit'
          ? 'The handler ends at [ngx.exit/redirect/exec](1) before any set_keepalive() or close(), so a release written after it never runs. ' +
            'Request cleanup then closes it instead of pooling it. Move the release before that call.'
          : '[This path ends](1) without set_keepalive() or close(). Request cleanup then closes it instead of pooling it. ' +
            'Release it with set_keepalive() before the path ends.';
      report({
        message: `This ${u.client} connection is never released on a normal path. ${how}`,
        location: u.location,
        related: [{ ...u.pathEnd, message: 'the path ends here with the connection still open' }],
      });
    }
  },
};
