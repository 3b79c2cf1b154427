// The whole-project step: turns each file's lifecycle events into the model rules read: pool uses (which
// pool, released how, where), connects, unreleased clients, uses after release and clients shared beyond
// their request. Which objects a value denotes is client-objects.ts; what a callee does with a client it is
// passed, pass-effects.ts; releases left in ngx.ctx slots, ctx-getters.ts.
import { ANY_CLIENT, clientProfile, profileFor, type ClientProfile } from '../clients/profiles.ts';
import { siteSpan, type FileFacts, type LifecycleEvent } from '../analysis/file-facts.ts';
import { ctxSlot, fieldOf, valueKey, type SymValue } from '../analysis/sym-value.ts';
import { numberOf as keyNumber } from '../pool-keys/key-value.ts';
import { NO_SESSION } from '../model/vocabulary.ts';
import { poolKeyBuilder } from '../pool-keys/builder-for.ts';
import { declaredPoolKey } from '../pool-keys/host-port.ts';
import type { ClientSite, ConnectSite, StaleCtxRelease, WrapperKeepalive, DisabledPhaseUse, PoolKey, PoolUse, TimeoutSetting, SharedClient, Unreleased, UseAfterRelease } from '../model/project-model.ts';
import { eventIndex } from './event-index.ts';
import { keyInputs } from './key-inputs.ts';
import type { LinkUnit } from './link-unit.ts';
import type { Env, ValueResolver } from './resolver.ts';
import type { Wrappers } from './wrappers.ts';
import { ClientObjects, type ObjInstance } from './client-objects.ts';
import { staleCtxReleases } from './ctx-getters.ts';
import { PassEffects } from './pass-effects.ts';
import { Identities } from './identities.ts';
import { keyValue } from './key-inputs.ts';
import { PLAIN_WORK, type WorkKeeper } from './kept-work.ts';

type Ev<K extends LifecycleEvent['kind']> = Extract<LifecycleEvent, { kind: K }>;

/** What linking the units' events produces; build-model.ts assembles it into the model. */
export interface LinkedUses {
  poolUses: PoolUse[];
  wrapperKeepalives: WrapperKeepalive[];
  connects: ConnectSite[];
  unreleased: Unreleased[];
  useAfterRelease: UseAfterRelease[];
  staleCtxReleases: StaleCtxRelease[];
  shared: SharedClient[];
  disabledPhaseUses: DisabledPhaseUse[];
  timeouts: TimeoutSetting[];
}

/** Every method some profile lists as establishing an identity (auth, select, sslhandshake...). */
const IDENTITY_METHODS = new Set(ANY_CLIENT.identity.map((m) => m.method));

export class Linker {
  private readonly objects: ClientObjects;
  private readonly passes: PassEffects;
  readonly identities = new Identities();

  constructor(
    private readonly resolver: ValueResolver,
    private readonly units: ReadonlyMap<string, LinkUnit>,
    private readonly wrappers: Wrappers,
    /** Keeps work done per unit for the next link (relink.ts). */
    private readonly keeper: WorkKeeper = PLAIN_WORK,
  ) {
    this.objects = new ClientObjects(resolver, units, keeper);
    this.passes = new PassEffects(resolver, units, wrappers, this.objects, keeper);
  }

  /** Builds the project-wide indexes now rather than inside the first unit's link that needs them. */
  buildIndexes(): void {
    this.passes.callers();
  }

  link(unit: LinkUnit, model: LinkedUses): void {
    for (const e of unit.facts.events) {
      switch (e.kind) {
        case 'release':
        case 'pass':
        case 'unreleased':
          this.lifecycle(unit, e, model);
          break;
        case 'connect':
          this.connect(unit, e, model);
          this.timeoutOptions(unit, e, model);
          break;
        case 'new':
          this.timeoutOptions(unit, e, model);
          break;
        case 'method':
          this.identityStep(unit, e);
          this.timeouts(unit, e, model);
          break;
        case 'use-after-release':
          this.useAfterRelease(unit, e, model);
          break;
        case 'shared':
          this.shared(unit, e, model);
          break;
        default:
          break;
      }
    }
  }

