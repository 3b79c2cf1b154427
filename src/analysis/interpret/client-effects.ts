// What calls do to client-like values: construction (a library's new(), a global such as ngx.socket.tcp),
// connect, release, session commands, requests and body reads. Which function or method does what is
// profile data (src/clients/profiles.ts); this file applies it to the path's tracked values.
import { ANY_CLIENT, clientProfile, globalFactory, profileFor, type ClientMethods, type SelfReleasingMethod } from '../../clients/profiles.ts';
import type { SessionCommands } from '../../model/vocabulary.ts';
import { constant, fieldOf, isTrackable, valueKey, type SymValue } from '../sym-value.ts';
import { callEvent, event, setStatus, track, type FnCtx } from './context.ts';
import { NO_SESSION, type Flow, type ObjState, type SessionState } from './flow.ts';

/** A call that creates a client (redis:new(), redis.new(), a local alias of redis.new, ngx.socket.tcp(),
 *  ngx.socket.connect()): its results; undefined for any other call. */
export function construct(callee: SymValue, calleeName: string | null, args: SymValue[], site: number, flow: Flow, ctx: FnCtx): SymValue[] | undefined {
  const client = constructorClient(callee, calleeName);
  if (client) {
    const obj: SymValue = { t: 'obj', client, site };
    setStatus(flow, obj, 'fresh');
    created(obj, args, site, ctx);
    return [obj, constant(null)];
  }
  const factory = calleeName ? globalFactory(calleeName) : undefined;
  if (factory?.connects) {
    // Created and connected in one call: the global function is the connect.
    const connect = calleeName!.slice(calleeName!.lastIndexOf('.') + 1);
    const obj: SymValue = { t: 'obj', client: factory.profile.module, site };
    created(obj, [], site, ctx);
    event(ctx, { kind: 'connect', fn: ctx.id, site, target: obj, method: connect, args, errorPath: false });
    setStatus(flow, obj, 'connected');
    track(flow, obj, 'connected').connectSites = [site];
    return [obj, { t: 'op', obj: valueKey(obj), method: connect, index: 1, site }];
  }
  return undefined;
}

function constructorClient(callee: SymValue, calleeName: string | null): string | null {
  const factory = calleeName ? globalFactory(calleeName) : undefined;
  if (factory && !factory.connects) return factory.profile.module;
  if (callee.t === 'get' && callee.base.t === 'require') {
    const profile = clientProfile(callee.base.name);
    // An unprofiled resty.* object keeps its module's name (messages name it); its profile is UNPROFILED_RESTY.
    if (profile && profile.constructors.includes(callee.key)) return profile.unprofiled ? callee.base.name : profile.module;
  }
  return null;
}

function created(obj: Extract<SymValue, { t: 'obj' }>, args: SymValue[], site: number, ctx: FnCtx): void {
  event(ctx, { kind: 'new', fn: ctx.id, site, target: obj, client: obj.client, args });
  ctx.owned.add(valueKey(obj));
  // Created by a file's main chunk: shared by every request if the file is a module (decided at link).
  if (ctx.id === 0 && !clientProfile(obj.client)?.holdsNoSocket) event(ctx, { kind: 'shared', fn: ctx.id, site, target: obj, how: 'module-level' });
}

