// cosocket-disabled-phase on a real runtime: Redis work in log_by_lua_block, directly (bad) or in ngx.timer.at (fixed).
import { afterAll, expect, it } from 'vitest';
import { describeLint } from './analyzer.ts';
import { alternate, note, summarize } from './http-driver.ts';
import { sleep } from './processes.ts';
import { AppSet } from './runtime-app.ts';
import { describeRuntime } from './runtime-env.ts';

describeLint('cosocket-disabled-phase');

const N = 20;

describeRuntime('cosocket-disabled-phase: runtime (nginx + ngx_lua + lua-resty-redis + redis-server)', (env) => {
  const apps = new AppSet();
  afterAll(() => apps.stopAll());

  async function run(variant: 'bad' | 'fixed') {
    const app = await apps.start(env, `cosocket-disabled-phase/${variant}`);
    const replies = await app.http.sequence(alternate(N, ['/hit']));
    // the log phase (and the timers it starts) run after the response: wait for the counter to settle
    let logged = await app.control.command(['GET', 'logged']);
    for (let i = 0; i < 40 && variant === 'fixed' && logged !== String(N); i++) {
      await sleep(50);
      logged = await app.control.command(['GET', 'logged']);
    }
    await sleep(100);
    const lines = app.errorLines();
    const out = {
      ...summarize(replies),
      logged,
      disabledLog: lines.filter((l) => l.includes('API disabled in the context of log_by_lua*')).length,
      errorLog: [...new Set(lines.map((l) => l.replace(/, client: .*/, '')))],
    };
    note(`cosocket-disabled-phase/${variant}`, out);
    await apps.stop(app);
    return out;
  }

  it('bad: redis:new() in log_by_lua fails with "API disabled in the context of log_by_lua*"; fixed: the timer does the work', async () => {
    const bad = await run('bad');
    const fixed = await run('fixed');
    const msg = JSON.stringify({ bad, fixed });

    expect(bad.requests, msg).toBe(N);
    expect(bad.errors, msg).toBe(0); // the response was already sent: the client sees nothing
    expect(bad.logged, msg).toBeNull(); // nothing reached Redis
    expect(bad.disabledLog, msg).toBe(N);
    expect(bad.errorLog.every((l) => /failed to run log_by_lua\*: \S+: API disabled in the context of log_by_lua\*/.test(l)), msg).toBe(true);

    expect(fixed.errors, msg).toBe(0);
    expect(fixed.logged, msg).toBe(String(N));
    expect(fixed.errorLog, msg).toEqual([]);
  });
});
