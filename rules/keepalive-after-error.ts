import type { Rule } from '../src/model/rule.ts';

/** Raw cosocket reads whose failure (typically a timeout) leaves unread reply bytes behind. */
const RECEIVE_OPS = new Set(['receive', 'receiveany', 'receiveuntil', 'read']);

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
      let why: string | undefined;
      if (u.client === 'ngx.socket.tcp' && u.errorPath && u.errorOp && RECEIVE_OPS.has(u.errorOp)) {
        why = `after \`${u.errorOp}()\` failed: a read timeout leaves the socket open, and the late reply is what the next user of the pool reads first`;
      } else if (u.client === 'resty.http' && u.errorPath) {
        why = `after \`${u.errorOp ?? 'a request'}()\` failed: the connection's state is unknown`;
      } else if (u.client === 'resty.http' && u.unreadBody) {
        why = 'before the response body was read: the unread body stays in the connection and the next request on it fails';
      }
      if (!why) continue;
      report({ message: `This ${u.client} connection is returned to the pool ${why}. Close it instead (or read the body first).`, location: u.location });
    }
  },
};