/** `self:method(args)` on a client-like value: its results. */
export function clientMethod(self: SymValue, method: string, args: SymValue[], site: number, flow: Flow, ctx: FnCtx, want: number): SymValue[] {
  const key = valueKey(self);
  const profile = self.t === 'obj' ? clientProfile(self.client) : undefined;
  // A value not known to be a client object (a call result, a parameter) may be any client until linked.
  const methods: ClientMethods = profile ?? ANY_CLIENT;
  const isConnect = methods.connectMethods.includes(method);
  const isKeepalive = methods.keepaliveMethods.includes(method);
  const isClose = methods.closeMethods.includes(method);
  const selfReleasing = methods.selfReleasingMethods?.find((m) => m.method === method);
  const errorOp = flow.errorFor.get(key);
  const errorPath = errorOp !== undefined;
  // A call result becomes worth following once a client method is called on it.
  const state = flow.objs.get(key) ?? (self.t === 'call' ? track(flow, self, 'live') : undefined);
  if (state) state.used = true;
  const results = (): SymValue[] => {
    const out: SymValue[] = [];
    for (let i = 0; i < Math.max(want, 2); i++) out.push({ t: 'op', obj: key, method, index: i, site });
    return out;
  };

  const reconnects = isConnect || selfReleasing !== undefined;
  let alreadyReleased = false;
  if (state && state.status.size === 1) {
    const only = [...state.status][0];
    if (only === 'released' && !reconnects) {
      alreadyReleased = true;
      event(ctx, { kind: 'use-after-release', fn: ctx.id, site, target: self, method, previous: [...state.releaseSites], reconnect: false });
    } else if (only === 'connected' && isConnect) {
      event(ctx, { kind: 'use-after-release', fn: ctx.id, site, target: self, method, previous: [...state.connectSites], reconnect: true });
    }
  }

  const produced = profile?.producesClient;
  if (produced && method === produced.method && self.t === 'obj') {
    // rc:connect() returns a connected client of another profile (resty.redis), keyed by rc's rule.
    const made: SymValue = { t: 'obj', client: produced.client, site };
    event(ctx, { kind: 'new', fn: ctx.id, site, target: made, client: produced.client, args: [] });
    ctx.owned.add(valueKey(made));
    event(ctx, { kind: 'connect', fn: ctx.id, site, target: made, method, args: [self, ...args], errorPath, keyRule: self.client });
    const o = track(flow, made, 'connected');
    o.status = new Set(['connected']);
    o.connectSites = [site];
    return [made, { t: 'op', obj: valueKey(made), method, index: 1, site }];
  }
  if (produced && isKeepalive) {
    // rc:set_keepalive(red) pools the client it is given, after sending it keepaliveSends (DISCARD).
    const given = args[0];
    if (given && isTrackable(given)) {
      const commands = profileFor(produced.client)?.session;
      const before = flow.objs.get(valueKey(given))?.session ?? NO_SESSION;
      const session = produced.keepaliveSends.reduce((s, c) => sessionAfter(s, commands, c, []) ?? s, before);
      release(given, 'long', method, args.slice(1), site, flow, ctx, { session });
    }
    return results();
  }

  if (isConnect) {
    event(ctx, { kind: 'connect', fn: ctx.id, site, target: self, method, args, errorPath });
    const o = track(flow, self, 'connected');
    // Connected here, but kept beyond this function (stored in an upvalue or a table): still not its to release.
    o.status = new Set(o.status.has('escaped') ? ['connected', 'escaped'] : ['connected']);
    o.connectSites = [site];
    o.releaseSites = [];
    o.session = NO_SESSION;
    o.unreadBody = false;
    flow.freshFor.delete(key);
  } else if ((isKeepalive || isClose) && !alreadyReleased) {
    // A second release returns nil, "closed" and touches no connection: only use-after-release reports it.
    release(self, isKeepalive ? 'long' : 'short', method, args, site, flow, ctx, {});
  } else if (selfReleasing) {
    // It connects, requests, reads the body and pools (or closes) by itself.
    event(ctx, { kind: 'connect', fn: ctx.id, site, target: self, method, args, errorPath });
    const mode = keepaliveOption(selfReleasing, args, ctx.file.facts.tables);
    if (mode) release(self, mode, method, args, site, flow, ctx, { implicit: true });
  } else {
    // Arguments matter only for session state (select's db), identities (auth's user) and timeouts: keep facts
    // small for the cache.
    const keepArgs = methods.session?.select.includes(method) || methods.identity?.some((m) => m.method === method) || methods.timeoutMethods?.some((m) => m.method === method);
    const fresh = flow.freshFor.has(key) ? { fresh: true as const } : {};
    // What the link reads of a method call: on a client object, whether it does I/O (yield-reach.ts); on any
    // value, the kept arguments (identities, timeouts). A command on a parameter or a call result (mostly
    // `self:helper()`) has none of these: no event (it was 15 % of Kong's facts).
    if (self.t === 'obj' || keepArgs) event(ctx, { kind: 'method', fn: ctx.id, site, target: self, method, args: keepArgs ? args : [], errorPath, ...fresh });
    if (state) sessionEffect(state, method, args, methods);
    // `self:helper()` may be a method of the module itself.
    if (self.t !== 'obj') callEvent({ t: 'get', base: self, key: method }, null, [self, ...args], site, ctx);
  }
  return results();
}