  private site(unit: LinkUnit, e: LifecycleEvent, client: string, site = e.site): ClientSite {
    return {
      client,
      location: unit.locate(siteSpan(unit.facts, site)),
      unit: unit.path,
      functionName: unit.facts.functions[e.fn]?.name ?? '?',
    };
  }

  private lifecycle(unit: LinkUnit, e: Ev<'release'> | Ev<'pass'> | Ev<'unreleased'>, model: LinkedUses): void {
    if (e.kind === 'release' && e.target.t === 'param') this.wrapperKeepalive(unit, e, model);
    if (ownedByCaller(e.target)) return; // a parameter: its callers account for it
    // The path ends at this call only if the callee ends the request on every path.
    if (e.kind === 'unreleased' && e.ifEnds && !this.alwaysExits(unit.path, e.ifEnds)) return;
    // A release after such a call never runs.
    if (e.kind === 'release' && e.after && this.endedBefore(unit, e)) return;
    for (const obj of this.objects.of(unit.path, e.target)) {
      // An unprofiled library: only what a keepalive call itself says (its arguments) is known.
      if (clientProfile(obj.client)?.unprofiled && !(e.kind === 'release' && e.mode === 'long')) continue;
      const subscribed = (e.kind === 'release' && e.mode === 'long' && e.session.subscribed) || (e.kind === 'pass' && e.subscribed && this.passes.effectOf(unit.path, e, 0) === 'long');
      if (subscribed) {
        // resty.redis refuses to pool a subscribed connection: nothing is pooled, request cleanup closes it.
        const site = this.site(unit, e, obj.client);
        const refused = e.kind === 'release' ? { method: e.method, error: 'subscribed state' } : { method: 'set_keepalive', error: 'subscribed state', through: calleeName(e.callee, unit.facts) };
        model.unreleased.push({ ...site, pathEnd: site.location, end: 'return', refused });
        continue;
      }
      if (e.kind === 'unreleased') {
        const unreleased = this.unreleasedSite(unit, e, obj);
        if (unreleased === undefined) continue; // a site index: 0 is a site
        model.unreleased.push({ ...this.site(unit, e, obj.client, unreleased), pathEnd: unit.locate(siteSpan(unit.facts, e.site)), end: e.end, ...this.earlyEnd(unit, e) });
      }
      const keys = this.keysOf(unit, obj, e.fn, e.target);
      // With no knowable key the use still counts for rules that do not compare pools.
      for (const key of keys.length > 0 ? keys : [null]) {
        const use = this.toUse(unit, e, obj, key);
        if (use) model.poolUses.push(use);
        if (use?.mode === 'long') this.identities.pooled(obj);
      }
    }
  }

