// What the steps of a link that read every unit need of each: whether it names itself a module, what it requires,
// whether it returns a module value, its plugin entries, what it stores in ngx.ctx slots. Read from the unit's facts
// once per facts object and path, so that a partial relink (relink.ts) reads the facts of the units it links again
// and of those their work reads, not of every unit.
import type { FileFacts } from '../analysis/file-facts.ts';
import type { SymValue } from '../analysis/sym-value.ts';
import type { UnitHeader, UnitInput } from './link-unit.ts';
import { pluginEntries } from './plugin-entries.ts';
import { EMPTY_LIST } from '../core/empty-list.ts';

/** Headers by facts object, with the path they were read for: two files with the same text share a facts object,
 *  not their places (the second one's header is read again each time). */
const headers = new WeakMap<FileFacts, { path: string; header: UnitHeader }>();

export function unitHeader(unit: UnitInput): UnitHeader {
  const known = headers.get(unit.facts);
  if (known?.path === unit.path) return known.header;
  const header = headerOf(unit);
  if (!known) headers.set(unit.facts, { path: unit.path, header });
  return header;
}

function headerOf(unit: UnitInput): UnitHeader {
  const facts = unit.facts;
  const ctxStores: Array<{ slot: string; target: SymValue }> = [];
  for (const e of facts.events) if (e.kind === 'ctx-store') ctxStores.push({ slot: e.slot, target: e.target });
  return {
    ...(facts.moduleName !== undefined ? { moduleName: facts.moduleName } : {}),
    requires: facts.requires,
    returnsValue: facts.returnsValue,
    moduleShaped: facts.moduleShaped === true,
    hasGlobals: facts.globals !== undefined,
    pluginEntries: pluginEntries(unit),
    ctxStores: ctxStores.length === 0 ? EMPTY_LIST : ctxStores,
  };
}
