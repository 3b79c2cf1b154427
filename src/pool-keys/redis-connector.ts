// resty.redis.connector: rc:connect(params) merged over new(config): url, host/port, path, and
// connection_options.pool name the resty.redis pool it connects (docs/semantics.md §1). Sentinel setups pick
// the master at run time: their key is unknown.
import { isAbsent, joinKey, keyPart, lit, optsPool, tcp, type KeyValue, type PoolKeyBuilder } from './key-value.ts';

const URL = /^redis:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^/:]+)(?::(\d+))?/;

export const redisConnectorKeys: PoolKeyBuilder = {
  key(inputs) {
    // connect events of a connector carry it as argument 0, then rc:connect()'s own arguments.
    const config = inputs.ctorArgOfArg(0, 0);
    if (config === null) return null;
    const paramsArg = inputs.arg(1);
    const params = paramsArg?.kind === 'table' ? paramsArg : undefined;
    if (!params && paramsArg !== undefined && paramsArg.kind !== 'literal') return null;
    const get = (name: string): KeyValue | undefined => params?.field(name) ?? (config?.kind === 'table' ? config.field(name) : undefined);
    if (get('sentinels') !== undefined || get('master_name') !== undefined) return null;
    const connOpts = get('connection_options');
    const pool = connOpts ? optsPool(connOpts) : undefined;
    if (pool !== undefined) return pool;
    const url = get('url');
    if (url) {
      if (!(url.kind === 'literal' && typeof url.value === 'string')) return null;
      const m = URL.exec(url.value);
      if (!m) return null;
      const port = m[2] ?? '6379';
      return { text: `${m[1]}:${port}`, symbolic: false, server: tcp(m[1], port) };
    }
    const path = get('path');
    if (path && !isAbsent(path)) {
      // The connector's path includes the `unix:` prefix (docs/semantics.md §1.9).
      return joinKey([keyPart(path)], ([p]) => ({ kind: 'unix', path: p.replace(/^unix:/i, '') }));
    }
    return joinKey([keyPart(get('host') ?? lit('127.0.0.1')), keyPart(get('port') ?? lit(6379))], ([h, p]) => tcp(h, p));
  },
  options: () => undefined,
};

