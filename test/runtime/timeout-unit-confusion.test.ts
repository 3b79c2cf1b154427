// timeout-unit-confusion on a real runtime. bad: set_timeout(3), set_timeout(0.5), set_keepalive(60, 100) and
// `lua_socket_read_timeout 1000;`; fixed: set_timeout(3000), set_timeout(500), set_keepalive(60000, 100),
// `lua_socket_read_timeout 1000ms;`.
//
// What each message claims, and what is asserted:
// - set_timeout(3) is 3 ms: a command Redis answers after 200 ms fails with "timeout" after a few ms (fixed: answered).
// - set_timeout(0.5) is not half a second: truncated to 0, it means lua_socket_read_timeout (1s here), so a reply
//   after 700 ms arrives (fixed: set_timeout(500) times out at 500 ms).
// - set_keepalive(60, ...) is 60 ms of idle time: with 300 ms between requests no pooled connection is ever reused,
//   one new connection per request (fixed: one connection for all).
// - a bare number in lua_socket_read_timeout is seconds: a reply after 1.5 s arrives under `1000` (not a 1000 ms
//   timeout), and times out after 1000 ms under `1000ms`.
import { afterAll, describe, expect, it } from 'vitest';
import { describeLint, lint } from './analyzer.ts';
import { note, summarize, type Reply } from './http-driver.ts';
import { sleep } from './processes.ts';
import { AppSet } from './runtime-app.ts';
import { describeRuntime } from './runtime-env.ts';

describeLint('timeout-unit-confusion');

describe('timeout-unit-confusion: each of the four bad values is a finding', () => {
  it('set_timeout(3), set_timeout(0.5), set_keepalive(60, 100) and lua_socket_read_timeout 1000', () => {
    const found = lint('timeout-unit-confusion/bad').findings.filter((f) => f.ruleId === 'timeout-unit-confusion');
    expect(found.map((f) => `${f.file.replace(/.*\/bad\//, '')}:${f.line}`).sort()).toEqual(['lua/fraction.lua:6', 'lua/pooled.lua:17', 'lua/slow.lua:6', 'nginx.conf:47']);
  });
});

const SLOW_N = 5;
const POOLED_N = 6;
const PAUSE_MS = 300;

describeRuntime('timeout-unit-confusion: runtime (nginx + ngx_lua + lua-resty-redis + redis-server)', (env) => {
  const apps = new AppSet();
  afterAll(() => apps.stopAll());

  async function run(variant: 'bad' | 'fixed') {
    const app = await apps.start(env, `timeout-unit-confusion/${variant}`);
    await app.control.command(['SET', 'k', 'v']);
    const slow: Reply[] = [];
    for (let i = 0; i < SLOW_N; i++) slow.push(await app.http.request('/slow'));
    const pooled: Reply[] = [];
    const { newConnections } = await app.measure(async () => {
      for (let i = 0; i < POOLED_N; i++) {
        if (i > 0) await sleep(PAUSE_MS);
        pooled.push(await app.http.request('/pooled'));
      }
    });
    const fraction = await app.http.request('/fraction');
    const deflt = await app.http.request('/default', { timeoutMs: 10_000 });
    const ms = (rs: Reply[]) => rs.map((r) => Number(r.fields.ms));
    const out = {
      slow: { ms: ms(slow), errors: [...new Set(slow.map((r) => r.err ?? null))] },
      pooled: { ...summarize(pooled), reusedAfterPause: pooled.slice(1).map((r) => r.reused), newConnections },
      fraction: { ms: Number(fraction.fields.ms), error: fraction.err ?? null },
      default: { ms: Number(deflt.fields.ms), error: deflt.err ?? null },
    };
    note(`timeout-unit-confusion/${variant}`, out);
    await apps.stop(app);
    return out;
  }

  it('bad: 3 ms read timeouts, a pool that empties between requests, a 1000 s read timeout; fixed: the intended values', async () => {
    const [bad, fixed] = await Promise.all([run('bad'), run('fixed')]);
    const msg = JSON.stringify({ bad, fixed });

    // set_timeout(3): milliseconds
    expect(bad.slow.errors, msg).toEqual(['blpop: timeout']);
    expect(Math.max(...bad.slow.ms), msg).toBeLessThan(100); // measured: 3-4 ms
    expect(fixed.slow.errors, msg).toEqual([null]);
    expect(Math.min(...fixed.slow.ms), msg).toBeGreaterThanOrEqual(190); // Redis's 0.2 s

    // set_keepalive(60, ...): 60 ms of idle time
    expect(bad.pooled.errors, msg).toBe(0);
    expect(bad.pooled.reusedAfterPause, msg).toEqual(Array(POOLED_N - 1).fill(0));
    expect(bad.pooled.newConnections, msg).toBe(POOLED_N);
    expect(fixed.pooled.errors, msg).toBe(0);
    // every request reuses (the pool may already hold /slow's connection: measured 0 new connections)
    expect(fixed.pooled.reusedAfterPause.every((n) => n !== undefined && n >= 1), msg).toBe(true);
    expect(fixed.pooled.newConnections, msg).toBeLessThanOrEqual(1);

    // set_timeout(0.5): truncated to 0, which means lua_socket_read_timeout (1s): the 0.7 s reply arrives;
    // set_timeout(500) times out at 500 ms
    expect(bad.fraction.error, msg).toBeNull();
    expect(bad.fraction.ms, msg).toBeGreaterThanOrEqual(650);
    expect(fixed.fraction.error, msg).toBe('blpop: timeout');
    expect(fixed.fraction.ms, msg).toBeGreaterThanOrEqual(450);
    expect(fixed.fraction.ms, msg).toBeLessThan(650);

    // lua_socket_read_timeout 1000 (bare): seconds, so the 1.5 s reply arrives; 1000ms times out at 1 s
    expect(bad.default.error, msg).toBeNull();
    expect(bad.default.ms, msg).toBeGreaterThanOrEqual(1400);
    expect(fixed.default.error, msg).toBe('blpop: timeout');
    expect(fixed.default.ms, msg).toBeGreaterThanOrEqual(950);
    expect(fixed.default.ms, msg).toBeLessThan(1400);
  });
});
