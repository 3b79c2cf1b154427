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

/** The inputs of one connect call: one object, its lookups on the prototype (linking asks for thousands). */
class ConnectInputs implements KeyInputs {
  constructor(
    private readonly scope: KeyScope,
    private readonly args: readonly SymValue[],
    private readonly objSite: number,
    readonly method: string | undefined,
  ) {}

  arg(i: number): KeyValue | undefined {
    return this.value(this.args[i]);
  }

  ownCtorArg(i: number): KeyValue | undefined {
    return this.value(this.scope.ctorArgs(this.objSite)?.[i]);
  }

  ctorArgOfArg(argIndex: number, i: number): KeyValue | undefined | null {
    const obj = this.args[argIndex];
    return obj?.t === 'obj' ? this.value(this.scope.ctorArgs(obj.site)?.[i]) : null;
  }

  private value(v: SymValue | undefined): KeyValue | undefined {
    return v === undefined ? undefined : keyValue(this.scope.resolver, this.scope.resolver.resolveOne(this.scope.file, v, this.scope.env));
  }
}

export function keyInputs(scope: KeyScope, args: readonly SymValue[], objSite: number, method?: string): KeyInputs {
  return new ConnectInputs(scope, args, objSite, method);
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
