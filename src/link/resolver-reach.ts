// Connects to a literal host name and the nginx entry points whose code reaches them: the rule that needs a
// `resolver` (resolver-missing) reads each entry's resolver state (EntryPoint.nginx). Follows calls and
// requires across files (reach.ts), and also into ngx.timer callbacks: a timer's fake request keeps
// the location configuration of the request that created it (docs/semantics.md §12.1).
import type { SourceSpan } from '../core/findings.ts';
import type { ConnectSite, EntryPoint, HostConnect } from '../model/project-model.ts';
import type { LinkUnit } from './link-unit.ts';
import { walkReach, type ReachContext } from './reach.ts';

export function findHostConnects(units: readonly LinkUnit[], cx: ReachContext, connects: readonly ConnectSite[]): HostConnect[] {
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
      for (const at of reach(unit, entry, cx)) {
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
 *  inside timer callbacks it starts. A function reached both inside and outside a timer is walked both ways. */
function reach(start: LinkUnit, entry: EntryPoint, cx: ReachContext): string[] {
  const out: string[] = [];
  walkReach(start, entry, cx, { intoTimers: true, tag: (r) => (r.timer ? 'timer' : '') }, ({ unit, fn, timer }) => {
    if (!timer && !entry.cosocketAllowed) return;
    for (const site of cx.functions.of(unit, fn).connects) out.push(spanKey(unit.path, cx.functions.siteSpan(unit, site)));
  });
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
