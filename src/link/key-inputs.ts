// The linker's side of the pool-key builders' contract: a connect call's arguments and constructor arguments,
// evaluated by the resolver into KeyValues on demand.
import type { KeyInputs, KeyValue } from '../pool-keys/key-value.ts';
import { fieldOf, type SymValue } from '../analysis/sym-value.ts';
import type { Env, Resolved, ValueResolver } from './resolver.ts';

export interface KeyScope {
  resolver: ValueResolver;
  /** The file the values are written in, and the call environment they are evaluated with. */
  file: string;
  env: Env | null;
  /** Constructor arguments of the client created at a site of `file`. */
  ctorArgs(site: number): SymValue[] | undefined;
}

export function keyInputs(scope: KeyScope, args: readonly SymValue[], objSite: number, method?: string): KeyInputs {
  const value = (v: SymValue | undefined): KeyValue | undefined => (v === undefined ? undefined : keyValue(scope.resolver, scope.resolver.resolveOne(scope.file, v, scope.env)));
  return {
    ...(method !== undefined ? { method } : {}),
    arg: (i) => value(args[i]),
    ownCtorArg: (i) => value(scope.ctorArgs(objSite)?.[i]),
    ctorArgOfArg(argIndex, i) {
      const obj = args[argIndex];
      return obj?.t === 'obj' ? value(scope.ctorArgs(obj.site)?.[i]) : null;
    },
  };
}

export function keyValue(resolver: ValueResolver, r: Resolved): KeyValue {
  switch (r.r) {
    case 'const':
      return { kind: 'literal', value: r.v };
    case 'sym':
      return { kind: 'symbol', text: r.text, ...(r.origin ? { origin: r.origin } : {}) };
    case 'table':
      return {
        kind: 'table',
        field(name) {
          const f = fieldOf(resolver.factsOf(r.file)?.tables[r.id], name);
          return f === undefined ? undefined : keyValue(resolver, resolver.resolveOne(r.file, f, r.env ?? null));
        },
      };
    default:
      return { kind: 'unknown' };
  }
}
