// Connects to a literal host name and the nginx entry points whose code reaches them: the rule that needs a
// `resolver` (resolver-missing) reads each entry's resolver state (EntryPoint.nginx). Follows calls and
// requires across files like phase-reach.ts, and also into ngx.timer callbacks: a timer's fake request keeps
// the location configuration of the request that created it (docs/semantics.md §10.1).
import type { SourceSpan } from '../core/findings.ts';
import type { ConnectSite, EntryPoint, HostConnect } from '../model/project-model.ts';
import { eventIndex } from './event-index.ts';
import type { LinkUnit } from './link-unit.ts';
import { calleesOf } from './phase-reach.ts';
import type { ValueResolver } from './resolver.ts';

export function findHostConnects(units: readonly LinkUnit[], byPath: ReadonlyMap<string, LinkUnit>, resolver: ValueResolver, connects: readonly ConnectSite[]): HostConnect[] {
  // Connect sites whose host is a literal name, by where they are.
  const named = new Map<string, ConnectSite & { host: string }>();
  for (const c of connects) {
    const host = hostName(c);
    if (host !== undefined) named.set(spanKey(c.unit, c.location), { ...c, host });
  }
  if (named.size === 0) return [];
  const reachedBy = new Map<string, EntryPoint[]>();
  for (const unit of units) {
    for (const entry of unit.entries) {
      if (!entry.nginx) continue;
      for (const at of reach(unit, entry, byPath, resolver)) {
        if (!named.has(at)) continue;
        const list = reachedBy.get(at) ?? [];
        if (!list.includes(entry)) list.push(entry);
        reachedBy.set(at, list);
      }
    }
  }
  const out: HostConnect[] = [];
  for (const [at, entries] of reachedBy) {
    const c = named.get(at)!;
    out.push({ client: c.client, location: c.location, unit: c.unit, functionName: c.functionName, host: c.host, entries });
  }
  return out;
}

/** The connect sites (as spanKey) code run by `entry` reaches. Code of a phase without cosockets counts only
 *  inside timer callbacks it starts. */
function reach(start: LinkUnit, entry: EntryPoint, byPath: ReadonlyMap<string, LinkUnit>, resolver: ValueResolver): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const queue: Array<{ unit: LinkUnit; fn: number; timer: boolean }> = [];
  const enqueue = (unit: LinkUnit | undefined, fn: number, timer: boolean) => {
    const key = `${unit?.path}#${fn}#${timer}`;
    if (!unit || seen.has(key)) return;
    seen.add(key);
    queue.push({ unit, fn, timer });
  };
  enqueue(start, entry.fn ?? 0, false);
  for (let i = 0; i < queue.length; i++) {
    const { unit, fn, timer } = queue[i];
    for (const e of eventIndex(unit.facts).eventsOf(fn)) {
      if (e.kind === 'connect' && (timer || entry.cosocketAllowed)) out.push(spanKey(unit.path, unit.locate(unit.facts.sites[e.site])));
      if (e.kind !== 'call') continue;
      for (const cb of e.callbacks) enqueue(unit, cb, timer || e.deferred);
      if (e.deferred) continue;
      for (const target of calleesOf(unit, e.callee, e.fn, byPath, resolver)) enqueue(target.unit, target.fn, timer);
    }
  }
  return out;
}

/** The host a connect names when it is a literal host name: not an IPv4 address as nginx parses one
 *  (ngx_inet_addr), not IPv6 (a `:`), not a unix socket, not a symbolic value. */
function hostName(c: ConnectSite): string | undefined {
  if (c.key.server.kind !== 'tcp') return undefined;
  const host = c.key.server.host;
  if (host === '' || host.includes('${') || host.includes(':') || host.startsWith('[')) return undefined;
  if (isIPv4(host)) return undefined;
  return host;
}

function isIPv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function spanKey(unit: string, at: SourceSpan): string {
  return `${unit}|${at.startLine}:${at.startColumn}`;
}
