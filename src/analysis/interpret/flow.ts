// The state of one control-flow path (variable values, the lifecycle of each tracked client-like value,
// the values it is an error path for) and how paths join where control flow merges.
import { UNKNOWN, joinValues, valueKey, type SymValue } from '../sym-value.ts';
import type { SessionState } from '../../model/vocabulary.ts';

export type Status = 'fresh' | 'live' | 'connected' | 'released' | 'escaped' | 'errored' | 'passed';

export type { SessionState };

export { NO_SESSION } from '../../model/vocabulary.ts';

export interface ObjState {
  value: SymValue;
  status: Set<Status>;
  passSites: number[];
  /** A client method was called on it: only then is a call result worth following as a client. */
  used: boolean;
  connectSites: number[];
  releaseSites: number[];
  session: SessionState;
  /** A request was sent whose response body was not read yet on some path. */
  unreadBody: boolean;
  /** Calls on every path here that end the request if their callee (another file's) always does. */
  endsAt: number[];
}

export class Flow {
  dead = false;
  /** Set when a call ends the path (ngx.exit, error): the enclosing statement stops the path. */
  ended: 'exit' | 'error' | null = null;
  /** The request was ended with a client-error status (ngx.exit(400..499)): a rejection, not the outcome. */
  rejected = false;
  /** Variable values by binding id. */
  vals = new Map<number, SymValue>();
  /** Tracked values by valueKey. */
  objs = new Map<string, ObjState>();
  /** Tracked values for which this path is an error path, with the operation whose failure guards it. */
  errorFor = new Map<string, string>();
  /** Tracked values whose connection is fresh on this path (inside a reuse guard: reuse-guards.ts). */
  freshFor = new Set<string>();

  /** Whether `v` is a tracked value on this path (no value key made while nothing is tracked). */
  tracks(v: SymValue): boolean {
    return this.objs.size > 0 && this.objs.has(valueKey(v));
  }

  clone(): Flow {
    // Copied with forEach: `new Map(map)` and for-of go through an iterator that allocates an entry per
    // element, and a flow is copied at every branch.
    const f = new Flow();
    f.dead = this.dead;
    const vals = f.vals;
    this.vals.forEach((v, k) => vals.set(k, v));
    if (this.objs.size > 0) this.objs.forEach((o, k) => f.objs.set(k, copyObj(o)));
    if (this.errorFor.size > 0) f.errorFor = new Map(this.errorFor);
    if (this.freshFor.size > 0) f.freshFor = new Set(this.freshFor);
    return f;
  }

  /** The paths `flows` merged into one. It consumes them: the first live one becomes the result (every
   *  caller replaces its flow with the join and drops the paths it joined), which saves a copy per join. */
  static join(flows: Flow[]): Flow {
    const live = flows.filter((f) => !f.dead);
    if (live.length === 0) {
      const d = new Flow();
      d.dead = true;
      return d;
    }
    const out = live[0];
    out.ended = null;
    out.rejected = false;
    for (let i = 1; i < live.length; i++) {
      const f = live[i];
      const vals = out.vals;
      vals.forEach((v, k) => {
        const w = f.vals.get(k);
        const joined = w ? joinValues(v, w) : UNKNOWN;
        if (joined !== v) vals.set(k, joined);
      });
      if (f.objs.size > 0) for (const [k, o] of f.objs) {
        const mine = out.objs.get(k);
        if (!mine) out.objs.set(k, copyObj(o));
        else {
          mine.used ||= o.used;
          mine.unreadBody ||= o.unreadBody;
          mine.session = joinSession(mine.session, o.session);
          for (const c of o.connectSites) if (!mine.connectSites.includes(c)) mine.connectSites.push(c);
          for (const r of o.releaseSites) if (!mine.releaseSites.includes(r)) mine.releaseSites.push(r);
          for (const s of o.status) mine.status.add(s);
          for (const p of o.passSites) if (!mine.passSites.includes(p)) mine.passSites.push(p);
          mine.endsAt = mine.endsAt.filter((s) => o.endsAt.includes(s));
        }
      }
      if (out.errorFor.size > 0) for (const k of [...out.errorFor.keys()]) if (!f.errorFor.has(k)) out.errorFor.delete(k);
      if (out.freshFor.size > 0) for (const k of [...out.freshFor]) if (!f.freshFor.has(k)) out.freshFor.delete(k);
    }
    return out;
  }
}

/** `flow` continues as `next` (the join of its branches): statements hold on to the same Flow object. */
export function replace(flow: Flow, next: Flow): void {
  flow.dead = next.dead;
  flow.vals = next.vals;
  flow.objs = next.objs;
  flow.errorFor = next.errorFor;
  flow.freshFor = next.freshFor;
  flow.ended = null;
}

function copyObj(o: ObjState): ObjState {
  return { ...o, status: new Set(o.status), passSites: [...o.passSites], connectSites: [...o.connectSites], releaseSites: [...o.releaseSites], endsAt: [...o.endsAt] };
}

function joinSession(a: SessionState, b: SessionState): SessionState {
  const db = a.db === b.db ? a.db : a.db === undefined ? b.db : b.db === undefined ? a.db : null;
  return a.subscribed && b.subscribed ? { db, multi: a.multi || b.multi, subscribed: true } : { db, multi: a.multi || b.multi };
}
