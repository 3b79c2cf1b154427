// Client wrappers users declare in the config file (`wrappers:`): module functions that acquire a client
// for a pool, or release their argument long (set_keepalive) or short (close). They take precedence over
// what the analyzer infers from the wrapper's code, and work for modules outside the scanned tree.
import type { FactsSource } from './link-unit.ts';
import type { WrapperSpec } from '../config/config.ts';
import type { ModuleResolver } from './module-resolver.ts';
import type { Resolved } from './resolved.ts';

/** Pseudo file name of the client objects declared wrappers return. */
export const WRAPPER_FILE_PREFIX = 'wrapper:';

export class Wrappers {
  private readonly byName = new Map<string, { spec: WrapperSpec; index: number }>();

  constructor(
    readonly specs: readonly WrapperSpec[],
    private readonly facts: FactsSource,
    private readonly modules: ModuleResolver,
  ) {
    specs.forEach((spec, index) => this.byName.set(`${spec.module}|${spec.function}`, { spec, index }));
  }

  /** The declared wrapper a resolved callee is, if any. */
  match(callee: Resolved): { spec: WrapperSpec; index: number } | undefined {
    if (this.byName.size === 0) return undefined;
    if (callee.r === 'sym') {
      const m = /^require\("([^"]+)"\)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(callee.text);
      return m ? this.byName.get(`${m[1]}|${m[2]}`) : undefined;
    }
    if (callee.r === 'fn') {
      const name = this.facts.get(callee.file)?.functions[callee.id]?.name ?? '';
      const fnName = /[.:]([A-Za-z_][A-Za-z0-9_]*)$/.exec(name)?.[1];
      if (!fnName) return undefined;
      for (const { spec, index } of this.byName.values()) {
        if (spec.function === fnName && this.modules.resolve(spec.module) === callee.file) return { spec, index };
      }
    }
    return undefined;
  }

  /** The client object an acquire wrapper returns (a pseudo allocation, one per wrapper). */
  acquired(callee: Resolved): Resolved | undefined {
    const w = this.match(callee);
    if (!w || w.spec.kind !== 'acquire') return undefined;
    return { r: 'obj', file: `${WRAPPER_FILE_PREFIX}${w.index}`, site: w.index, client: w.spec.client ?? 'resty.redis', env: null };
  }

  spec(file: string): WrapperSpec | undefined {
    return file.startsWith(WRAPPER_FILE_PREFIX) ? this.specs[Number(file.slice(WRAPPER_FILE_PREFIX.length))] : undefined;
  }
}
