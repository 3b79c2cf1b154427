// The values `set $name value;` gives nginx variables, where they are constants, so that a `*_by_lua_file` path
// written with one (`content_by_lua_file $root_path/lua/app.lua;`) names a file of the project.
//
// ngx_http_rewrite_module runs a server block's `set`s for every request of the server (server rewrite phase),
// then those of the location the request ends in (rewrite phase), before any *_by_lua_file path is evaluated
// (rewrite_by_lua* runs at the end of the rewrite phase, the others later). An outer location's `set`s do not
// run for a request that ends in a nested location. A `set` inside an `if` runs only when the condition holds: the
// variable's value is unknown outside that `if`. A value that holds another variable is unknown (no evaluation).
import type { Directive } from './conf-tree.ts';

/** Known constant values by variable name (without `$`); null: set, but not to a known constant. */
export type SetVariables = ReadonlyMap<string, string | null>;

export const NO_VARIABLES: SetVariables = new Map();

/** The variables in force in a block whose own directives are `list`, given those it starts from. */
export function blockVariables(list: readonly Directive[], base: SetVariables): SetVariables {
  let vars: Map<string, string | null> | undefined;
  const put = (name: string, value: string | null) => (vars ??= new Map(base)).set(name, value);
  for (const d of list) {
    const name = variableName(d);
    if (name !== undefined && !d.children) {
      const value = d.args[1]?.value;
      put(name, value !== undefined && !value.includes('$') ? value : null);
    }
    // Set only when an `if` holds: unknown here.
    if (d.name === 'if' && d.children) for (const c of d.children) if (variableName(c) !== undefined) put(variableName(c)!, null);
  }
  return vars ?? base;
}

function variableName(d: Directive): string | undefined {
  const arg = d.args[0]?.value;
  return d.name === 'set' && arg !== undefined && /^\$\w+$/.test(arg) ? arg.slice(1) : undefined;
}

/** `path` with every variable of known value replaced (`$name` and `${name}`); others are left as written. */
export function expandVariables(path: string, vars: SetVariables): string {
  if (vars.size === 0 || !path.includes('$')) return path;
  return path.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced: string | undefined, bare: string | undefined) => {
    const value = vars.get((braced ?? bare)!);
    return typeof value === 'string' ? value : whole;
  });
}
