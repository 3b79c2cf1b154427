import type { Rule } from '../src/model/rule.ts';


export const rule: Rule = {
  meta: {
    id: 'keepalive-after-error',
    name: 'KeepaliveAfterError',
    shortDescription: 'A connection is returned to the pool after an error left it in an unknown state',
    fullDescription:
      'set_keepalive() is called on an error path of a client whose library does not keep broken connections out of the pool: a raw cosocket after a failed receive ' +
      '(a read timeout keeps the socket open, and the late reply poisons the next user), or resty.http before the response body was read.',
    help: {
      text:
        'On an error path, close() the connection instead of pooling it. For resty.http, read the body (res:read_body()) before set_keepalive(). ' +
        'Not reported for resty.redis (it closes the socket itself on a timeout) or resty.mysql (it refuses to pool outside the connected state).',
      markdown:
        'On an error path, `close()` the connection instead of pooling it. For resty.http, read the body (`res:read_body()`) before `set_keepalive()`.\n\n' +
        'Not reported for resty.redis (it closes the socket itself on a timeout) or resty.mysql (it refuses to pool outside the connected state).',
    },
    defaultLevel: 'warning',
    tags: ['correctness', 'connection-pool', 'openresty'],
    precision: 'medium',
    example: {
      bad: ['local line, err = sock:receive()', 'if not line then', '  sock:setkeepalive()  -- the late reply poisons the pool', '  return', 'end'].join('\n'),
      good: ['local line, err = sock:receive()', 'if not line then', '  sock:close()', '  return', 'end'].join('\n'),
    },
  },
  check(model, report) {
    for (const u of model.poolUses) {
      if (u.mode !== 'long' || u.implicit) continue;
      // Only libraries that do not keep broken connections out of their pool (their profile says which).
      const unsafe = model.clients.get(u.client)?.keepaliveAfterError;
      if (!unsafe) continue;
      let when: string | undefined;
      let why = '';
      if (u.errorPath && (!unsafe.failedOps || (u.errorOp !== undefined && unsafe.failedOps.includes(u.errorOp)))) {
        when = `after \`${u.errorOp ?? 'a request'}()\` failed`;
        why = unsafe.why;
      } else if (u.unreadBody && model.clients.get(u.client)?.requestMethods) {
        when = 'before the response body was read';
        why = 'the unread body stays in the connection and the next request on it fails';
      }
      if (!when) continue;
      report({
        message: `This ${u.client} connection is returned to the pool ${when}. ${why[0].toUpperCase()}${why.slice(1)}. Close it instead (or read the body first).`,
        location: u.location,
      });
    }
  },
};
