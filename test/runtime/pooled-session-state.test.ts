// pooled-session-state on a real runtime: /a selects db 2 and pools, /b (db 0, no select) uses the same pool.
import { afterAll, expect, it } from 'vitest';
import { describeLint } from './analyzer.ts';
import { alternate, note, summarize } from './http-driver.ts';
import { AppSet } from './runtime-app.ts';
import { describeRuntime } from './runtime-env.ts';

describeLint('pooled-session-state');

const N = 100; // alternating /a, /b, sequential on one keep-alive client connection

describeRuntime('pooled-session-state: runtime (nginx + ngx_lua + lua-resty-redis + redis-server)', (env) => {
  const apps = new AppSet();
  afterAll(() => apps.stopAll());

  async function run(variant: 'bad' | 'fixed') {
    const app = await apps.start(env, `pooled-session-state/${variant}`);
    // "only_in_db2" exists in db 2 only
    for (const cmd of [['SELECT', '2'], ['SET', 'only_in_db2', 'db2-value'], ['SELECT', '0']]) await app.control.command(cmd);
    const { result, newConnections } = await app.measure(() => app.http.sequence(alternate(N, ['/a', '/b'])));
    const a = result.filter((r) => r.path === '/a');
    const b = result.filter((r) => r.path === '/b');
    const out = {
      newConnections,
      a: { ...summarize(a), sawDb2: a.filter((r) => r.fields.value === 'db2-value').length },
      b: { ...summarize(b), wrongDbReads: b.filter((r) => r.fields.value === 'db2-value').length, nullReads: b.filter((r) => r.fields.value === 'null').length },
    };
    note(`pooled-session-state/${variant}`, out);
    await apps.stop(app);
    return out;
  }

  it('bad: /b inherits db 2 from the pooled connection and reads a db-2 key; fixed: /b reads db 0', async () => {
    const bad = await run('bad');
    const fixed = await run('fixed');
    const msg = JSON.stringify({ bad, fixed });
    const half = N / 2;

    expect(bad.a.errors + bad.b.errors, msg).toBe(0);
    expect(bad.a.sawDb2, msg).toBe(half);
    expect(bad.b.wrongDbReads, msg).toBeGreaterThanOrEqual(0.9 * half); // measured: every /b
    expect(bad.b.reuseRate, msg).toBeGreaterThanOrEqual(0.9);

    expect(fixed.a.errors + fixed.b.errors, msg).toBe(0);
    expect(fixed.a.sawDb2, msg).toBe(half);
    expect(fixed.b.wrongDbReads, msg).toBe(0);
    expect(fixed.b.nullReads, msg).toBe(half);
    expect(fixed.b.reuseRate, msg).toBeGreaterThanOrEqual(0.9); // two pools, both reused
    expect(fixed.newConnections, msg).toBeLessThan(5);
  });
});