  /** One pool use, built whole: a use was three objects spread into each other, the link's largest allocation
   *  site (allocation profile of synthetic-10000). The properties keep the order they had then. */
  private toUse(unit: LinkUnit, e: Ev<'release'> | Ev<'pass'> | Ev<'unreleased'>, obj: ObjInstance, key: PoolKey | null): PoolUse | null {
    const client = obj.client;
    const functionName = unit.facts.functions[e.fn]?.name ?? '?';
    switch (e.kind) {
      case 'release': {
        const profile = clientProfile(client);
        // Released where its connect failed: no connection exists, the call pools or closes nothing.
        if (failedConnect(profile, e.errorOp)) return null;
        const keepalive = e.mode === 'long' && !e.implicit;
        const numberArg = (i: number | undefined) => (i === undefined ? undefined : this.numberOf(unit.path, e.args[i]));
        return {
          client,
          location: unit.locate(siteSpan(unit.facts, e.site)),
          unit: unit.path,
          functionName,
          key,
          unreadBody: e.unreadBody,
          implicit: e.implicit === true,
          session: e.session,
          mode: e.mode,
          errorPath: e.errorPath,
          errorOp: e.errorOp,
          via: e.method,
          timeoutMs: keepalive ? numberArg(profile?.keepaliveTimeoutArg) : undefined,
          poolSize: keepalive ? numberArg(profile?.keepalivePoolSizeArg) : undefined,
        };
      }
      case 'pass': {
        if (failedConnect(clientProfile(client), e.errorOp)) return null;
        const effect = this.passes.effectOf(unit.path, e, 0);
        if (effect !== 'long' && effect !== 'short') return null;
        const use: PoolUse = {
          client,
          location: unit.locate(siteSpan(unit.facts, e.site)),
          unit: unit.path,
          functionName,
          key,
          unreadBody: false,
          implicit: false,
          session: NO_SESSION,
          mode: effect,
          errorPath: e.errorPath,
          via: calleeName(e.callee, unit.facts),
        };
        return effect === 'long' ? Object.assign(use, this.passes.keepaliveArgsThrough(unit.path, e, client)) : use;
      }
      case 'unreleased': {
        const at = this.unreleasedSite(unit, e, obj);
        if (at === undefined) return null;
        return {
          client,
          location: unit.locate(siteSpan(unit.facts, at)),
          unit: unit.path,
          functionName,
          key,
          unreadBody: false,
          implicit: false,
          session: e.session,
          mode: 'unreleased',
          errorPath: false,
          pathEnd: unit.locate(siteSpan(unit.facts, e.site)),
          via: e.end === 'exit' ? 'ngx.exit' : 'request end',
          ...this.earlyEnd(unit, e),
        };
      }
    }
  }

  /** Where an unreleased path ended, as the model grades it: an early return or exit inside a branch (rare
   *  paths: input checks, another backend's failure), while another path of the function does release it.
   *  When no path releases it, the early ends are all there is: the main path. */
  private earlyEnd(unit: LinkUnit, e: Ev<'unreleased'>): { early?: true; afterFailureOf?: string } {
    if (!e.early) return {};
    const target = valueKey(e.target);
    const released = eventIndex(unit.facts)
      .eventsOf(e.fn)
      .some((x) => (x.kind === 'release' || x.kind === 'pass') && !x.errorPath && valueKey(x.target) === target);
    if (!released) return {};
    return { early: true, ...(e.afterFailureOf !== undefined ? { afterFailureOf: e.afterFailureOf } : {}) };
  }

  /** A keepalive call on a parameter: the clients callers pass name the library (its timeout argument);
   *  with none known, only set_keepalive/setkeepalive, which every cosocket library names so, count. */
  private wrapperKeepalive(unit: LinkUnit, e: Ev<'release'>, model: LinkedUses): void {
    if (e.mode !== 'long' || e.implicit || e.target.t !== 'param') return;
    const clients = [...new Set(this.passes.clientsPassedTo(unit.path, e.fn, e.target.index, 0).map((o) => o.client))];
    const profile = clients.length === 1 ? clientProfile(clients[0]) : undefined;
    if (!profile && !['set_keepalive', 'setkeepalive'].includes(e.method)) return;
    if (profile && !profile.keepaliveMethods.includes(e.method)) return;
    const timeoutArg = profile?.keepaliveTimeoutArg ?? 0;
    model.wrapperKeepalives.push({ ...this.site(unit, e, profile ? clients[0] : 'client'), via: e.method, timeoutMs: this.numberOf(unit.path, e.args[timeoutArg]) });
  }

  /** Where to report a connected client left unreleased: its connect, or the call that returned it
   *  connected; undefined when this path does not really leave it unreleased. */
  private unreleasedSite(unit: LinkUnit, e: Ev<'unreleased'>, obj: ObjInstance): number | undefined {
    if (e.passSites.length > 0 && !this.passes.leaveUnreleased(unit, e)) return undefined;
    if (e.connectSites.length > 0) return e.connectSites[0];
    // Only known live: connected by the wrapper that returned it?
    if (e.target.t !== 'call') return undefined;
    if (!this.connectedByCreator(obj) && this.connectsAlongCall(unit.path, e.target, obj, 0).length === 0) return undefined;
    return e.target.site;
  }

