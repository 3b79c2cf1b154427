import { literal } from '../src/core/message-text.ts';
import type { Rule } from '../src/model/rule.ts';
import { describeKey, type PoolKey } from '../src/model/pool-key.ts';
import { compareSpan, type RelatedLocation } from '../src/core/findings.ts';
import type { ConnectionIdentity, IdentityStep, IdentityValue, ProjectModel } from '../src/model/project-model.ts';
import type { IdentityKind } from '../src/model/vocabulary.ts';

/** How messages name what a kind of step establishes. */
const WHAT: Record<IdentityKind, { step: string; identity: string }> = {
  credentials: { step: 'authentication', identity: 'user' },
  database: { step: 'database selection', identity: 'database' },
  tls: { step: 'TLS handshake', identity: 'TLS server name and verification' },
};

export const rule: Rule = {
  meta: {
    id: 'pool-identity-mismatch',
    name: 'PoolIdentityMismatch',
    shortDescription: 'Connections of one pool are given different identities (credentials, database, TLS peer) only when fresh',
    fullDescription:
      'Code that shares one pool key establishes a different identity on its connections: AUTH with other credentials, SELECT of another database, a TLS handshake with another server name or verification setting. ' +
      'The identity is set only on a fresh connection (guarded by get_reused_times() == 0), or one user of the pool sets none. ' +
      'The pool key does not include it, so a reused connection carries the identity of whoever opened it.',
    help: {
      text:
        'A reused connection keeps the user, database and TLS session of its first user: tenant B then reads with tenant A\'s credentials or database, or talks over a connection nobody verified. ' +
        'Give each identity its own pool: connect(host, port, { pool = host .. ":" .. port .. ":" .. user .. ":" .. db }) (a digest of the password, not the password, if the password is the identity). ' +
        'Re-authenticating on every use also works for Redis, provided a failed AUTH stops the request: a failed AUTH leaves the connection logged in as before.',
      markdown:
        "A reused connection keeps the user, database and TLS session of its first user: tenant B then reads with tenant A's credentials or database, or talks over a connection nobody verified. " +
        'Give each identity its own pool: `connect(host, port, { pool = host .. ":" .. port .. ":" .. user .. ":" .. db })` (a digest of the password, not the password, if the password is the identity). ' +
        'Re-authenticating on every use also works for Redis, provided a failed `auth()` stops the request: a failed AUTH leaves the connection logged in as before.',
    },
    defaultLevel: 'warning',
    tags: ['security', 'correctness', 'connection-pool', 'redis'],
    precision: 'high',
    securitySeverity: '7.5',
    example: {
      bad: [
        'local redis = require "resty.redis"',
        '',
        'local function tenant_redis(tenant)',
        '  local red = redis:new()',
        '  assert(red:connect("127.0.0.1", 6379))',
        '  if red:get_reused_times() == 0 then',
        '    assert(red:auth(tenant.user, tenant.password))  -- a reused connection keeps the previous tenant\'s user',
        '  end',
        '  return red',
        'end',
        '',
        'local red = tenant_redis(ngx.ctx.tenant)',
        'ngx.say(red:get("orders"))',
        'red:set_keepalive(10000, 100)',
      ].join('\n'),
      good: [
        'local redis = require "resty.redis"',
        '',
        'local function tenant_redis(tenant)',
        '  local red = redis:new()',
        '  assert(red:connect("127.0.0.1", 6379, { pool = "redis:" .. tenant.user }))',
        '  if red:get_reused_times() == 0 then',
        '    assert(red:auth(tenant.user, tenant.password))',
        '  end',
        '  return red',
        'end',
        '',
        'local red = tenant_redis(ngx.ctx.tenant)',
        'ngx.say(red:get("orders"))',
        'red:set_keepalive(10000, 100)',
      ].join('\n'),
    },
  },
  check(model, report) {
    const byKey = new Map<string, ConnectionIdentity[]>();
    for (const c of model.identities) byKey.set(c.key.text, [...(byKey.get(c.key.text) ?? []), c]);
    // One finding per step, even when its object connects under several keys.
    const seen = new Set<string>();
    for (const conns of byKey.values()) {
      // Nothing is reused unless some object hands its connection back to the pool.
      if (!conns.some((c) => c.pooled)) continue;
      const key = conns[0].key;
      for (const c of conns) {
        for (const s of c.steps) {
          const at = `${s.location.file}:${s.location.startLine}:${s.location.startColumn}:${s.kind}`;
          if (seen.has(at)) continue;
          const finding = s.fresh ? freshOnly(s, c, conns, key, model) : undefined;
          if (!finding) continue;
          seen.add(at);
          report({ message: finding.message, location: s.location, ...(finding.other ? { related: [finding.other] } : {}) });
        }
      }
    }
  },
};

