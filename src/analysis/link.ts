// The whole-project step: resolves requires and calls across files and turns each file's lifecycle
// events into pool uses (which pool, released how, where).
import { profileFor } from './client-profiles.ts';
import type { FileFacts, LifecycleEvent } from './file-facts.ts';
import { ModuleResolver } from './module-resolver.ts';
import { poolKeyOf } from './pool-key.ts';
import { ValueResolver, type Env, type Resolved } from './resolver.ts';
import { valueKey, type SymValue } from './sym-value.ts';
import type { LuaUnit, PoolKey, PoolUse, ProjectModel } from '../model/project-model.ts';

type ObjInstance = Extract<Resolved, { r: 'obj' }>;
type Effect = 'long' | 'short' | 'none' | 'unknown';

export interface UnitInput {
  path: string;
  facts: FileFacts;
  locate: LuaUnit['locate'];
}

export function linkProject(inputs: UnitInput[]): ProjectModel {
  const factsByPath = new Map(inputs.map((u) => [u.path, u.facts]));
  const modules = new ModuleResolver(inputs.map((u) => u.path));
  const resolver = new ValueResolver(factsByPath, modules);

  const required = new Set<string>();
  for (const u of inputs) {
    for (const name of u.facts.requires) {
      const target = resolver.moduleFile(name);
      if (target && target !== u.path) required.add(target);
    }
  }
  const units: LuaUnit[] = inputs.map((u) => ({
    path: u.path,
    facts: u.facts,
    locate: u.locate,
    isModule: u.facts.returnsValue && required.has(u.path),
  }));
  const linker = new Linker(resolver, new Map(units.map((u) => [u.path, u])));
  const poolUses = units.flatMap((u) => linker.poolUsesOf(u));
  return { units, poolUses };
}

class Linker {
  constructor(
    private readonly resolver: ValueResolver,
    private readonly units: ReadonlyMap<string, LuaUnit>,
  ) {}

  poolUsesOf(unit: LuaUnit): PoolUse[] {
    const events = unit.facts.events;
    const out: PoolUse[] = [];
    for (const e of events) {
      if (e.kind !== 'release' && e.kind !== 'pass' && e.kind !== 'unreleased') continue;
      if (ownedByCaller(e.target)) continue; // a parameter: its callers account for it
      const objs = this.objectsOf(unit.path, e.target);
      if (objs.length === 0) continue;
      for (const obj of objs) {
        const keys = this.keysOf(unit, obj, e.fn, e.target);
        for (const key of keys) {
          const use = this.toUse(unit, e, obj, key);
          if (use) out.push(use);
        }
      }
    }
    return out;
  }

  private toUse(unit: LuaUnit, e: LifecycleEvent, obj: ObjInstance, key: PoolKey): PoolUse | null {
    const fnName = unit.facts.functions[e.fn]?.name ?? '?';
    const base = { key, client: obj.client, unit: unit.path, functionName: fnName };
    const at = (site: number) => unit.locate(unit.facts.sites[site]);
    switch (e.kind) {
      case 'release':
        return { ...base, mode: e.mode, errorPath: e.errorPath, location: at(e.site), via: e.method };
      case 'pass': {
        const effect = this.effectOfPass(unit.path, e, 0);
        if (effect !== 'long' && effect !== 'short') return null;
        return { ...base, mode: effect, errorPath: e.errorPath, location: at(e.site), via: calleeName(e.callee) };
      }
      case 'unreleased': {
        if (e.passSites.length > 0 && !this.passesLeaveUnreleased(unit, e)) return null;
        const connectSite = this.connectSiteIn(unit, e.fn, e.target) ?? siteOfValue(e.target);
        if (connectSite === undefined) return null;
        return {
          ...base,
          mode: 'unreleased',
          errorPath: false,
          location: at(connectSite),
          pathEnd: at(e.site),
          via: e.end === 'exit' ? 'ngx.exit' : 'request end',
        };
      }
      default:
        return null;
    }
  }

  /** The client objects a tracked value denotes, following wrappers that return them. */
  private objectsOf(file: string, target: SymValue): ObjInstance[] {
    if (target.t === 'obj') return [{ r: 'obj', file, site: target.site, client: target.client, env: null }];
    if (target.t !== 'call') return [];
    return this.resolver.resolve(file, target, null).filter((r): r is ObjInstance => r.r === 'obj');
  }