/** `res.body_reader`: reading a field of a response may read its body. */
export function responseField(res: SymValue, field: string, flow: Flow): void {
  if (ANY_CLIENT.bodyReadFields.includes(field)) bodyRead(res, flow);
}

/** `res:read_body()`: a method of a response that reads its body. */
export function responseMethod(res: SymValue, method: string, flow: Flow): void {
  if (ANY_CLIENT.bodyReadMethods.includes(method)) bodyRead(res, flow);
}

/** A response (a method result of a tracked client) is read: its client's body is no longer unread. */
export function bodyRead(v: SymValue, flow: Flow): void {
  if (v.t !== 'op') return;
  const o = flow.objs.get(v.obj);
  if (o) o.unreadBody = false;
}

function release(
  target: SymValue,
  mode: 'long' | 'short',
  method: string,
  args: SymValue[],
  site: number,
  flow: Flow,
  ctx: FnCtx,
  opts: { session?: SessionState; implicit?: boolean },
): void {
  const key = valueKey(target);
  const errorOp = flow.errorFor.get(key);
  const o = track(flow, target, 'released');
  event(ctx, {
    kind: 'release',
    fn: ctx.id,
    site,
    target,
    mode,
    method,
    args,
    errorPath: errorOp !== undefined,
    errorOp,
    session: opts.session ?? o.session,
    unreadBody: o.unreadBody,
    implicit: opts.implicit,
    ...(o.endsAt.length > 0 ? { after: [...o.endsAt] } : {}),
  });
  o.status = new Set(['released']);
  o.releaseSites = [site];
  o.passSites = [];
}

/** Session commands (SELECT, MULTI, EXEC) and requests: state the next user of the pooled connection inherits. */
function sessionEffect(o: ObjState, method: string, args: SymValue[], methods: ClientMethods): void {
  const session = sessionAfter(o.session, methods.session, method, args);
  if (session) o.session = session;
  else if (methods.requestMethods?.includes(method)) o.unreadBody = true;
}

/** The session after `method` (with `args`), or undefined when it is not a session command. */
function sessionAfter(s: SessionState, commands: SessionCommands | undefined, method: string, args: SymValue[]): SessionState | undefined {
  if (!commands) return undefined;
  if (commands.select.includes(method)) {
    const db = args[0];
    return { ...s, db: db?.t === 'const' && db.v !== null ? String(db.v) : null };
  }
  if (commands.begin.includes(method)) return { ...s, multi: true };
  if (commands.end.includes(method)) return { ...s, multi: false };
  if (commands.subscribe?.includes(method)) return { ...s, subscribed: true };
  // Unsubscribing from some channels may leave others: whether it is still subscribed is unknown.
  if (commands.unsubscribe?.includes(method) && s.subscribed) return { db: s.db, multi: s.multi };
  return undefined;
}

/** A self-releasing method's keepalive option: false closes, absent or true pools; anything else is unknown (null). */
function keepaliveOption(m: SelfReleasingMethod, args: SymValue[], tables: Record<string, SymValue>[]): 'long' | 'short' | null {
  const params = args[m.optionsArg];
  if (!params || (params.t === 'const' && params.v === null)) return 'long';
  if (params.t !== 'table') return null;
  const k = fieldOf(tables[params.id], m.keepaliveOption);
  if (k === undefined || (k.t === 'const' && (k.v === null || k.v === true))) return 'long';
  if (k.t === 'const' && k.v === false) return 'short';
  return null;
}
