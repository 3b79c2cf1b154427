// pool-mixed-lifecycle on a real runtime: /long pools with set_keepalive(), /short closes, one pool.
import { afterAll, expect, it } from 'vitest';
import { describeLint } from './analyzer.ts';
import { alternate, note, summarize } from './http-driver.ts';
import { AppSet } from './runtime-app.ts';
import { describeRuntime } from './runtime-env.ts';

describeLint('pool-mixed-lifecycle');

const N = 200; // alternating /long, /short, sequential on one keep-alive client connection

describeRuntime('pool-mixed-lifecycle: runtime (nginx + ngx_lua + lua-resty-redis + redis-server)', (env) => {
  const apps = new AppSet();
  afterAll(() => apps.stopAll());

  async function run(variant: 'bad' | 'fixed') {
    const app = await apps.start(env, `pool-mixed-lifecycle/${variant}`);
    await app.control.command(['SET', 'k', 'v']);
    const { result, newConnections } = await app.measure(() => app.http.sequence(alternate(N, ['/long', '/short'])));
    const out = {
      newConnections,
      long: summarize(result.filter((r) => r.path === '/long')),
      short: summarize(result.filter((r) => r.path === '/short')),
      // idle connections left in nginx's pool at the end (Redis CLIENT LIST, TCP clients)
      pooledAtEnd: (await app.tcpClients()).length,
      timeWait: app.timeWait(),
      errorLog: app.errorLines(),
    };
    note(`pool-mixed-lifecycle/${variant}`, out);
    await apps.stop(app);
    return out;
  }

  it(`bad: /short takes the connection /long pooled and closes it (≈1 new connection per 2 requests, /long reuse ≈0); fixed: one connection reused`, async () => {
    const bad = await run('bad');
    const fixed = await run('fixed');
    const msg = JSON.stringify({ bad, fixed });

    expect(bad.long.requests + bad.short.requests, msg).toBe(N);
    expect(bad.long.errors + bad.short.errors, msg).toBe(0);
    // every /short gets the pooled connection and destroys it, so every /long opens a new one (measured 100 of 200)
    expect(bad.newConnections, msg).toBeGreaterThanOrEqual(0.45 * N);
    expect(bad.long.reuseRate, msg).toBeLessThanOrEqual(0.1);
    expect(bad.short.reuseRate, msg).toBeGreaterThanOrEqual(0.9);
    expect(bad.pooledAtEnd, msg).toBe(0); // the last /short closed the only pooled connection
    if (bad.timeWait) {
      // nginx sends the first FIN (close()), so TIME_WAIT lands on the nginx side of the Redis port
      expect(bad.timeWait.clientSide, msg).toBeGreaterThanOrEqual(0.5 * bad.newConnections);
      expect(bad.timeWait.serverSide, msg).toBe(0);
    }

    expect(fixed.long.errors + fixed.short.errors, msg).toBe(0);
    expect(fixed.newConnections, msg).toBeLessThan(5);
    expect(fixed.pooledAtEnd, msg).toBeGreaterThanOrEqual(1);
    expect(fixed.long.reuseRate, msg).toBeGreaterThanOrEqual(0.9);
    expect(fixed.short.reuseRate, msg).toBeGreaterThanOrEqual(0.9);
  });
});
