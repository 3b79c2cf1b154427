// Which identity (AUTH, SELECT, TLS peer) each client object establishes on its connections, and under which
// pool keys it connects: the part of the model pool-identity-mismatch reads. Objects are keyed by where they are
// created; the steps are method events on them anywhere in the project.
import { identityMethod, type ClientProfile } from '../clients/profiles.ts';
import { isAbsent, keyPart, type KeyValue } from '../pool-keys/key-value.ts';
import type { ClientSite, ConnectionIdentity, IdentityStep, IdentityValue, PoolKey } from '../model/project-model.ts';
import type { ObjInstance } from './client-objects.ts';
import type { ClientTraits } from '../model/vocabulary.ts';

/** One change to the identities, as a partial relink replays a unit's (relink.ts). */
export type IdentityOp =
  | { op: 'pooled'; id: string }
  | { op: 'connected'; id: string; site: ClientSite; key: PoolKey }
  | { op: 'step'; id: string; step: IdentityStep };

export class Identities {
  private readonly connects = new Map<string, Map<string, { site: ClientSite; key: PoolKey }>>();
  private readonly steps = new Map<string, IdentityStep[]>();
  private readonly pooledIds = new Set<string>();
  /** Where the changes go as they are made, when a partial relink keeps them (relink.ts). */
  log: IdentityOp[] | undefined;

  /** The object is handed back to its pool somewhere (set_keepalive, directly or through a wrapper). */
  pooled(obj: ObjInstance): void {
    this.apply({ op: 'pooled', id: instanceId(obj) });
  }

  connected(obj: ObjInstance, site: ClientSite, key: PoolKey): void {
    this.apply({ op: 'connected', id: instanceId(obj), site, key });
  }

  /** A method call on `obj`: an identity step if its profile says so. `args` are evaluated on demand. */
  method(obj: ObjInstance, profile: ClientTraits | undefined, method: string, site: ClientSite, args: (i: number) => KeyValue | undefined, argCount: number, fresh: boolean): void {
    const m = identityMethod(profile, method);
    if (!m) return;
    const positions = m.args ?? [...Array(argCount).keys()];
    const step: IdentityStep = { ...site, kind: m.kind, method, value: identityValue(positions.map(args)), fresh: fresh || m.freshOnly === true };
    this.apply({ op: 'step', id: instanceId(obj), step });
  }

  /** The identity a connect call establishes from its options table (profile's connectIdentity). */
  fromOptions(obj: ObjInstance, profile: ClientProfile | undefined, site: ClientSite, opts: KeyValue | undefined): void {
    const c = profile?.connectIdentity;
    if (!c || opts?.kind !== 'table') return;
    const when = opts.field(c.when);
    if (isAbsent(when) || (when!.kind === 'literal' && when!.value === false)) return;
    const step: IdentityStep = { ...site, kind: c.kind, method: 'connect', value: identityValue(c.fields.map((f) => opts.field(f))), fresh: c.freshOnly === true };
    this.apply({ op: 'step', id: instanceId(obj), step });
  }

  apply(change: IdentityOp): void {
    this.log?.push(change);
    switch (change.op) {
      case 'pooled':
        this.pooledIds.add(change.id);
        break;
      case 'connected': {
        const byKey = this.connects.get(change.id) ?? new Map<string, { site: ClientSite; key: PoolKey }>();
        if (!byKey.has(change.key.text)) byKey.set(change.key.text, { site: change.site, key: change.key });
        this.connects.set(change.id, byKey);
        break;
      }
      case 'step':
        this.steps.set(change.id, [...(this.steps.get(change.id) ?? []), change.step]);
        break;
    }
  }

  /** One entry per object and key, in first-connect order. */
  all(): ConnectionIdentity[] {
    const out: ConnectionIdentity[] = [];
    for (const [id, byKey] of this.connects) {
      for (const { site, key } of byKey.values()) out.push({ ...site, key, pooled: this.pooledIds.has(id), steps: this.steps.get(id) ?? [] });
    }
    return out;
  }
}

function instanceId(obj: ObjInstance): string {
  return `${obj.file}#${obj.site}`;
}

/** The arguments as one value: null when one is unknown. */
function identityValue(values: ReadonlyArray<KeyValue | undefined>): IdentityValue | null {
  const parts: IdentityValue['parts'] = [];
  for (const v of values) {
    // An argument not given (or nil) is part of the identity too: sslhandshake's default verify.
    if (v === undefined || (v.kind === 'literal' && v.value === null)) {
      parts.push({ text: 'nil' });
      continue;
    }
    if (v.kind === 'literal' && typeof v.value === 'boolean') {
      parts.push({ text: String(v.value) });
      continue;
    }
    const part = keyPart(v);
    if (!part) return null;
    if (!part.symbolic) parts.push({ text: part.text });
    else parts.push({ text: part.text, expression: part.text.replace(/^\$\{(.*)\}$/s, '$1'), ...(part.origin ? { origin: part.origin.id } : {}) });
  }
  return { text: parts.map((p) => p.text).join(':'), parts };
}
