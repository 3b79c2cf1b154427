// resolver-missing on a real runtime: Redis reached by host name ("redis.resty-lint.test", and "localhost").
// bad: no `resolver` anywhere: every connect fails with "no resolver defined to resolve ..." (for "localhost" too:
// ngx_lua does not read /etc/hosts). fixed: `resolver` in the http block, pointing at a DNS responder on 127.0.0.1
// started here (no outside DNS is ever asked): both connects succeed and PING answers.
import { afterAll, expect, it } from 'vitest';
import { describeLint } from './analyzer.ts';
import { startDnsResponder, type DnsResponder } from './dns-responder.ts';
import { alternate, note } from './http-driver.ts';
import { AppSet } from './runtime-app.ts';
import { describeRuntime } from './runtime-env.ts';

describeLint('resolver-missing');

const N = 10; // alternating /name, /localhost

describeRuntime('resolver-missing: runtime (nginx + ngx_lua + lua-resty-redis + redis-server)', (env) => {
  const apps = new AppSet();
  let dns: DnsResponder | undefined;
  afterAll(async () => {
    await apps.stopAll();
    await dns?.close();
  });

  async function run(variant: 'bad' | 'fixed') {
    if (variant === 'fixed') dns = await startDnsResponder();
    const app = await apps.start(env, `resolver-missing/${variant}`, variant === 'fixed' ? { dnsPort: dns!.port } : {});
    const { result, newConnections } = await app.measure(() => app.http.sequence(alternate(N, ['/name', '/localhost'])));
    const by = (path: string) => result.filter((r) => r.path === path);
    const summary = (path: string) => ({
      pong: by(path).filter((r) => r.fields.reply === 'PONG').length,
      errors: [...new Set(by(path).map((r) => r.err ?? null))],
    });
    const out = { newConnections, name: summary('/name'), localhost: summary('/localhost'), dnsQueries: [...new Set(dns && variant === 'fixed' ? dns.queries : [])].sort() };
    note(`resolver-missing/${variant}`, out);
    await apps.stop(app);
    return out;
  }

  it('bad: connect by host name fails with "no resolver defined to resolve", localhost included; fixed: a resolver makes both work', async () => {
    const bad = await run('bad');
    const fixed = await run('fixed');
    const msg = JSON.stringify({ bad, fixed });
    const half = N / 2;

    expect(bad.name.pong, msg).toBe(0);
    expect(bad.name.errors, msg).toEqual(['connect: no resolver defined to resolve "redis.resty-lint.test"']);
    expect(bad.localhost.pong, msg).toBe(0);
    expect(bad.localhost.errors, msg).toEqual(['connect: no resolver defined to resolve "localhost"']);
    expect(bad.newConnections, msg).toBe(0); // nothing reached Redis

    expect(fixed.name.pong, msg).toBe(half);
    expect(fixed.localhost.pong, msg).toBe(half);
    expect(fixed.name.errors, msg).toEqual([null]);
    expect(fixed.localhost.errors, msg).toEqual([null]);
    expect(fixed.dnsQueries, msg).toEqual(['localhost', 'redis.resty-lint.test']);
  });
});
