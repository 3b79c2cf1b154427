// `resty-lint pools --format json`: the pool inventory (src/pools/inventory-types.ts documents every field)
// under a `tool` header. Stable: fixed key order, sorted rows, 2-space indent, trailing newline.
import type { PoolInventory } from '../pools/inventory-types.ts';

export interface PoolsJsonReport extends PoolInventory {
  tool: { name: 'resty-lint'; version: string };
  filesAnalyzed: number;
}

export function buildPoolsJson(inv: PoolInventory, meta: { toolVersion: string; filesAnalyzed: number }): PoolsJsonReport {
  return { tool: { name: 'resty-lint', version: meta.toolVersion }, filesAnalyzed: meta.filesAnalyzed, ...inv };
}

export function formatPoolsJson(inv: PoolInventory, meta: { toolVersion: string; filesAnalyzed: number }): string {
  return `${JSON.stringify(buildPoolsJson(inv, meta), null, 2)}\n`;
}