type Finding = { message: string; other?: Omit<RelatedLocation, 'id'> };

/** AUTH, SELECT or a handshake on every use re-establishes the identity on a reused connection: not reported
 *  (a user of the pool that sets none at all inherits it; docs/semantics.md §4.6 says why that is left out).
 *  A step made only on fresh connections goes wrong when this code takes a connection another object pooled with
 *  another identity (or none), or when its own pooled connections carry a value that varies per call; a database
 *  selected here also reaches an object that never selects. */
function freshOnly(s: IdentityStep, c: ConnectionIdentity, conns: readonly ConnectionIdentity[], key: PoolKey, model: ProjectModel): Finding | undefined {
  const what = WHAT[s.kind];
  const pool = literal(describeKey(key));
  const lead = `This ${what.step} runs only on fresh connections`;
  const fix = `Give each ${what.identity} its own pool (opts.pool), or establish it on every use.`;
  if (c.pooled && s.value && unkeyedVarying(s.value, s.kind, key).length > 0) {
    return {
      message: `${lead}, and its value varies per call. The value (${literal(s.value.text)}) comes from the caller's parameters, but pool ${pool} does not: a call with one value reuses a connection set up for another and runs with that ${what.identity}. ${fix}`,
    };
  }
  for (const d of others(c, conns)) {
    const theirs = d.steps.filter((x) => x.kind === s.kind);
    if (theirs.length === 0) {
      // A db selected and pooled while another user never selects: pooled-session-state's finding (one defect).
      if (s.kind === 'database' && sessionStateReported(model, key)) continue;
      // The other object inherits a database selected here; for credentials and TLS it is this code that suffers,
      // on a connection the other object pooled (an unauthenticated neighbour inheriting a user is left out).
      const harm = s.kind === 'database' ? (c.pooled ? 'one opened here reaches it with this database' : undefined) : d.pooled ? 'a connection it pooled reaches this code without one' : undefined;
      if (!harm) continue;
      return {
        message: `${lead}, and another user of its pool sets none. [Another user of pool ${pool}](1) establishes no ${what.identity}: ${harm}. ${fix}`,
        other: { ...d.location, message: `connects to pool ${pool} without ${what.step}` },
      };
    }
    if (!d.pooled) continue; // its connections never reach this code
    // Different only when both are known: every identity the other sets differs from this one.
    const mine = literalIdentity(s.value, s.kind);
    const their = theirs.map((x) => literalIdentity(x.value, x.kind));
    const differing = theirs.find((_, i) => their[i] !== mine);
    if (mine !== undefined && differing && their.every((t) => t !== undefined && t !== mine)) {
      return {
        message: `${lead}, and another user of its pool sets a different one. [Another user of pool ${pool}](1) establishes ${what.identity} ${literal(literalIdentity(differing.value, differing.kind)!)} (here ${literal(mine)}): a connection it set up reaches this code with it. ${fix}`,
        other: { ...differing.location, message: `${what.step} for pool ${pool}` },
      };
    }
  }
  return undefined;
}

/** The other objects of the pool, first by location (deterministic). */
function others(c: ConnectionIdentity, conns: readonly ConnectionIdentity[]): ConnectionIdentity[] {
  return conns.filter((d) => d !== c && compareSpan(d.location, c.location) !== 0).sort((a, b) => compareSpan(a.location, b.location));
}

/** The parts of a value that vary per call (they come from the caller's parameters) and that the pool key does
 *  not carry. Credentials given as a user and a secret are the user's: a key with the user in it holds connections
 *  of that user only, and a fixed user with a varying secret is one identity. A server name in the key but not the
 *  verification setting still mixes verified and unverified connections. */
function unkeyedVarying(value: IdentityValue, kind: IdentityKind, key: PoolKey): IdentityValue['parts'] {
  const text = key.family ? key.family.expression : key.text;
  return identityParts(value, kind).filter((p) => p.origin !== undefined && !text.includes(p.expression!));
}

function identityParts(value: IdentityValue, kind: IdentityKind): IdentityValue['parts'] {
  return kind === 'credentials' && value.parts.length === 2 ? value.parts.slice(0, 1) : value.parts;
}

/** The identity a literal value names (for credentials of a user and a secret: the user), or undefined when some
 *  part of it is known only as an expression. */
function literalIdentity(value: IdentityValue | null, kind: IdentityKind): string | undefined {
  const parts = value ? identityParts(value, kind) : [];
  return value && parts.every((p) => p.expression === undefined) ? parts.map((p) => p.text).join(':') : undefined;
}

/** pooled-session-state reports this key: a long use pooled with a db selected. */
function sessionStateReported(model: ProjectModel, key: PoolKey): boolean {
  return model.poolUses.some((u) => u.mode === 'long' && u.key?.text === key.text && typeof u.session.db === 'string' && u.session.db !== '0');
}
