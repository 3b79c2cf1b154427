// use-after-release on a real runtime: INCR after set_keepalive().
import { afterAll, expect, it } from 'vitest';
import { describeLint } from './analyzer.ts';
import { alternate, note, summarize } from './http-driver.ts';
import { AppSet } from './runtime-app.ts';
import { describeRuntime } from './runtime-env.ts';

describeLint('use-after-release');

const N = 20;

describeRuntime('use-after-release: runtime (nginx + ngx_lua + lua-resty-redis + redis-server)', (env) => {
  const apps = new AppSet();
  afterAll(() => apps.stopAll());

  async function run(variant: 'bad' | 'fixed') {
    const app = await apps.start(env, `use-after-release/${variant}`);
    const { result, newConnections } = await app.measure(() => app.http.sequence(alternate(N, ['/count'])));
    const out = {
      newConnections,
      ...summarize(result),
      statuses: [...new Set(result.map((r) => r.status))],
      hits: await app.control.command(['GET', 'hits']),
      closedSocketLog: app.errorLines().filter((l) => l.includes('attempt to send data on a closed socket')).length,
    };
    note(`use-after-release/${variant}`, out);
    await apps.stop(app);
    return out;
  }

  it('bad: the command after set_keepalive() returns nil, "closed" and never reaches Redis; fixed: it runs', async () => {
    const bad = await run('bad');
    const fixed = await run('fixed');
    const msg = JSON.stringify({ bad, fixed });

    expect(bad.statuses, msg).toEqual([200]); // a returned error, not a Lua exception
    expect(bad.errorTexts, msg).toEqual({ closed: N });
    expect(bad.hits, msg).toBeNull(); // no INCR ever reached Redis
    expect(bad.closedSocketLog, msg).toBe(N); // lua_socket_log_errors on: "attempt to send data on a closed socket"
    expect(bad.reuseRate, msg).toBeGreaterThanOrEqual(0.9); // the pool itself still works

    expect(fixed.statuses, msg).toEqual([200]);
    expect(fixed.errors, msg).toBe(0);
    expect(fixed.hits, msg).toBe(String(N));
    expect(fixed.closedSocketLog, msg).toBe(0);
  });
});
