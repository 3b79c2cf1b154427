// The probe behind src/clients/yield-boundaries.ts: on this runtime, which functions that Lua calls back from C
// let a yield (ngx.sleep) through. Every case the data lists as a boundary must fail with "attempt to yield across
// C-call boundary"; every case it lists as safe must succeed and have yielded. docs/semantics.md §11 records it.
import { afterAll, expect, it } from 'vitest';
import { note } from './http-driver.ts';
import { AppSet } from './runtime-app.ts';
import { describeRuntime } from './runtime-env.ts';
import { C_CALLBACKS, REQUIRE_BOUNDARY, YIELD_SAFE_CALLBACKS } from '../../src/clients/yield-boundaries.ts';

/** Boundaries the rule cannot see at a call site, or a refinement of one, probed all the same. */
const ALSO_FAILING = ['__gc', 'pcall in table.sort'];

describeRuntime('yield-boundary probe (nginx + ngx_lua + LuaJIT)', (env) => {
  const apps = new AppSet();
  afterAll(() => apps.stopAll());

  it('fails exactly where the data says a yield crosses a C call', async () => {
    const app = await apps.start(env, 'yield-boundary-probe');
    const ask = async (c: string) => (await app.http.request(`/probe?case=${encodeURIComponent(c)}`)).body.trim();
    const version = await ask('version');
    const failing = [...new Set([...C_CALLBACKS.map((c) => c.callee), REQUIRE_BOUNDARY, ...ALSO_FAILING])];
    const results: Record<string, string> = {};
    for (const c of [...failing, ...YIELD_SAFE_CALLBACKS]) results[c] = await ask(c);
    // ngx.thread.spawn inside a C callback takes the Lua VM down (the worker dies; the master starts another).
    const spawn = await app.http.request(`/probe?case=${encodeURIComponent('ngx.thread.spawn in string.gsub')}`);
    const crashed = /Lua VM crashed/.test(app.errorLog());
    note('yield-boundary-probe', { version, results, spawn: { status: spawn.status, crashed } });
    await apps.stop(app);
    const msg = JSON.stringify({ version, results }, null, 1);

    expect(version, msg).toMatch(/^luajit=LuaJIT 2\.1/);
    for (const c of failing) expect(results[c], msg).toBe(`${c} FAIL attempt to yield across C-call boundary`);
    for (const c of YIELD_SAFE_CALLBACKS) expect(results[c], msg).toMatch(new RegExp(`^${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ok yields=[1-9]`));
    expect(spawn.status !== 200 || crashed, JSON.stringify({ status: spawn.status, crashed })).toBe(true);
  });
});