  /** Connects of `obj` made by the functions a call goes through on its way to returning it: the callee's own
   *  connects of the value it returns, then the callee's callee's (a few levels). */
  private connectsAlongCall(file: string, call: SymValue, obj: ObjInstance, depth: number): Array<{ file: string; event: Ev<'connect'> }> {
    if (call.t !== 'call' || depth > 3) return [];
    const out: Array<{ file: string; event: Ev<'connect'> }> = [];
    for (const callee of this.resolver.resolve(file, call.callee, null)) {
      if (callee.r !== 'fn') continue;
      const unit = this.units.get(callee.file);
      if (!unit) continue;
      for (const e of eventIndex(unit.facts).eventsOf(callee.id)) {
        if (e.kind !== 'connect' || e.target.t === 'obj') continue;
        if (this.objects.of(callee.file, e.target).some((o) => o.file === obj.file && o.site === obj.site)) out.push({ file: callee.file, event: e });
      }
      for (const ret of unit.facts.functions[callee.id]?.returns ?? []) {
        if (ret[0]?.t === 'call') out.push(...this.connectsAlongCall(callee.file, ret[0], obj, depth + 1));
      }
    }
    return out;
  }

  /** The code that created the object connected it, and kept it nowhere but in what it returned: a
   *  creator that also stores it or hands it to a closure (a hook that releases it later) decides its fate. */
  private connectedByCreator(obj: ObjInstance): boolean {
    if (this.wrappers.spec(obj.file)) return true;
    const owner = this.units.get(obj.file);
    if (!owner) return false;
    const key = valueKey({ t: 'obj', client: obj.client, site: obj.site });
    const index = eventIndex(owner.facts);
    return index.connectsOf(key).length > 0 && !index.escapes(key);
  }

  private connect(unit: LinkUnit, e: Ev<'connect'>, model: LinkedUses): void {
    if (ownedByCaller(e.target)) return;
    for (const obj of this.objects.of(unit.path, e.target)) {
      const profile = profileFor(e.keyRule ?? obj.client);
      if (!profile) continue;
      // Evaluated in the connecting function, whose own parameters are the origin of a family's key.
      const inputs = keyInputs(this.keyScope(unit.path, this.resolver.rootEnv(unit.path, e.fn)), e.args, obj.site, e.method);
      const key = poolKeyBuilder(profile.poolKey).key(inputs);
      if (!key) continue;
      // The options argument is where the object's own library takes it (a connector's client: none).
      const opts = poolKeyBuilder((profileFor(obj.client) ?? profile).poolKey).options(inputs);
      const poolSize = opts === undefined ? undefined : opts.kind === 'table' ? keyNumber(opts.field('pool_size')) : null;
      model.connects.push({ ...this.site(unit, e, obj.client), key, poolSize });
      this.identities.connected(obj, this.site(unit, e, obj.client), key);
      this.identities.fromOptions(obj, profileFor(obj.client), this.site(unit, e, obj.client), opts);
    }
  }

  /** AUTH, SELECT, a TLS handshake: what the call establishes on the objects it is made on. */
  private identityStep(unit: LinkUnit, e: Ev<'method'>): void {
    // Most method calls (commands) establish no identity: no need to resolve the object or place the call.
    if (ownedByCaller(e.target) || !IDENTITY_METHODS.has(e.method)) return;
    // Evaluated in the calling function, whose own parameters are an origin (as for a family's key).
    const env = ctxSlot(e.target) === undefined ? this.resolver.rootEnv(unit.path, e.fn) : null;
    const arg = (i: number) => (e.args[i] === undefined ? undefined : keyValue(this.resolver, this.resolver.resolveOne(unit.path, e.args[i], env)));
    for (const obj of this.objects.of(unit.path, e.target)) {
      this.identities.method(obj, clientProfile(obj.client), e.method, this.site(unit, e, obj.client), arg, e.args.length, e.fresh === true);
    }
  }

