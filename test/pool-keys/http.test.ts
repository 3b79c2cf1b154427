// lua-resty-http's pool names (docs/semantics.md §1.6): TLS options reach the key only for https, and the table
// form of connect does not default the server name to the host (request_uri does, before it connects).
import { describe, expect, it } from 'vitest';
import type { KeyValue } from '../../src/pool-keys/key-value.ts';
import { httpKeys } from '../../src/pool-keys/http.ts';

const v = (x: string | number | boolean | Record<string, string | number | boolean>): KeyValue =>
  typeof x === 'object' ? { kind: 'table', field: (name) => (x[name] === undefined ? undefined : v(x[name])) } : { kind: 'literal', value: x };
const keyOf = (...args: KeyValue[]) => httpKeys.key({ arg: (i) => args[i], ownCtorArg: () => undefined, ctorArgOfArg: () => null })?.text;

describe('resty.http pool keys', () => {
  it('keeps connect{https} without a server name apart from request_uri("https://h/"), which sets it', () => {
    expect(keyOf(v({ scheme: 'https', host: 'api.example.com' }))).not.toBe(keyOf(v('https://api.example.com/x')));
    expect(keyOf(v({ scheme: 'https', host: 'api.example.com', ssl_server_name: 'api.example.com' }))).toBe(keyOf(v('https://api.example.com/x')));
  });

  it('ignores TLS options for plain http, in both forms', () => {
    expect(keyOf(v({ scheme: 'http', host: 'h', ssl_verify: false, ssl_server_name: 'x' }))).toBe(keyOf(v({ scheme: 'http', host: 'h' })));
    expect(keyOf(v('http://h/'), v({ ssl_verify: false }))).toBe(keyOf(v({ scheme: 'http', host: 'h' })));
  });

  it('keeps ssl_verify = false apart for https', () => {
    expect(keyOf(v({ scheme: 'https', host: 'h', ssl_verify: false }))).not.toBe(keyOf(v({ scheme: 'https', host: 'h' })));
  });
});
