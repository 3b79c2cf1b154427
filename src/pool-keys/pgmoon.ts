// pgmoon: the pool is named by new{pool_name=}, else "host:port:database:user" from new{} (connect() takes no
// arguments; docs/semantics.md §1).
import { fieldsOf, isAbsent, joinKey, keyPart, lit, namedKey, tcp, type PoolKeyBuilder } from './key-value.ts';

export const pgmoonKeys: PoolKeyBuilder = {
  key(inputs) {
    const get = fieldsOf(inputs.ownCtorArg(0));
    if (!get) return null;
    const name = get('pool_name');
    if (name && !isAbsent(name)) return namedKey(keyPart(name));
    return joinKey(
      [keyPart(get('host') ?? lit('127.0.0.1')), keyPart(get('port') ?? lit('5432')), keyPart(get('database') ?? lit('')), keyPart(get('user') ?? lit('postgres'))],
      ([h, p]) => tcp(h, p),
    );
  },
  options: () => undefined,
};