  private useAfterRelease(unit: LinkUnit, e: Ev<'use-after-release'>, model: LinkedUses): void {
    // Only values known to be clients: a parameter counts through the clients its callers pass.
    const objs = e.target.t === 'param' ? this.passes.clientsPassedTo(unit.path, e.fn, e.target.index, 0) : this.objects.of(unit.path, e.target);
    const client = objs[0]?.client;
    if (!client || clientProfile(client)?.unprofiled) return;
    const reconnect = e.reconnect;
    model.useAfterRelease.push({
      ...this.site(unit, e, client),
      method: e.method,
      previous: e.previous.map((s) => unit.locate(siteSpan(unit.facts, s))),
      reconnect,
    });
  }

  private shared(unit: LinkUnit, e: Ev<'shared'>, model: LinkedUses): void {
    const perRequestTopLevel = !unit.isModule;
    // The top level of an entry chunk (and what it defines) runs per request: nothing is shared there.
    if (perRequestTopLevel && (e.how === 'module-level' || e.how === 'upvalue' || e.how === 'module-field')) return;
    for (const obj of this.objects.of(unit.path, e.target)) {
      if (clientProfile(obj.client)?.unprofiled) continue;
      model.shared.push({ ...this.site(unit, e, obj.client), how: e.how, via: e.via });
    }
  }

  /** Literal ms arguments of a timeout method (profile data) on a known client. */
  private timeouts(unit: LinkUnit, e: Ev<'method'>, model: LinkedUses): void {
    if (e.args.length === 0) return;
    // A parameter counts through the clients its callers pass (a `set_timeouts(red)` helper).
    const objs = e.target.t === 'param' ? this.passes.clientsPassedTo(unit.path, e.fn, e.target.index, 0) : this.objects.of(unit.path, e.target);
    const clients = [...new Set(objs.map((o) => o.client))];
    if (clients.length !== 1) return;
    const spec = clientProfile(clients[0])?.timeoutMethods?.find((m) => m.method === e.method);
    for (const arg of spec?.msArgs ?? []) {
      const ms = this.numberOf(unit.path, e.args[arg]);
      if (typeof ms === 'number') model.timeouts.push({ ...this.site(unit, e, clients[0]), method: e.method, arg, ms });
    }
  }

  /** Literal ms fields of an options table a client takes (profile data: request_uri's keepalive_timeout,
   *  a connector's new{ read_timeout = ... }). */
  private timeoutOptions(unit: LinkUnit, e: Ev<'new'> | Ev<'connect'>, model: LinkedUses): void {
    const method = e.kind === 'new' ? 'new' : e.method;
    for (const obj of e.target.t === 'obj' ? [e.target] : []) {
      for (const spec of clientProfile(obj.client)?.timeoutOptions ?? []) {
        const table = spec.method === method ? e.args[spec.optionsArg] : undefined;
        if (table?.t !== 'table') continue;
        const fields = unit.facts.tables[table.id] ?? {};
        const add = (field: string, keepalive: boolean) => {
          const ms = this.numberOf(unit.path, fieldOf(fields, field));
          if (typeof ms === 'number') model.timeouts.push({ ...this.site(unit, e, obj.client), method, arg: spec.optionsArg, ms, option: field, ...(keepalive ? { keepalive: true as const } : {}) });
        };
        for (const f of spec.fields) add(f, false);
        for (const f of spec.keepaliveFields) add(f, true);
      }
    }
  }

  private keyScope(file: string, env: Env | null) {
    const facts = this.resolver.factsOf(file);
    return { resolver: this.resolver, file, env, ctorArgs: (site: number) => (facts ? eventIndex(facts).newAt(site)?.args : undefined) };
  }

