// cosocket-in-c-callback on a real runtime: a table.sort comparator that reads Redis (bad) fails with "attempt to
// yield across C-call boundary"; reading the scores before the sort (fixed) works.
import { afterAll, expect, it } from 'vitest';
import { describeLint } from './analyzer.ts';
import { note } from './http-driver.ts';
import { AppSet } from './runtime-app.ts';
import { describeRuntime } from './runtime-env.ts';

describeLint('cosocket-in-c-callback');

describeRuntime('cosocket-in-c-callback: runtime (nginx + ngx_lua + lua-resty-redis + redis-server)', (env) => {
  const apps = new AppSet();
  afterAll(() => apps.stopAll());

  async function run(variant: 'bad' | 'fixed') {
    const app = await apps.start(env, `cosocket-in-c-callback/${variant}`);
    const reply = await app.http.request('/rank');
    const lines = app.errorLines();
    const out = { status: reply.status, order: reply.fields.order, yieldAcrossC: lines.filter((l) => l.includes('attempt to yield across C-call boundary')).length, errorLog: lines.map((l) => l.replace(/, client: .*/, '')) };
    note(`cosocket-in-c-callback/${variant}`, out);
    await apps.stop(app);
    return out;
  }

  it('bad: the Redis read inside the comparator fails with "attempt to yield across C-call boundary"; fixed: sorted', async () => {
    const bad = await run('bad');
    const fixed = await run('fixed');
    const msg = JSON.stringify({ bad, fixed });

    expect(bad.status, msg).toBe(500);
    expect(bad.yieldAcrossC, msg).toBeGreaterThanOrEqual(1);
    expect(fixed.status, msg).toBe(200);
    expect(fixed.order, msg).toBe('b,c,a');
    expect(fixed.errorLog, msg).toEqual([]);
  });
});
