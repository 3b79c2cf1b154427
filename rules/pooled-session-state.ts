import { literal } from '../src/core/message-text.ts';
import type { Rule } from '../src/model/rule.ts';
import { describeKey } from '../src/model/pool-key.ts';
import { usesByKey } from '../src/model/pool-uses.ts';

export const rule: Rule = {
  meta: {
    id: 'pooled-session-state',
    name: 'PooledSessionState',
    shortDescription: 'A Redis connection goes back to a shared pool still carrying SELECT or MULTI state',
    fullDescription:
      'A resty.redis connection is returned with set_keepalive() after select(n) while other users of the same pool never select a db, or inside multi() without exec()/discard(). ' +
      'Redis session state stays on the TCP connection and is invisible to the pool key: the next user inherits it.',
    help: {
      text:
        'Give connections that select a different db their own pool (connect opts.pool = "redis:db2"), select the db on every use of the pool, or select back before set_keepalive(). ' +
        'Finish or discard a transaction before pooling. resty.redis.connector sends DISCARD before pooling.',
      markdown:
        'Give connections that select a different db their own pool (`connect(host, port, { pool = "redis:db2" })`), select the db on every use of the pool, or select back before `set_keepalive()`. ' +
        'Finish or `discard()` a transaction before pooling. resty.redis.connector sends DISCARD before pooling.',
    },
    defaultLevel: 'warning',
    tags: ['correctness', 'connection-pool', 'redis'],
    precision: 'high',
    example: {
      bad: ['red:select(2)', 'red:get("session:" .. id)', 'red:set_keepalive(10000, 100)  -- the next user of the pool reads db 2'].join('\n'),
      good: ['red:connect("127.0.0.1", 6379, { pool = "redis:db2" })', 'red:select(2)', 'red:get("session:" .. id)', 'red:set_keepalive(10000, 100)'].join('\n'),
    },
  },
  check(model, report) {
    for (const uses of usesByKey(model.poolUses).values()) {
      for (const u of uses) {
        if (u.mode !== 'long' || !model.clients.get(u.client)?.session) continue;
        if (u.session.multi) {
          report({
            message:
              `This connection of pool ${literal(describeKey(u.key))} is pooled inside MULTI, with no exec() or discard() on this path. ` +
              "The next user's commands are queued into the open transaction. Finish or discard() the transaction before set_keepalive().",
            location: u.location,
          });
          continue;
        }
        const db = u.session.db;
        if (typeof db !== 'string' || db === '0') continue;
        const other = uses.find((o) => o !== u && o.session.db === undefined);
        if (!other) continue;
        report({
          message:
            `This connection of pool ${literal(describeKey(u.key))} is pooled with db ${literal(db)} selected. ` +
            `[Another user of the pool](1) never selects a db: it can get this connection and read and write db ${literal(db)} instead of db 0. Use a separate opts.pool for db ${literal(db)}.`,
          location: u.location,
          related: [{ ...other.location, message: `uses pool ${literal(describeKey(u.key))} without select()` }],
        });
      }
    }
  },
};