  /** Pool keys an object is connected with: by the code that created it (e.g. inside an acquire()
   *  wrapper, evaluated with that call's arguments) and by the function using it. */
  private keysOf(unit: LinkUnit, obj: ObjInstance, fn: number, target: SymValue): PoolKey[] {
    const keys = new Map<string, PoolKey>();
    let unknown = false;
    const add = (file: string, c: Ev<'connect'>, env: Env | null) => {
      const profile = profileFor(c.keyRule ?? obj.client);
      const k = profile ? poolKeyBuilder(profile.poolKey).key(keyInputs(this.keyScope(file, env), c.args, obj.site, c.method)) : null;
      if (k) keys.set(k.text, k);
      else unknown = true;
    };
    const declared = this.wrappers.spec(obj.file);
    if (declared) {
      if (declared.pool !== undefined) keys.set(declared.pool, declaredPoolKey(declared.pool));
      else unknown = true;
    }
    // This function's own parameters are unbound: a key that depends on them is a family's, with this
    // function (or its plugin) as origin. An object taken from an ngx.ctx slot was made elsewhere: its
    // arguments are not this function's.
    const root = ctxSlot(target) === undefined ? this.resolver.rootEnv(unit.path, fn) : null;
    const owner = this.units.get(obj.file);
    for (const c of owner ? eventIndex(owner.facts).connectsOf(valueKey({ t: 'obj', client: obj.client, site: obj.site })) : []) {
      const env = obj.env ? (root ? this.resolver.rebind(obj.env, unit.path, root) : obj.env) : obj.file === unit.path && c.fn === fn ? root : null;
      add(obj.file, c, env);
    }
    if (target.t !== 'obj') {
      for (const c of eventIndex(unit.facts).connectsOf(valueKey(target))) if (c.fn === fn) add(unit.path, c, root);
      // Connected by the function that handed it over (conn.open() connecting what factory.make() created).
      for (const { file, event } of this.connectsAlongCall(unit.path, target, obj, 0)) add(file, event, null);
    }
    // An unknowable key on any connect makes the object's pool unknowable: never guess.
    return unknown ? [] : [...keys.values()];
  }

  /** Releases of an `ngx.ctx` slot that leave the client where a getter hands it out again (ctx-getters.ts). */
  staleCtxReleases(model: LinkedUses): void {
    model.staleCtxReleases.push(...staleCtxReleases(this.units, this.objects, (unit, e, client) => this.site(unit, e, client), this.keeper));
  }

  /** Every function a callee may be is of the project and ends the request normally on every path. */
  private alwaysExits(file: string, callee: SymValue): boolean {
    const callees = this.resolver.resolve(file, callee, null);
    return callees.length > 0 && callees.every((c) => c.r === 'fn' && this.resolver.factsOf(c.file)?.functions[c.id]?.ends === 'exit');
  }

  /** Some call every path reaching this release went through ends the request. */
  private endedBefore(unit: LinkUnit, e: Ev<'release'>): boolean {
    const target = valueKey(e.target);
    return eventIndex(unit.facts)
      .eventsOf(e.fn)
      .some((u) => u.kind === 'unreleased' && u.ifEnds !== undefined && e.after!.includes(u.site) && valueKey(u.target) === target && this.alwaysExits(unit.path, u.ifEnds));
  }

  /** A literal number argument; undefined when absent (or nil), null when not a known number. */
  private numberOf(file: string, v: SymValue | undefined): number | null | undefined {
    if (v === undefined) return undefined;
    const r = this.resolver.resolveOne(file, v, null);
    if (r.r === 'const' && r.v === null) return undefined;
    if (r.r === 'const' && typeof r.v === 'number') return r.v;
    return null;
  }
}

function failedConnect(profile: ClientProfile | undefined, errorOp: string | undefined): boolean {
  return errorOp !== undefined && (profile?.connectMethods.includes(errorOp) ?? false);
}

/** A parameter or a field: whoever passed or stored it accounts for it. An `ngx.ctx` slot is followed to
 *  what was stored in it instead. */
function ownedByCaller(v: SymValue): boolean {
  return v.t === 'param' || (v.t === 'get' && ctxSlot(v) === undefined);
}

function calleeName(v: SymValue, facts: FileFacts): string {
  if (v.t === 'get') return `${calleeName(v.base, facts)}.${v.key}`;
  if (v.t === 'global') return v.name;
  if (v.t === 'require') return v.name;
  if (v.t === 'fn') return facts.functions[v.id]?.name ?? 'function';
  return 'call';
}
