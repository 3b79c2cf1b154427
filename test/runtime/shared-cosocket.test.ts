// shared-cosocket on a real runtime: one resty.redis object created at module level and used by every request.
//
// The object belongs to the request that connected it: a request that calls connect() on it while another
// request still owns it raises "bad request" (HTTP 500, "lua entry thread aborted: runtime error: ...: bad request"
// in error.log). Strictly sequential requests did not fail on this runtime (ngx_lua 0.10.23), so the traffic is
// concurrent: bursts of requests sent at once, each on its own client connection.
import { afterAll, expect, it } from 'vitest';
import { describeLint } from './analyzer.ts';
import { alternate, note, summarize, type Reply } from './http-driver.ts';
import { AppSet } from './runtime-app.ts';
import { describeRuntime } from './runtime-env.ts';

describeLint('shared-cosocket');

const BURSTS = 5;
const CONCURRENT = 8;

describeRuntime('shared-cosocket: runtime (nginx + ngx_lua + lua-resty-redis + redis-server)', (env) => {
  const apps = new AppSet();
  afterAll(() => apps.stopAll());

  async function run(variant: 'bad' | 'fixed') {
    const app = await apps.start(env, `shared-cosocket/${variant}`);
    await app.control.command(['SET', 'k', 'v']);
    const replies: Reply[] = [];
    for (let b = 0; b < BURSTS; b++) replies.push(...(await app.http.parallel(alternate(CONCURRENT, ['/get']))));
    const lines = app.errorLines();
    const out = {
      ...summarize(replies),
      ok: replies.filter((r) => r.status === 200 && r.fields.value === 'v').length,
      badRequestLog: lines.filter((l) => /lua entry thread aborted: runtime error: \S*store\.lua:\d+: bad request/.test(l)).length,
      errorLog: [...new Set(lines.map((l) => l.replace(/, client: .*/, '').replace(/\S*\/lua\//, '.../lua/')))],
    };
    note(`shared-cosocket/${variant}`, out);
    await apps.stop(app);
    return out;
  }

  it('bad: concurrent requests on the shared object fail with "bad request"; fixed: none fails', async () => {
    const bad = await run('bad');
    const fixed = await run('fixed');
    const msg = JSON.stringify({ bad, fixed });

    expect(bad.requests, msg).toBe(BURSTS * CONCURRENT);
    expect(bad.errors, msg).toBeGreaterThanOrEqual(1);
    expect(Object.keys(bad.errorTexts), msg).toEqual(['HTTP 500']);
    expect(bad.badRequestLog, msg).toBe(bad.errors); // every failure is the ownership check
    expect(bad.ok + bad.errors, msg).toBe(bad.requests);

    expect(fixed.errors, msg).toBe(0);
    expect(fixed.ok, msg).toBe(BURSTS * CONCURRENT);
    expect(fixed.errorLog, msg).toEqual([]);
  });
});
