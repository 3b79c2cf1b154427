import type { CallRewrite } from '../src/core/findings.ts';
import { literal } from '../src/core/message-text.ts';
import type { ProjectModel } from '../src/model/project-model.ts';
import type { Rule } from '../src/model/rule.ts';
import { describeKey, familyNote } from '../src/model/pool-key.ts';
import { firstByLocation, usesByKey, type KeyedUse } from '../src/model/pool-uses.ts';

export const rule: Rule = {
  meta: {
    id: 'pool-mixed-lifecycle',
    name: 'PoolMixedLifecycle',
    shortDescription: 'A connection pool is returned with set_keepalive on one path and closed on another',
    fullDescription:
      'One connection pool (same pool key) is released with set_keepalive() on some path and closed (or never released) on the normal path of another. ' +
      "connect() takes an idle pooled connection first, so the closing path keeps destroying the connections the keepalive path pooled. " +
      'A site left unreleased only by an early return inside a branch (bad input, another backend failing) is a note: it costs a connection each time the branch runs, not the reuse of the pool.',
    help: {
      text:
        'connect() always hands out an idle connection from the pool before opening a new one. When one code path returns connections with ' +
        'set_keepalive() and another path connects to the same pool and calls close() (or lets the request end close it), the closing path takes ' +
        "the pooled connections and destroys them: the keepalive path's reuse collapses (measured on nginx + ngx_lua + Redis: 99% -> 0%), and every " +
        'close costs a new TCP connection and a TIME_WAIT socket on the nginx host. Fix: call set_keepalive() on this path too. Giving the closing ' +
        "path its own opts.pool only shields the other path's reuse; it does not reduce connections.",
      markdown:
        '`connect()` always hands out an idle connection from the pool before opening a new one. When one code path returns connections with ' +
        '`set_keepalive()` and another path connects to **the same pool** and calls `close()` (or lets the request end close it), the closing path ' +
        "takes the pooled connections and destroys them:\n\n- the keepalive path's reuse collapses (measured on nginx + ngx_lua + Redis: 99% → 0%);\n" +
        '- every close costs a new TCP connection and a TIME_WAIT socket on the nginx host.\n\n**Fix:** call `set_keepalive()` on this path too. ' +
        "Giving the closing path its own `opts.pool` only shields the other path's reuse; it does not reduce connections.",
    },
    defaultLevel: 'warning',
    tags: ['performance', 'connection-pool', 'openresty'],
    precision: 'high',
    subsumes: ['connection-not-released'],
    example: {
      bad: [
        'local function get(key)          -- pooled path',
        '  local red = redis:new()',
        '  red:connect("127.0.0.1", 6379)',
        '  local v = red:get(key)',
        '  red:set_keepalive(10000, 100)',
        '  return v',
        'end',
        'local function flush()           -- same pool, closes',
        '  local red = redis:new()',
        '  red:connect("127.0.0.1", 6379)',
        '  red:flushdb()',
        '  red:close()',
        'end',
      ].join('\n'),
      good: [
        'local function flush()',
        '  local red = redis:new()',
        '  red:connect("127.0.0.1", 6379)',
        '  red:flushdb()',
        '  red:set_keepalive(10000, 100)  -- return it to the pool too',
        'end',
      ].join('\n'),
    },
  },
  check(model, report) {
    for (const uses of usesByKey(model.poolUses).values()) {
      const keepalive = firstByLocation(uses.filter((u) => u.mode === 'long'));
      if (!keepalive) continue;
      const key = literal(describeKey(keepalive.key));
      const pooledHere = { ...keepalive.location, message: `${keepalive.via}() returns connections of pool ${literal(describeKey(keepalive.key))} to the pool here` };
      // One finding per site: the strongest of its paths decides what the message claims.
      const bySite = new Map<string, KeyedUse[]>();
      for (const u of uses) {
        if (u.mode === 'long' || u.errorPath) continue;
        const at = `${u.location.file}:${u.location.startLine}:${u.location.startColumn}`;
        bySite.set(at, [...(bySite.get(at) ?? []), u]);
      }
      for (const paths of bySite.values()) {
        const main = paths.find((u) => u.mode === 'short' || !u.early);
        if (main) {
          const what =
            main.mode === 'short'
              ? `\`${main.via}()\` closes a connection of pool ${key}, which another path keeps alive. `
              : `This connection of pool ${key} is never returned to the pool on a normal path. ` +
                '[The path ends here](2), and request cleanup closes it. ';
          report({
            message:
              `${what}${familyNote(keepalive.key)}[The keepalive path](1) returns connections of this pool with set_keepalive(). connect() hands this path the connections the other path pooled and ` +
              `this path closes them, so the keepalive path's reuse collapses (measured: 99% -> 0%) and every close costs a new TCP connection and a ` +
              'TIME_WAIT on the nginx host. Call set_keepalive() here too; a separate opts.pool only shields the other path.',
            location: main.location,
            related: main.pathEnd ? [pooledHere, { ...main.pathEnd, message: 'path ends without a release' }] : [pooledHere],
            fix: main.mode === 'short' ? keepaliveInstead(main, keepalive, model) : undefined,
          });
          continue;
        }
        // Only early returns leave it unreleased: a rare path, which costs connections but not the pool's reuse.
        const early = paths[0];
        const when = early.afterFailureOf !== undefined ? `The return is taken when \`${early.afterFailureOf}()\` fails. ` : '';
        report({
          message:
            `This connection of pool ${key} is not returned to the pool on [an early return](2). ${when}${familyNote(keepalive.key)}Request cleanup closes it, while ` +
            '[another path](1) pools connections of this pool. Each time that branch runs, a pooled connection is closed (a new TCP connection and a ' +
            'TIME_WAIT later); the other path keeps its reuse while the branch stays rare. Release it with set_keepalive() before returning.',
          location: early.location,
          related: [pooledHere, { ...early.pathEnd!, message: 'early return without a release' }],
          level: 'note',
        });
      }
    }
  },
};

/** The short path's close() rewritten to the keepalive call the other path makes, with its idle time and pool
 *  size: only when both are known (or both omitted), the keepalive method's name is seen in the project, and the
 *  connection carries no session state. */
function keepaliveInstead(site: KeyedUse, keepalive: KeyedUse, model: ProjectModel): CallRewrite | undefined {
  const { timeoutMs, poolSize } = keepalive;
  // Pooling this connection must not hand its state to the pool's next user (a selected db, an open MULTI, a
  // subscription) nor an unread response body: then the fix is not mechanical.
  if (site.session.db !== undefined || site.session.multi || site.session.subscribed || site.unreadBody) return undefined;
  if (timeoutMs === null || poolSize === null || (timeoutMs === undefined && poolSize !== undefined)) return undefined;
  const bare = (via: string) => /^[A-Za-z_]\w*$/.test(via);
  // Through a wrapper (store.release), the method is the one the wrappers call on this client.
  const method = bare(keepalive.via) ? keepalive.via : firstByLocation(model.wrapperKeepalives.filter((w) => w.client === site.client && bare(w.via)))?.via;
  if (!method || !bare(site.via)) return undefined;
  const args = [timeoutMs, poolSize].filter((v) => v !== undefined).map(String);
  return {
    description: `Return the connection to the pool: ${method}(${args.join(', ')}), as the keepalive path does`,
    call: site.location,
    method: site.via,
    newMethod: method,
    args,
  };
}
