import { literal } from '../src/core/message-text.ts';
import type { Rule } from '../src/model/rule.ts';
import { describeKey, literalPort } from '../src/model/pool-key.ts';
import type { PoolUse, ProjectModel } from '../src/model/project-model.ts';


export const rule: Rule = {
  meta: {
    id: 'keepalive-exceeds-server-timeout',
    name: 'KeepaliveExceedsServerTimeout',
    shortDescription: 'Pooled Redis connections idle longer than the Redis server timeout',
    fullDescription:
      'A redis.conf in the project closes clients idle for `timeout` seconds, but set_keepalive keeps pooled connections idle as long or longer (0 = forever, or an omitted timeout where lua_socket_keepalive_timeout is as long). Redis then closes pooled connections.',
    help: {
      text:
        'Measured on nginx + ngx_lua + Redis with timeout 1 and set_keepalive(0): Redis closed idle pooled connections and the next request opened a new one (churn and TIME_WAIT on the Redis host; no request errors were seen on loopback). ' +
        'To keep connections across idle periods, raise or disable the Redis timeout (timeout 0). An idle timeout below the server timeout only makes nginx close them first (the churn moves, it does not go away), but it stops Redis from closing connections underneath nginx.',
      markdown:
        'Measured on nginx + ngx_lua + Redis with `timeout 1` and `set_keepalive(0)`: Redis closed idle pooled connections and the next request opened a new one (churn and TIME_WAIT on the Redis host; no request errors were seen on loopback).\n\n' +
        'To keep connections across idle periods, raise or disable the Redis `timeout` (`timeout 0`). An idle timeout below the server timeout only makes nginx close them first (the churn moves, it does not go away), but it stops Redis from closing connections underneath nginx.',
    },
    defaultLevel: 'warning',
    tags: ['performance', 'redis', 'connection-pool'],
    precision: 'high',
    example: {
      bad: ['-- redis.conf: timeout 60', 'red:set_keepalive(120000, 100)  -- idle up to 120 s: Redis closes them at 60 s'].join('\n'),
      good: ['-- redis.conf: timeout 60', 'red:set_keepalive(30000, 100)  -- 30 s, below the server timeout'].join('\n'),
    },
  },
  check(model, report) {
    // One finding per keepalive site: against the shortest timeout among the redis.conf files of the site's own
    // project on its port (docs/semantics.md §6); the others that it exceeds too are related locations.
    for (const u of model.poolUses) {
      if (u.mode !== 'long' || u.implicit || model.clients.get(u.client)?.serverConfig !== 'redis') continue;
      const exceeded: Array<{ server: (typeof model.redisServers)[number]; idle: string }> = [];
      for (const server of model.redisServers) {
        if (server.timeoutSeconds <= 0 || (server.units && !server.units.has(u.unit))) continue;
        if (server.port !== undefined && literalPort(u.key) !== server.port) continue;
        const idle = idleOver(u, server.timeoutSeconds * 1000, model);
        if (idle) exceeded.push({ server, idle });
      }
      if (exceeded.length === 0) continue;
      exceeded.sort((a, b) => a.server.timeoutSeconds - b.server.timeoutSeconds || (a.server.file < b.server.file ? -1 : a.server.file > b.server.file ? 1 : 0));
      const { server, idle } = exceeded[0];
      const limitMs = server.timeoutSeconds * 1000;
      const pool = u.key ? ` of pool ${literal(describeKey(u.key))}` : '';
      report({
        message:
          `Redis closes clients idle for ${server.timeoutSeconds} s, but connections${pool} stay pooled at least as long. ` +
          `They are pooled with ${idle}, so [the Redis server](1) closes pooled connections, and the next request after an idle period opens a new one. ` +
          `Raise or disable the Redis timeout to keep them, or use an idle timeout below ${limitMs} ms so nginx closes them first.`,
        location: u.location,
        related: exceeded.map(({ server: s }) => ({ ...(s.timeoutLocation ?? { file: s.file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }), message: `timeout ${s.timeoutSeconds}` })),
      });
    }
  },
};

/** How the use's idle time reaches `limitMs`, in words; undefined when it stays below. */
function idleOver(u: PoolUse, limitMs: number, model: ProjectModel): string | undefined {
  if (u.timeoutMs === 0) return 'no idle limit (0)';
  if (typeof u.timeoutMs === 'number') return u.timeoutMs >= limitMs ? `an idle limit of ${u.timeoutMs} ms` : undefined;
  if (u.timeoutMs !== undefined) return undefined;
  const inherited = model.nginx.keepaliveTimeoutMs.get(u.unit) ?? model.nginx.defaultKeepaliveTimeoutMs;
  return inherited >= limitMs ? `lua_socket_keepalive_timeout's ${inherited} ms (no timeout argument)` : undefined;
}
