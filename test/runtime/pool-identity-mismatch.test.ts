// pool-identity-mismatch on a real runtime: tenants alice (/a) and bob (/b) are Redis ACL users; tenants.open()
// sends AUTH only on a fresh connection (get_reused_times() == 0). With one pool for both, a reused connection
// runs as whichever tenant opened it; with a pool per tenant (fixed), never. /c measures what a failed AUTH on a
// reused connection leaves behind (docs/semantics.md §4.6).
import { afterAll, expect, it } from 'vitest';
import { describeLint } from './analyzer.ts';
import { alternate, note, summarize, type Reply } from './http-driver.ts';
import { AppSet } from './runtime-app.ts';
import { describeRuntime } from './runtime-env.ts';

describeLint('pool-identity-mismatch');

const N = 120; // /a, /b, /c in turn, sequential on one keep-alive client connection

describeRuntime('pool-identity-mismatch: runtime (nginx + ngx_lua + lua-resty-redis + redis-server)', (env) => {
  const apps = new AppSet();
  afterAll(() => apps.stopAll());

  const whoami = (replies: readonly Reply[], user: string) => replies.filter((r) => r.fields.whoami === user).length;

  async function run(variant: 'bad' | 'fixed') {
    const app = await apps.start(env, `pool-identity-mismatch/${variant}`);
    // Two ACL users, created through the control connection; the default user stays (no password).
    for (const user of ['alice', 'bob']) await app.control.command(['ACL', 'SETUSER', user, 'on', `>${user}-pw`, '~*', '&*', '+@all']);
    const { result, newConnections } = await app.measure(() => app.http.sequence(alternate(N, ['/a', '/b', '/c'])));
    const a = result.filter((r) => r.path === '/a');
    const b = result.filter((r) => r.path === '/b');
    const c = result.filter((r) => r.path === '/c');
    const out = {
      newConnections,
      a: { ...summarize(a), asAlice: whoami(a, 'alice'), asBob: whoami(a, 'bob'), asDefault: whoami(a, 'default') },
      b: { ...summarize(b), asBob: whoami(b, 'bob'), asAlice: whoami(b, 'alice'), asDefault: whoami(b, 'default') },
      c: {
        ...summarize(c),
        authFailed: c.filter((r) => r.fields.auth !== 'OK').length,
        authErrors: [...new Set(c.map((r) => r.fields.autherr))],
        reusedAsTenant: c.filter((r) => (r.reused ?? 0) > 0 && (r.fields.whoami === 'alice' || r.fields.whoami === 'bob')).length,
        freshAsDefault: c.filter((r) => r.reused === 0 && r.fields.whoami === 'default').length,
      },
    };
    note(`pool-identity-mismatch/${variant}`, out);
    await apps.stop(app);
    return out;
  }

  it('bad: a reused connection runs as the tenant that opened it; fixed: each tenant runs as itself', async () => {
    const bad = await run('bad');
    const fixed = await run('fixed');
    const msg = JSON.stringify({ bad, fixed });
    const third = N / 3;

    expect(bad.a.errors + bad.b.errors, msg).toBe(0);
    expect(bad.b.reuseRate, msg).toBeGreaterThanOrEqual(0.9);
    // One client connection, requests in turn: the pooled connection /a opened (as alice) serves everyone, so
    // tenant bob runs as alice on (almost) every request, and never as himself on a reused connection.
    expect(bad.b.asAlice, msg).toBeGreaterThanOrEqual(0.9 * third);
    expect(bad.a.asAlice, msg).toBe(third);
    // A failed AUTH leaves a reused connection logged in as before.
    expect(bad.c.authFailed, msg).toBe(third);
    expect(bad.c.reusedAsTenant, msg).toBeGreaterThanOrEqual(0.9 * third);

    expect(fixed.a.errors + fixed.b.errors, msg).toBe(0);
    expect(fixed.a.asAlice, msg).toBe(third);
    expect(fixed.b.asBob, msg).toBe(third);
    expect(fixed.a.reuseRate, msg).toBeGreaterThanOrEqual(0.9); // a pool per tenant, each reused
    expect(fixed.b.reuseRate, msg).toBeGreaterThanOrEqual(0.9);
    expect(fixed.c.reusedAsTenant, msg).toBe(0);
    expect(fixed.newConnections, msg).toBeLessThan(6);
  });
});
