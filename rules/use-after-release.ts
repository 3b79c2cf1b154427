import { literal } from '../src/core/message-text.ts';
import type { Rule } from '../src/model/rule.ts';

export const rule: Rule = {
  meta: {
    id: 'use-after-release',
    name: 'UseAfterRelease',
    shortDescription: 'A client is used after set_keepalive() or close(), or connected twice',
    fullDescription:
      'A method other than connect() is called on a client after set_keepalive() or close() on every path reaching the call; or connect() is called again on a client that is still connected; ' +
      'or a client is released while it stays in an ngx.ctx slot that a getter hands out again later in the request.',
    help: {
      text:
        'After set_keepalive() or close() the client object is closed: every call except connect() returns nil, "closed" (a second set_keepalive too). ' +
        'connect() on a connected object closes the old connection instead of pooling it. Release exactly once, after the last command; reconnect only after a release.',
      markdown:
        'After `set_keepalive()` or `close()` the client object is closed: every call except `connect()` returns `nil, "closed"` (a second `set_keepalive()` too). ' +
        '`connect()` on a connected object closes the old connection instead of pooling it.\n\nRelease exactly once, after the last command; reconnect only after a release.',
    },
    defaultLevel: 'error',
    tags: ['correctness', 'connection-pool', 'openresty'],
    precision: 'high',
    example: {
      bad: ['red:set_keepalive(10000, 100)', 'local n = red:incr("hits") -- nil, "closed"'].join('\n'),
      good: ['local n = red:incr("hits")', 'red:set_keepalive(10000, 100)'].join('\n'),
    },
  },
  check(model, report) {
    for (const u of model.useAfterRelease) {
      const related = u.previous.map((p) => ({ ...p, message: u.reconnect ? 'connected here' : 'released here' }));
      report({
        message: u.reconnect
          ? 'connect() is called on a client that is still connected ([connected here](1)). ngx_lua closes the old connection instead of pooling it. Release it with set_keepalive() first.'
          : `\`${u.method}()\` is called after the client was [released](1) on every path reaching it. The object is closed, so the call returns nil, "closed". Release after the last command.`,
        location: u.location,
        related,
      });
    }
    for (const s of model.staleCtxReleases) {
      report({
        message:
          `This client is released but stays in ngx.ctx.${literal(s.slot)}, where a getter hands it out again. ` +
          `[${literal(s.getterName)}()](1) returns it to any later caller in this request, whose commands then get nil, "closed" after \`${s.via}()\`. ` +
          `Set ngx.ctx.${s.slot} = nil after releasing it.`,
        location: s.location,
        related: [{ ...s.getter, message: `returns ngx.ctx.${s.slot} when it is set` }],
        level: 'warning',
      });
    }
  },
};
