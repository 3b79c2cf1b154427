// blocking-call on a real runtime: a 0.5 s wait in the content phase, in a shell command run by os.execute (bad)
// or through a cosocket (fixed: a Redis BLPOP that times out after 0.5 s), while a concurrent cheap request goes
// to the same (only) worker. Proven with os.execute (Debian's LuaSocket is not installed; Debian's ngx_lua lacks
// ngx.pipe): the claim is the same for any call that waits on the OS without yielding.
import { afterAll, expect, it } from 'vitest';
import { describeLint } from './analyzer.ts';
import { note } from './http-driver.ts';
import { sleep } from './processes.ts';
import { AppSet, type RuntimeApp } from './runtime-app.ts';
import { describeRuntime } from './runtime-env.ts';

describeLint('blocking-call');

const ROUNDS = 3;

describeRuntime('blocking-call: runtime (nginx + ngx_lua, worker_processes 1)', (env) => {
  const apps = new AppSet();
  afterAll(() => apps.stopAll());

  /** Latency of /fast sent 50 ms after /slow started, each on its own connection. */
  async function round(app: RuntimeApp): Promise<{ fastMs: number; slow: string; fast: string }> {
    const slow = app.http.request('/slow', { fresh: true, timeoutMs: 10_000 });
    await sleep(50);
    const t0 = performance.now();
    const fast = await app.http.request('/fast', { fresh: true, timeoutMs: 10_000 });
    const fastMs = performance.now() - t0;
    return { fastMs, slow: (await slow).body.trim(), fast: fast.body.trim() };
  }

  async function run(variant: 'bad' | 'fixed') {
    const app = await apps.start(env, `blocking-call/${variant}`);
    await app.http.request('/fast'); // the worker is up and its Lua VM loaded
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await round(app));
    const out = { fastMs: rounds.map((r) => Math.round(r.fastMs)), replies: [...new Set(rounds.flatMap((r) => [r.slow, r.fast]))], errorLog: app.errorLines() };
    note(`blocking-call/${variant}`, out);
    await apps.stop(app);
    return out;
  }

  it('bad: os.execute stalls a concurrent request of the worker for the command\'s duration; fixed: a cosocket wait does not', async () => {
    const bad = await run('bad');
    const fixed = await run('fixed');
    const msg = JSON.stringify({ bad, fixed });

    expect(bad.replies.sort(), msg).toEqual(['fast', 'slow done']);
    expect(fixed.replies.sort(), msg).toEqual(['fast', 'slow done']);
    expect(bad.errorLog, msg).toEqual([]);
    expect(fixed.errorLog, msg).toEqual([]);
    // /fast waited for the rest of the 0.5 s command (about 450 ms) every time...
    expect(Math.min(...bad.fastMs), msg).toBeGreaterThanOrEqual(300);
    // ...and not at all behind a cosocket wait (generous bound for a loaded machine: well under the command's duration).
    expect(Math.min(...fixed.fastMs), msg).toBeLessThan(150);
  });
});
