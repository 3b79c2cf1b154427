// Which identity (AUTH, SELECT, TLS peer) each client object establishes on its connections, and under which
// pool keys it connects: the part of the model pool-identity-mismatch reads. Objects are keyed by where they are
// created; the steps are method events on them anywhere in the project.
import { identityMethod } from '../clients/profiles.ts';
import { keyPart, type KeyValue } from '../pool-keys/key-value.ts';
import type { ClientSite, ConnectionIdentity, IdentityStep, IdentityValue, PoolKey } from '../model/project-model.ts';
import type { ObjInstance } from './client-objects.ts';
import type { ClientTraits } from '../model/vocabulary.ts';

export class Identities {
  private readonly connects = new Map<string, Map<string, { site: ClientSite; key: PoolKey }>>();
  private readonly steps = new Map<string, IdentityStep[]>();
  private readonly pooledIds = new Set<string>();

  /** The object is handed back to its pool somewhere (set_keepalive, directly or through a wrapper). */
  pooled(obj: ObjInstance): void {
    this.pooledIds.add(instanceId(obj));
  }

  connected(obj: ObjInstance, site: ClientSite, key: PoolKey): void {
    const id = instanceId(obj);
    const byKey = this.connects.get(id) ?? new Map<string, { site: ClientSite; key: PoolKey }>();
    if (!byKey.has(key.text)) byKey.set(key.text, { site, key });
    this.connects.set(id, byKey);
  }

  /** A method call on `obj`: an identity step if its profile says so. `args` are evaluated on demand. */
  method(obj: ObjInstance, profile: ClientTraits | undefined, method: string, site: ClientSite, args: (i: number) => KeyValue | undefined, argCount: number, fresh: boolean): void {
    const m = identityMethod(profile, method);
    if (!m) return;
    const positions = m.args ?? [...Array(argCount).keys()];
    const step: IdentityStep = { ...site, kind: m.kind, method, value: identityValue(positions.map(args)), fresh };
    const id = instanceId(obj);
    this.steps.set(id, [...(this.steps.get(id) ?? []), step]);
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

/** The arguments as one value: null when one is unknown or they depend on two origins. */
function identityValue(values: ReadonlyArray<KeyValue | undefined>): IdentityValue | null {
  const texts: string[] = [];
  const expressions: string[] = [];
  const origins = new Set<string>();
  let literal = true;
  for (const v of values) {
    // An argument not given (or nil) is part of the identity too: sslhandshake's default verify.
    if (v === undefined || (v.kind === 'literal' && v.value === null)) {
      texts.push('nil');
      continue;
    }
    if (v.kind === 'literal' && typeof v.value === 'boolean') {
      texts.push(String(v.value));
      continue;
    }
    const part = keyPart(v);
    if (!part) return null;
    texts.push(part.text);
    if (part.symbolic) {
      literal = false;
      expressions.push(part.text.replace(/^\$\{(.*)\}$/s, '$1'));
    }
    if (part.origin) origins.add(part.origin.id);
  }
  if (origins.size > 1) return null;
  const origin = [...origins][0];
  return { text: texts.join(':'), expressions, literal, ...(origin !== undefined ? { origin } : {}) };
}