  /** Pool keys an object is connected with: by the code that created it (e.g. inside an acquire()
   *  wrapper, evaluated with that call's arguments) and by the function using it. */
  private keysOf(unit: LuaUnit, obj: ObjInstance, fn: number, target: SymValue): PoolKey[] {
    const profile = profileFor(obj.client);
    if (!profile) return [];
    const keys = new Map<string, PoolKey>();
    const add = (file: string, args: SymValue[], env: Env | null) => {
      const k = poolKeyOf(profile, args, { resolver: this.resolver, file, env });
      if (k) keys.set(k.text, k);
      else keys.set('\u0000unknown', { text: '', symbolic: true });
    };
    const objKey = valueKey({ t: 'obj', client: obj.client, site: obj.site });
    const owner = this.units.get(obj.file);
    for (const c of owner?.facts.events ?? []) {
      if (c.kind === 'connect' && valueKey(c.target) === objKey) add(obj.file, c.args, obj.env);
    }
    if (target.t !== 'obj') {
      const targetKey = valueKey(target);
      for (const c of unit.facts.events) {
        if (c.kind === 'connect' && c.fn === fn && valueKey(c.target) === targetKey) add(unit.path, c.args, null);
      }
    }
    // An unknowable key on any connect makes the whole object's pool unknowable: never guess.
    if (keys.has('\u0000unknown')) return [];
    return [...keys.values()];
  }

  private connectSiteIn(unit: LuaUnit, fn: number, target: SymValue): number | undefined {
    const k = valueKey(target);
    const c = unit.facts.events.find((e) => e.kind === 'connect' && e.fn === fn && valueKey(e.target) === k);
    return c?.site;
  }

  private passesLeaveUnreleased(unit: LuaUnit, e: Extract<LifecycleEvent, { kind: 'unreleased' }>): boolean {
    for (const site of e.passSites) {
      const pass = unit.facts.events.find((p) => p.kind === 'pass' && p.site === site && valueKey(p.target) === valueKey(e.target));
      if (!pass || pass.kind !== 'pass') return false;
      if (this.effectOfPass(unit.path, pass, 0) !== 'none') return false;
    }
    return !e.onlyIfConnectedElsewhere || true;
  }

  /** What a callee does to the argument it is passed: keeps it alive, closes it, nothing, or unknown. */
  private effectOfPass(file: string, pass: Extract<LifecycleEvent, { kind: 'pass' }>, depth: number): Effect {
    if (depth > 6) return 'unknown';
    const callees = this.resolver.resolve(file, pass.callee, null);
    if (callees.length !== 1 || callees[0].r !== 'fn') return 'unknown';
    const { file: calleeFile, id } = callees[0];
    const callee = this.units.get(calleeFile);
    if (!callee) return 'unknown';
    const paramKey = valueKey({ t: 'param', index: pass.argIndex });
    let long = false;
    let short = false;
    let unknown = false;
    for (const e of callee.facts.events) {
      if (e.fn !== id || valueKey(e.target) !== paramKey) continue;
      if (e.kind === 'release' && !e.errorPath) {
        if (e.mode === 'long') long = true;
        else short = true;
      } else if (e.kind === 'pass') {
        const inner = this.effectOfPass(calleeFile, e, depth + 1);
        if (inner === 'long') long = true;
        else if (inner === 'short') short = true;
        else if (inner === 'unknown') unknown = true;
      }
    }
    if (long) return 'long';
    if (short) return 'short';
    if (unknown || escapesIn(callee.facts, id, paramKey)) return 'unknown';
    return 'none';
  }
}

function ownedByCaller(v: SymValue): boolean {
  if (v.t === 'param') return true;
  if (v.t === 'get') return true;
  return false;
}

function siteOfValue(v: SymValue): number | undefined {
  return v.t === 'call' || v.t === 'obj' ? v.site : undefined;
}

function calleeName(v: SymValue): string {
  if (v.t === 'get') return `${calleeName(v.base)}.${v.key}`;
  if (v.t === 'global') return v.name;
  if (v.t === 'require') return v.name;
  if (v.t === 'fn') return 'function';
  return 'call';
}

/** The callee stores or returns the parameter: its fate is decided elsewhere. */
function escapesIn(facts: FileFacts, fn: number, paramKey: string): boolean {
  const f = facts.functions[fn];
  return f.returns.some((r) => r.some((v) => valueKey(v) === paramKey));
}
