// keepalive-exceeds-server-timeout on a real runtime: redis `timeout 1`, bursts of requests with pauses longer
// than the server timeout. bad: set_keepalive(0, 100) (no nginx-side idle limit); fixed: set_keepalive(500, 100).
//
// What the rule claims, and what is asserted: Redis closes the idle pooled connections (redis log "Closing idle
// client", TIME_WAIT on the Redis side), and the next request opens a new one. What the fix changes: nginx drops
// idle connections itself (first FIN from nginx, no "Closing idle client"); the connection after a pause is new in
// both variants, so the fix does not reduce connections. No request failed in either variant.
import { afterAll, expect, it } from 'vitest';
import { describeLint } from './analyzer.ts';
import { alternate, note, summarize, type Reply } from './http-driver.ts';
import { sleep } from './processes.ts';
import { AppSet } from './runtime-app.ts';
import { describeRuntime } from './runtime-env.ts';

describeLint('keepalive-exceeds-server-timeout');

const BURSTS = 3;
const BURST_N = 20;
// Redis checks idleness in whole seconds (idle > timeout): a 1 s timeout can take up to ~2.1 s to fire.
const PAUSE_MS = 2500;

describeRuntime('keepalive-exceeds-server-timeout: runtime (nginx + ngx_lua + lua-resty-redis + redis-server)', (env) => {
  const apps = new AppSet();
  afterAll(() => apps.stopAll());

  async function run(variant: 'bad' | 'fixed') {
    const app = await apps.start(env, `keepalive-exceeds-server-timeout/${variant}`);
    await app.control.command(['SET', 'k', 'v']);
    const bursts: Reply[][] = [];
    const { newConnections } = await app.measure(async () => {
      for (let b = 0; b < BURSTS; b++) {
        if (b > 0) await sleep(PAUSE_MS);
        bursts.push(await app.http.sequence(alternate(BURST_N, ['/get'])));
      }
    });
    const all = bursts.flat();
    const out = {
      newConnections,
      ...summarize(all),
      firstAfterPause: bursts.slice(1).map((b) => b[0].reused),
      withinBurstReuse: summarize(bursts.flatMap((b) => b.slice(1))).reuseRate,
      redisClosedIdle: app.redisLogCount(/Closing idle client/),
      clientClosed: app.redisLogCount(/Client closed connection .*addr=127\.0\.0\.1:/),
      timeWait: app.timeWait(),
      errorLog: app.errorLines(),
    };
    note(`keepalive-exceeds-server-timeout/${variant}`, out);
    await apps.stop(app);
    return out;
  }

  it('bad: Redis closes the pooled connection during each pause (churn, no errors); fixed: nginx closes it first', async () => {
    const [bad, fixed] = await Promise.all([run('bad'), run('fixed')]);
    const msg = JSON.stringify({ bad, fixed });
    const pauses = BURSTS - 1;

    for (const v of [bad, fixed]) {
      expect(v.requests, msg).toBe(BURSTS * BURST_N);
      expect(v.errors, msg).toBe(0);
      expect(v.withinBurstReuse, msg).toBeGreaterThanOrEqual(0.9);
      // the first request after every pause gets a new connection, in both variants
      expect(v.firstAfterPause, msg).toEqual(Array(pauses).fill(0));
      expect(v.newConnections, msg).toBe(BURSTS);
    }

    // bad: Redis ended the idle pooled connections (server-side close)
    expect(bad.redisClosedIdle, msg).toBeGreaterThanOrEqual(pauses);
    if (bad.timeWait) {
      expect(bad.timeWait.serverSide, msg).toBeGreaterThanOrEqual(pauses);
      expect(bad.timeWait.clientSide, msg).toBe(0);
    }

    // fixed: nginx's 500 ms idle limit closes them first; Redis never has to
    expect(fixed.redisClosedIdle, msg).toBe(0);
    expect(fixed.clientClosed, msg).toBeGreaterThanOrEqual(pauses);
    if (fixed.timeWait) {
      expect(fixed.timeWait.serverSide, msg).toBe(0);
      expect(fixed.timeWait.clientSide, msg).toBeGreaterThanOrEqual(pauses);
    }
  });
});
