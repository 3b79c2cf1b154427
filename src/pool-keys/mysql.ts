// lua-resty-mysql: connect{host=, port=3306, path=, user=, database=, pool=} names the pool opts.pool, else
// "user:database:host:port" or "user:database:path" (docs/semantics.md §1).
import { fieldsOf, isAbsent, joinKey, keyPart, lit, optsPool, present, tcp, type PoolKeyBuilder } from './key-value.ts';

export const mysqlKeys: PoolKeyBuilder = {
  key(inputs) {
    const opts = inputs.arg(0);
    const get = fieldsOf(opts);
    if (!get) return null;
    const pool = optsPool(opts);
    if (pool !== undefined) return pool;
    const prefix = [keyPart(get('user') ?? lit('')), keyPart(get('database') ?? lit(''))];
    const path = get('path');
    if (!isAbsent(path)) return joinKey([...prefix, keyPart(path)], ([, , p]) => ({ kind: 'unix', path: p }));
    const port = get('port');
    return joinKey([...prefix, keyPart(get('host')), keyPart(isAbsent(port) ? lit(3306) : port)], ([, , h, p]) => tcp(h, p));
  },
  options: (inputs) => present(inputs.arg(0)),
};
