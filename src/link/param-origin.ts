// Where a function's own parameters come from when nothing binds them: the origin of a pool family
// (docs/semantics.md §2.4). A phase method of a gateway plugin (recognised by its module's shape, see
// plugin-entries.ts: Kong's `handler:access(conf)`, APISIX's `_M.log(conf, ctx)`) gets its parameters
// from the plugin's configuration, the same for every phase method of that plugin; any other function gets
// them from its callers, so its origin is the function itself.
import type { FileFacts } from '../analysis/file-facts.ts';
import type { PoolOrigin } from '../model/pool-key.ts';
import { pluginPhaseMethods } from './plugin-entries.ts';

export type ParamOrigin = PoolOrigin & { params: readonly string[] };

export function paramOrigin(file: string, facts: FileFacts, fnId: number): ParamOrigin | undefined {
  const fn = facts.functions[fnId];
  if (!fn || !fn.params) return undefined;
  // A phase method of a module recognised as a gateway plugin by its shape (src/gateways/plugin-conventions.ts).
  if (pluginPhaseMethods(facts).has(fnId)) return { id: `plugin ${file}`, kind: 'plugin', file, function: fn.name, params: fn.params };
  // The function's name names it, unless another function of the file has the same name (`<anonymous>`).
  let named = 0;
  for (const f of facts.functions) if (f.name === fn.name) named++;
  const unique = named === 1;
  return { id: `${file} ${fn.name}${unique ? '' : `#${fnId}`}`, kind: 'function', file, function: fn.name, params: fn.params };
}
