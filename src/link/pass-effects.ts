// What a function does to a client it is passed (keeps it alive, closes it, nothing, unknown), the literal
// keepalive arguments a release wrapper gets from its caller, and which clients callers pass to a function.
import { clientProfile } from '../clients/profiles.ts';
import type { FileFacts, LifecycleEvent } from '../analysis/file-facts.ts';
import { valueKey } from '../analysis/sym-value.ts';
import type { PoolUse } from '../model/project-model.ts';
import type { ClientObjects, ObjInstance } from './client-objects.ts';
import { eventIndex } from './event-index.ts';
import type { LinkUnit } from './link-unit.ts';
import type { ValueResolver } from './resolver.ts';
import type { Wrappers } from './wrappers.ts';
import type { WorkKeeper } from './kept-work.ts';

export type Effect = 'long' | 'short' | 'none' | 'unknown';
type Ev<K extends LifecycleEvent['kind']> = Extract<LifecycleEvent, { kind: K }>;

export class PassEffects {
  constructor(
    private readonly resolver: ValueResolver,
    private readonly units: ReadonlyMap<string, LinkUnit>,
    private readonly wrappers: Wrappers,
    private readonly objects: ClientObjects,
    /** Keeps each unit's part of the callers index, and learns who reads the index (a partial relink). */
    private readonly keeper: WorkKeeper,
  ) {}

  /** Client objects that callers anywhere in the project pass as argument `index` of function `fn`. */
  clientsPassedTo(file: string, fn: number, index: number, depth: number): ObjInstance[] {
    if (depth > 3) return [];
    const key = `${file}#${fn}`;
    this.keeper.indexUse('callers', key);
    const out: ObjInstance[] = [];
    for (const { unit, pass } of this.callers().get(key) ?? []) {
      if (pass.argIndex !== index) continue;
      if (pass.target.t === 'param') out.push(...this.clientsPassedTo(unit.path, pass.fn, pass.target.index, depth + 1));
      else out.push(...this.objects.of(unit.path, pass.target));
    }
    return out;
  }

  private callerIndex: Map<string, Array<{ unit: LinkUnit; pass: Ev<'pass'> }>> | undefined;

  /** Every pass event, by the function it calls (`file#fnId`); built on first use. */
  callers(): Map<string, Array<{ unit: LinkUnit; pass: Ev<'pass'> }>> {
    if (this.callerIndex) return this.callerIndex;
    const index = new Map<string, Array<{ unit: LinkUnit; pass: Ev<'pass'> }>>();
    for (const unit of this.units.values()) {
      for (const [key, pass] of this.keeper.indexPart('callers', unit, () => this.callersPart(unit))) {
        const list = index.get(key) ?? [];
        list.push({ unit, pass });
        index.set(key, list);
      }
    }
    this.callerIndex = index;
    return index;
  }

  /** The unit's part of the callers index: each pass event whose callee is one function, with its `file#fnId`. The
   *  part holds the events themselves, so that reading the index reads no unit's facts. */
  private callersPart(unit: LinkUnit): Array<[string, Ev<'pass'>]> {
    const out: Array<[string, Ev<'pass'>]> = [];
    for (const pass of unit.facts.events) {
      if (pass.kind !== 'pass') continue;
      const callees = this.resolver.resolve(unit.path, pass.callee, null);
      if (callees.length === 1 && callees[0].r === 'fn') out.push([`${callees[0].file}#${callees[0].id}`, pass]);
    }
    return out;
  }

  leaveUnreleased(unit: LinkUnit, e: Ev<'unreleased'>): boolean {
    for (const site of e.passSites) {
      const pass = eventIndex(unit.facts).passAt(site, valueKey(e.target));
      if (!pass || this.effectOf(unit.path, pass, 0) !== 'none') return false;
    }
    return true;
  }

