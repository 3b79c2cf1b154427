// lua-resty-http: the table form connect{scheme=, host=, port=, pool=, ssl_server_name=, ssl_verify=} keys on
// scheme, host, port, TLS settings and proxy (docs/semantics.md §1); request_uri("http://host:port/path",
// params) the same from the URI. The text is not the library's exact string, but is equal exactly when its
// inputs are. Otherwise connect(host, port, opts) as ngx_lua's.
import { fieldsOf, joinKey, keyPart, lit, optsPool, present, tcp, type KeyValue, type PoolKeyBuilder } from './key-value.ts';
import { hostPortKey } from './host-port.ts';
import type { PoolKey } from '../model/pool-key.ts';

const URI = /^(https?):\/\/(\[[^\]]*\]|[^/:?#]+)(?::(\d+))?/;

export const httpKeys: PoolKeyBuilder = {
  key(inputs) {
    const first = inputs.arg(0);
    if (first?.kind === 'table') return tableKey(first);
    if (first?.kind === 'literal' && typeof first.value === 'string' && /^https?:\/\//.test(first.value)) return uriKey(first.value, inputs.arg(1));
    // request_uri(uri, params) names its pool from the URI: a URI known only as an expression is not host, port.
    if (inputs.method === 'request_uri') return null;
    return hostPortKey(inputs, false);
  },
  options: (inputs) => present(inputs.arg(0)),
};

/** scheme:host:port:ssl:server_name:verify:proxy; host and port are parts 1 and 2. */
const server = (texts: string[]) => tcp(texts[1], texts[2]);

function tableKey(opts: KeyValue & { kind: 'table' }): PoolKey | null {
  const get = (name: string) => opts.field(name);
  const pool = optsPool(opts);
  if (pool !== undefined) return pool;
  const scheme = get('scheme') ?? lit('http');
  const https = scheme.kind === 'literal' && scheme.value === 'https';
  const host = get('host');
  const port = get('port') ?? lit(https ? 443 : 80);
  // TLS options reach the key only for https; the table form does not default the server name to the host
  // (request_uri does, before it connects: docs/semantics.md §1.6).
  const sni = https ? (get('ssl_server_name') ?? lit('')) : lit('');
  const verify = https ? (get('ssl_verify') ?? lit('true')) : lit('nil');
  // Proxy settings enter the key in ways not modelled here: such a key is unknown.
  const proxy = get('proxy_opts') === undefined ? lit('') : undefined;
  return joinKey([keyPart(scheme), keyPart(host), keyPart(port), keyPart(lit(https ? 'true' : 'nil')), keyPart(sni), keyPart(verify), keyPart(proxy)], server);
}

function uriKey(uri: string, paramsArg: KeyValue | undefined): PoolKey | null {
  const m = URI.exec(uri);
  if (!m) return null;
  const https = m[1] === 'https';
  const params = fieldsOf(paramsArg);
  return joinKey(
    [
      keyPart(lit(m[1])),
      keyPart(lit(m[2])),
      keyPart(lit(m[3] ?? (https ? '443' : '80'))),
      keyPart(lit(https ? 'true' : 'nil')),
      keyPart(https ? (params?.('ssl_server_name') ?? lit(m[2])) : lit('')),
      keyPart(https ? (params?.('ssl_verify') ?? lit('true')) : lit('nil')),
      keyPart(lit('')),
    ],
    server,
  );
}
