// Sites and locations as the inventory lists them: converted from model spans, deduplicated, ordered.
import { compareSpan, plainMessage, type Finding, type SourceSpan } from '../core/findings.ts';
import type { PoolUse } from '../model/project-model.ts';
import type { Loc, PoolFinding, PoolSite, ShortSite } from './inventory-types.ts';

export function site(u: { location: SourceSpan; unit: string; functionName: string; client: string; via?: string }): PoolSite {
  return { ...loc(u.location), unit: u.unit, function: u.functionName, client: u.client, via: u.via ?? 'connect' };
}

export function shortSite(u: PoolUse): ShortSite {
  const base = site(u);
  if (u.mode === 'unreleased') {
    const end = u.pathEnd ? loc(u.pathEnd) : undefined;
    const at = end ? ` at ${where(end)}` : '';
    const reason =
      u.via === 'ngx.exit'
        ? `never released: ngx.exit/redirect/exec${at} ends the handler before any set_keepalive() or close(); request cleanup closes it`
        : `never released: the path ends${at} without set_keepalive() or close(); request cleanup closes it`;
    return { ...base, kind: 'unreleased', reason, ...(end ? { pathEnd: end } : {}) };
  }
  const reason = u.implicit ? `${u.via}() closes the connection by itself` : `${u.via}() closes the connection on a normal path`;
  return { ...base, kind: 'close', reason };
}

export function poolFinding(f: Finding): PoolFinding {
  return { ruleId: f.ruleId, level: f.level, message: plainMessage(f), ...loc(f.location), fingerprint: f.fingerprint };
}

export function loc(s: SourceSpan): Loc {
  return { file: s.file, line: s.startLine, column: s.startColumn };
}

export function locKey(l: Loc): string {
  return `${l.file}\n${l.line}\n${l.column}`;
}

export function where(l: Loc): string {
  return `${l.file}:${l.line}:${l.column}`;
}

export function compareLoc(a: Loc, b: Loc): number {
  return compareSpan({ file: a.file, startLine: a.line, startColumn: a.column, endLine: 0, endColumn: 0 }, { file: b.file, startLine: b.line, startColumn: b.column, endLine: 0, endColumn: 0 });
}

export function dedupeSites<T extends PoolSite>(sites: T[]): T[] {
  return dedupeBy(sites, (s) => `${locKey(s)}|${s.via}|${s.client}`).sort((a, b) => compareLoc(a, b) || cmp(a.via, b.via) || cmp(a.client, b.client));
}

/** Keeps the first of each key, in place; returns the list. */
export function dedupeBy<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  let w = 0;
  for (const item of list) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    list[w++] = item;
  }
  list.length = w;
  return list;
}

export function uniqueSorted(list: string[]): string[] {
  return [...new Set(list)].sort(cmp);
}

export function uniqueNumbers(list: number[]): number[] {
  return [...new Set(list)];
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