  /** What a callee does to the argument it is passed: keeps it alive, closes it, nothing, or unknown. */
  effectOf(file: string, pass: Ev<'pass'>, depth: number): Effect {
    if (depth > 6) return 'unknown';
    const callees = this.resolver.resolve(file, pass.callee, null);
    const declared = callees.length === 1 ? this.wrappers.match(callees[0]) : undefined;
    if (declared) {
      const { kind, argument = 1 } = declared.spec;
      if (kind === 'acquire' || pass.argIndex !== argument - 1 + (pass.selfCall ? 1 : 0)) return 'unknown';
      return kind === 'release-long' ? 'long' : 'short';
    }
    if (callees.length !== 1 || callees[0].r !== 'fn') return 'unknown';
    const { file: calleeFile, id } = callees[0];
    const callee = this.units.get(calleeFile);
    if (!callee) return 'unknown';
    const paramKey = valueKey({ t: 'param', index: pass.argIndex });
    let long = false;
    let short = false;
    let unknown = false;
    for (const e of eventIndex(callee.facts).eventsOf(id)) {
      if (e.kind === 'call' || valueKey(e.target) !== paramKey) continue;
      if (e.kind === 'release' && !e.errorPath) {
        if (e.mode === 'long') long = true;
        else short = true;
      } else if (e.kind === 'escape') {
        unknown = true;
      } else if (e.kind === 'pass') {
        const inner = this.effectOf(calleeFile, e, depth + 1);
        if (inner === 'long') long = true;
        else if (inner === 'short') short = true;
        else if (inner === 'unknown') unknown = true;
      }
    }
    if (long) return 'long';
    if (short) return 'short';
    if (unknown || returnsParam(callee.facts, id, paramKey)) return 'unknown';
    return 'none';
  }

  /** The idle timeout and pool size a release wrapper's keepalive call gets, evaluated with the literal
   *  arguments of this call (`keepalive(db, 0, 100)` → 0, 100); nothing when the wrapper is not one known
   *  function with one keepalive call on that parameter. */
  keepaliveArgsThrough(file: string, pass: Ev<'pass'>, client: string): Pick<PoolUse, 'timeoutMs' | 'poolSize' | 'timeoutInWrapper'> {
    const callees = this.resolver.resolve(file, pass.callee, null);
    if (callees.length !== 1 || callees[0].r !== 'fn') return {};
    const callee = this.units.get(callees[0].file);
    if (!callee) return {};
    const paramKey = valueKey({ t: 'param', index: pass.argIndex });
    const releases = eventIndex(callee.facts)
      .eventsOf(callees[0].id)
      .filter((x): x is Ev<'release'> => x.kind === 'release' && x.mode === 'long' && !x.errorPath && !x.implicit && valueKey(x.target) === paramKey);
    if (releases.length !== 1) return {};
    const profile = clientProfile(client);
    const env = this.resolver.envFor((pass.args ?? []).map((value) => ({ file, value, env: null })));
    const arg = (i: number | undefined) => {
      const v = i === undefined ? undefined : releases[0].args[i];
      if (v === undefined) return undefined;
      const r = this.resolver.resolveOne(callee.path, v, env);
      if (r.r === 'const' && r.v === null) return undefined;
      return r.r === 'const' && typeof r.v === 'number' ? r.v : null;
    };
    const timeoutArg = profile?.keepaliveTimeoutArg;
    // A timeout the wrapper writes itself is judged at the wrapper's own call (one defect, one finding).
    const written = timeoutArg === undefined ? undefined : releases[0].args[timeoutArg];
    return { timeoutMs: arg(timeoutArg), poolSize: arg(profile?.keepalivePoolSizeArg), ...(written?.t === 'const' ? { timeoutInWrapper: true } : {}) };
  }
}

/** The callee returns the parameter: its fate is decided by the caller's caller. */
function returnsParam(facts: FileFacts, fn: number, paramKey: string): boolean {
  return facts.functions[fn].returns.some((r) => r.some((v) => valueKey(v) === paramKey));
}
