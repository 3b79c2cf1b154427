// Pool families (docs/semantics.md §2.4): a key over values known only at runtime keeps its expression and its
// origin, two origins never share a key, and such a key never names a literal server.
import { describe, expect, it } from 'vitest';
import { serverInfo } from '../../src/pools/server-info.ts';
import { profileFor } from '../../src/clients/profiles.ts';
import { poolKeyBuilder } from '../../src/pool-keys/builder-for.ts';
import type { KeyValue } from '../../src/pool-keys/key-value.ts';

describe('pool families: keys over values known only at runtime', () => {
  const plugin = (file: string) => ({ id: `plugin ${file}`, kind: 'plugin' as const, file, function: 'Handler:access' });
  const conf = (field: string, file: string): KeyValue => ({ kind: 'symbol', text: `conf.${field}`, origin: plugin(file) });
  const keyOf = (client: string, args: KeyValue[], method?: string) =>
    poolKeyBuilder(profileFor(client)!.poolKey).key({ ...(method ? { method } : {}), arg: (i) => args[i], ownCtorArg: () => undefined, ctorArgOfArg: () => null });

  it('keeps the expression and its origin; two plugins with the same expression are two keys', () => {
    const a = keyOf('resty.redis', [conf('redis_host', 'a/handler.lua'), conf('redis_port', 'a/handler.lua')]);
    const b = keyOf('resty.redis', [conf('redis_host', 'b/handler.lua'), conf('redis_port', 'b/handler.lua')]);
    expect(a).toMatchObject({ symbolic: true, family: { expression: '${conf.redis_host}:${conf.redis_port}', origin: { kind: 'plugin', file: 'a/handler.lua' } } });
    expect(a!.text).toBe('${conf.redis_host}:${conf.redis_port} @ plugin a/handler.lua');
    expect(b!.text).not.toBe(a!.text);
    // Never a literal server, never summed with another pool's.
    expect(serverInfo(keyOf('resty.redis', [conf('redis_host', 'a/handler.lua'), v(6379)])!)).toEqual({ kind: 'symbolic', text: '${conf.redis_host}:6379' });
  });

  it('a key mixing two origins, and request_uri with a URI known only as an expression, are unknown', () => {
    expect(keyOf('resty.redis', [conf('redis_host', 'a/handler.lua'), conf('redis_port', 'b/handler.lua')])).toBeNull();
    expect(keyOf('resty.http', [conf('uri', 'a/handler.lua'), conf('params', 'a/handler.lua')], 'request_uri')).toBeNull();
    expect(keyOf('resty.http', [conf('host', 'a/handler.lua'), conf('port', 'a/handler.lua')], 'connect')?.family?.expression).toBe('${conf.host}:${conf.port}');
  });
});

function v(x: string | number): KeyValue {
  return { kind: 'literal', value: x };
}
