// Gateway plugins found by the shape of what a module returns (src/gateways/plugin-conventions.ts), and their
// phase methods as entry points at function granularity: `handler:log` of a Kong plugin runs in the log phase
// as surely as a log_by_lua_file script does.
import { functionSpan, type FileFacts } from '../analysis/file-facts.ts';
import { fieldOf, valueKey, type SymValue } from '../analysis/sym-value.ts';
import type { SourceSpan } from '../core/findings.ts';
import { PLUGIN_CONVENTIONS, type PluginConvention } from '../gateways/plugin-conventions.ts';
import type { EntryPoint } from '../model/project-model.ts';
import { phaseAllowsCosocket } from '../nginx/lua-directives.ts';
import type { UnitInput } from './link-unit.ts';

/** The plugin convention a file's module value matches (the first one), with the value's fields. */
function pluginOf(facts: FileFacts): { convention: PluginConvention; fields: Record<string, SymValue> } | undefined {
  if (!facts.returnsValue && !facts.moduleShaped) return undefined;
  const fields = fieldsOf(facts, facts.exports);
  if (!fields) return undefined;
  const convention = PLUGIN_CONVENTIONS.find((c) => matches(c, facts.exports, fields));
  return convention && { convention, fields };
}

const phaseMethodsOf = new WeakMap<FileFacts, ReadonlySet<number>>();

/** The function ids of the phase methods of the plugin a file is (empty when it is no plugin); once per file. */
export function pluginPhaseMethods(facts: FileFacts): ReadonlySet<number> {
  const known = phaseMethodsOf.get(facts);
  if (known) return known;
  const plugin = pluginOf(facts);
  const out = new Set<number>();
  phaseMethodsOf.set(facts, out);
  for (const method of Object.keys(plugin?.convention.methods ?? {})) {
    const value = fieldOf(plugin!.fields, method);
    if (value?.t === 'fn') out.add(value.id);
  }
  return out;
}

/** The phase methods of the plugin a unit's module value is, for the first convention its shape matches. */
export function pluginEntries(unit: UnitInput): EntryPoint[] {
  const facts = unit.facts;
  const plugin = pluginOf(facts);
  if (!plugin) return [];
  const { convention, fields } = plugin;
  const out: EntryPoint[] = [];
  for (const [method, row] of Object.entries(convention.methods)) {
    const value = fieldOf(fields, method);
    if (value?.t !== 'fn') continue;
    const fn = facts.functions[value.id];
    if (!fn) continue;
    const at = unit.locate(functionSpan(fn));
    out.push({
      directive: fn.name === '<anonymous>' ? method : fn.name,
      phase: row.phase,
      cosocketAllowed: phaseAllowsCosocket(row.phase),
      location: startOf(at),
      fn: value.id,
      plugin: { gateway: convention.gateway, calledBy: row.calledBy },
    });
  }
  return out;
}

/** The fields the main chunk gave the module value: a table of the file, or a class a call made. */
function fieldsOf(facts: FileFacts, v: SymValue): Record<string, SymValue> | undefined {
  if (v.t === 'table') return facts.tables[v.id];
  if (v.t === 'call') return facts.callFields?.[valueKey(v)];
  return undefined;
}

function matches(c: PluginConvention, value: SymValue, fields: Record<string, SymValue>): boolean {
  if (c.shape.fields && !c.shape.fields.every((f) => fieldOf(fields, f) !== undefined)) return false;
  if (c.shape.madeBy) {
    const callee = value.t === 'call' ? value.callee : undefined;
    const { module, fn } = c.shape.madeBy;
    if (!(callee?.t === 'get' && callee.key === fn && callee.base.t === 'require' && callee.base.name === module)) return false;
  }
  return c.shape.fields !== undefined || c.shape.madeBy !== undefined;
}

/** The method's first line: where the gateway enters it. */
function startOf(at: SourceSpan): SourceSpan {
  return { file: at.file, startLine: at.startLine, startColumn: at.startColumn, endLine: at.startLine, endColumn: at.startColumn + 'function'.length };
}
