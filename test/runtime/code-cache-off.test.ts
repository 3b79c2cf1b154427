// code-cache-off on a real runtime: `lua_code_cache off;` with every path calling set_keepalive().
import { afterAll, expect, it } from 'vitest';
import { describeLint } from './analyzer.ts';
import { alternate, note, summarize } from './http-driver.ts';
import { AppSet } from './runtime-app.ts';
import { describeRuntime } from './runtime-env.ts';

describeLint('code-cache-off');

const N = 100; // sequential on one keep-alive client connection (the cache-off app is ~10x slower per request)

describeRuntime('code-cache-off: runtime (nginx + ngx_lua + lua-resty-redis + redis-server)', (env) => {
  const apps = new AppSet();
  afterAll(() => apps.stopAll());

  async function run(variant: 'bad' | 'fixed') {
    const app = await apps.start(env, `code-cache-off/${variant}`);
    await app.control.command(['SET', 'k', 'v']);
    const t0 = Date.now();
    const { result, newConnections } = await app.measure(() => app.http.sequence(alternate(N, ['/get'])));
    const out = {
      ms: Date.now() - t0,
      newConnections,
      ...summarize(result),
      maxVmSeq: Math.max(...result.map((r) => Number(r.fields.vmseq ?? 0))),
      alerts: app.errorLines().filter((l) => l.includes('lua_code_cache is off')).length,
      errorLog: app.errorLines().filter((l) => !l.includes('lua_code_cache is off')),
    };
    note(`code-cache-off/${variant}`, out);
    await apps.stop(app);
    return out;
  }

  it('bad: every request runs in a fresh Lua VM and opens a new connection, never reused; fixed: reused', async () => {
    const bad = await run('bad');
    const fixed = await run('fixed');
    const msg = JSON.stringify({ bad, fixed });

    expect(bad.requests, msg).toBe(N);
    expect(bad.errors, msg).toBe(0); // set_keepalive() still returns 1: nothing tells the handler
    expect(bad.reuseRate, msg).toBeLessThanOrEqual(0.1); // measured: 0
    expect(bad.newConnections, msg).toBeGreaterThanOrEqual(0.9 * N); // measured: N
    expect(bad.maxVmSeq, msg).toBe(1); // a fresh VM per request
    expect(bad.alerts, msg).toBeGreaterThanOrEqual(1); // only the startup [alert] says anything
    expect(bad.errorLog, msg).toEqual([]);

    expect(fixed.errors, msg).toBe(0);
    expect(fixed.reuseRate, msg).toBeGreaterThanOrEqual(0.9);
    expect(fixed.newConnections, msg).toBeLessThan(5);
    expect(fixed.maxVmSeq, msg).toBeGreaterThanOrEqual(0.9 * N);
    expect(fixed.alerts, msg).toBe(0);
  });
});
