// Small queries over the linked model that several rules share.
import type { PoolKey, PoolUse } from './project-model.ts';
import { compareSpan, type SourceSpan } from '../core/findings.ts';

export type KeyedUse = PoolUse & { key: PoolKey };

/** Pool uses with a known key, grouped by it, in first-seen order. */
export function usesByKey(uses: readonly PoolUse[]): Map<string, KeyedUse[]> {
  const byKey = new Map<string, KeyedUse[]>();
  for (const use of uses) {
    if (!use.key) continue;
    const list = byKey.get(use.key.text);
    if (list) list.push(use as KeyedUse);
    else byKey.set(use.key.text, [use as KeyedUse]);
  }
  return byKey;
}

/** The first of a list of located things, by file, line and column: a deterministic representative. */
export function firstByLocation<T extends { location: SourceSpan }>(items: readonly T[]): T | undefined {
  return [...items].sort((a, b) => compareSpan(a.location, b.location))[0];
}
