// Builds the project model in one place: links every unit's facts across files (requires, calls, wrappers,
// pool keys) and joins the result with the nginx and redis settings. The model comes out complete and frozen.
import { CLIENT_PROFILES, type ClientProfile } from '../clients/profiles.ts';
import type { WrapperSpec } from '../config/config.ts';
import type { ClientTraits } from '../model/vocabulary.ts';
import type { CodeUnit, NginxSettings, ProjectModel, RedisServer } from '../model/project-model.ts';
import { Linker, type LinkedUses } from './link.ts';
import type { FactsSource, LinkUnit, UnitHeader, UnitInput } from './link-unit.ts';
import { ModuleResolver, type DeclaredModule } from './module-resolver.ts';
import { redisConfScope } from './redis-scope.ts';
import { findDisabledPhaseUses } from './phase-reach.ts';
import { findBlockingCalls } from './loop-reach.ts';
import { findCallbackYields } from './yield-reach.ts';
import { findHostConnects } from './resolver-reach.ts';
import { unitHeader } from './unit-header.ts';
import { ValueResolver } from './resolver.ts';
import { Wrappers } from './wrappers.ts';
import { RelinkSession, type LinkMemory } from './relink.ts';
import { PLAIN_WORK } from './kept-work.ts';
import { ReachedFunctions } from './reached-functions.ts';
import type { SymValue } from '../analysis/sym-value.ts';

export interface ModelInput {
  units: readonly UnitInput[];
  /** Extra roots for `require` resolution (the config's luaRoots), relative to the working directory. */
  luaRoots?: readonly string[];
  /** The analyzed directory's own name: a require name may start with it when lua_package_path names the
   *  directory above (module-resolver.ts). */
  rootName?: string;
  /** Client wrappers declared in the config file. */
  wrappers?: readonly WrapperSpec[];
  nginx: NginxSettings;
  redisServers: readonly RedisServer[];
}

/** `memory`: what the last link left (the language server's), for relinking only what changed (relink.ts). */
export function buildProjectModel(input: ModelInput, memory?: LinkMemory): ProjectModel {
  const headers = new Map(input.units.map((u) => [u.path, memory?.knownHeader(u) ?? unitHeader(u)]));
  const declared = declaredModules(input.units, headers);
  const globals = initGlobals(input.units, headers);
  const modules = new ModuleResolver(input.units.map((u) => u.path), { roots: input.luaRoots, declared, rootName: input.rootName });
  const inputs = new Map(input.units.map((u) => [u.path, u]));
  const session = memory && new RelinkSession(memory, signatureOf(input, modules, declared, globals), (path) => inputs.get(path)!.facts);
  const ledger = session?.ledger;
  // A unit's facts are read only when asked for: a partial relink's units may load theirs then (and it learns who
  // reads them).
  const factsByPath: FactsSource = {
    get: (file) => {
      session?.readFacts(file);
      return inputs.get(file)?.facts;
    },
    has: (file) => inputs.has(file),
  };
  const wrappers = new Wrappers(input.wrappers ?? [], factsByPath, modules);
  const resolver = new ValueResolver(factsByPath, modules, wrappers, globals, ledger);

  const requires = new Map<string, string[]>();
  const required = new Set<string>();
  for (const u of input.units) {
    const targets: string[] = [];
    for (const name of headers.get(u.path)!.requires) {
      const target = resolver.moduleFile(name);
      if (!target || target === u.path) continue;
      required.add(target);
      if (!targets.includes(target)) targets.push(target);
    }
    requires.set(u.path, targets);
  }
  const units: LinkUnit[] = input.units.map((u) => {
    const entries = u.entries ?? [];
    const header = headers.get(u.path)!;
    // A chunk an nginx directive runs is an entry (its top level runs per request or per phase); otherwise a
    // file is a module when something requires it and it returns a value, or when it returns a module-like
    // value at all (it may be required by code deployed apart).
    const module = (header.returnsValue && required.has(u.path)) || header.moduleShaped;
    const role = { entries, header, pluginEntries: header.pluginEntries, isModule: module && entries.length === 0 };
    // A partial relink learns which files each unit's link reads (and its units' facts may not be loaded yet).
    return session ? readsFacts(u, role, (f) => session.readFacts(f)) : { ...u, ...role };
  });

  const uses: LinkedUses = { poolUses: [], wrapperKeepalives: [], staleCtxReleases: [], connects: [], unreleased: [], useAfterRelease: [], shared: [], disabledPhaseUses: [], timeouts: [] };
  const byPath = new Map(units.map((u) => [u.path, u]));
  const keeper = session ?? PLAIN_WORK;
  const linker = new Linker(resolver, byPath, wrappers, keeper);
  if (session) {
    session.plan(units, (name) => resolver.moduleFile(name));
    // Every unit's part of the callers index before any link reads it (relink.ts).
    linker.buildIndexes();
  }
  for (const u of units) {
    if (!session) linker.link(u, uses);
    else if (!session.reuse(u, uses, linker.identities)) {
      session.begin(u, uses, linker.identities);
      linker.link(u, uses);
      session.end(uses, linker.identities);
    }
  }
  linker.staleCtxReleases(uses);
  const reach = { byPath, functions: new ReachedFunctions(byPath, resolver, keeper) };
  uses.disabledPhaseUses = findDisabledPhaseUses(units, reach);
  const blockingCalls = findBlockingCalls(units, reach);
  const callbackYields = findCallbackYields(units, reach);
  const hostConnects = findHostConnects(units, reach, uses.connects);
  session?.finish();

  const codeUnits: CodeUnit[] = units.map((u) => Object.freeze({ path: u.path, isModule: u.isModule, entries: Object.freeze([...u.entries]), requires: Object.freeze(requires.get(u.path) ?? []) }));
  return Object.freeze({
    units: Object.freeze(codeUnits),
    nginx: input.nginx,
    redisServers: Object.freeze(input.redisServers.map((r) => scoped(r, codeUnits))),
    clients: clientTraits(CLIENT_PROFILES),
    poolUses: Object.freeze(uses.poolUses),
    wrapperKeepalives: Object.freeze(uses.wrapperKeepalives),
    connects: Object.freeze(uses.connects),
    unreleased: Object.freeze(uses.unreleased),
    useAfterRelease: Object.freeze(uses.useAfterRelease),
    staleCtxReleases: Object.freeze(uses.staleCtxReleases),
    shared: Object.freeze(uses.shared),
    disabledPhaseUses: Object.freeze(uses.disabledPhaseUses),
    blockingCalls: Object.freeze(blockingCalls),
    callbackYields: Object.freeze(callbackYields),
    timeouts: Object.freeze(uses.timeouts),
    hostConnects: Object.freeze(hostConnects),
    identities: Object.freeze(linker.identities.all()),
  });
}

/** A redis.conf's settings, with the units of its own project (redis-scope.ts). */
function scoped(server: RedisServer, units: readonly CodeUnit[]): RedisServer {
  const scope = redisConfScope(server.file, units);
  return Object.freeze(scope ? { ...server, units: scope } : { ...server });
}

/** Globals assigned by code that runs in init_by_lua* / init_worker_by_lua*: ngx_lua runs it in the
 *  worker's global environment, so every handler sees them (docs/semantics.md §3). Handlers' own globals
 *  are not shared this way. */
function initGlobals(units: readonly UnitInput[], headers: ReadonlyMap<string, UnitHeader>): Map<string, { file: string; value: SymValue }> {
  const out = new Map<string, { file: string; value: SymValue }>();
  for (const u of units) {
    if (!headers.get(u.path)!.hasGlobals || !(u.entries ?? []).some((e) => e.phase === 'init' || e.phase === 'init_worker')) continue;
    for (const [name, value] of Object.entries(u.facts.globals!)) if (!out.has(name)) out.set(name, { file: u.path, value });
  }
  return out;
}

/** Lua files that name themselves with module("a.b"): `require "a.b"` finds them by that name too. */
function declaredModules(units: readonly UnitInput[], headers: ReadonlyMap<string, UnitHeader>): DeclaredModule[] {
  return units.flatMap((u) => {
    const name = headers.get(u.path)!.moduleName;
    return name !== undefined && u.path.endsWith('.lua') ? [{ name, path: u.path }] : [];
  });
}

function clientTraits(profiles: readonly ClientProfile[]): ReadonlyMap<string, ClientTraits> {
  return new Map(profiles.map((p) => [p.module, p]));
}

/** What every unit's link shares besides module resolution (relink.ts checks that itself): when it changes, nothing
 *  of the last link is reused. Declared wrappers name their modules, resolved here. */
function signatureOf(input: ModelInput, modules: ModuleResolver, declared: readonly DeclaredModule[], globals: ReadonlyMap<string, { file: string; value: SymValue }>): string {
  const wrappers = (input.wrappers ?? []).map((w) => [w, modules.resolve(w.module) ?? null]);
  return JSON.stringify([input.luaRoots ?? [], input.rootName ?? '', wrappers, declared, [...globals]]);
}

/** The unit with its role, its facts read from `unit` when asked for, telling `read` each time. */
function readsFacts(unit: UnitInput, role: Pick<LinkUnit, 'entries' | 'header' | 'pluginEntries' | 'isModule'>, read: (file: string) => void): LinkUnit {
  const out = { path: unit.path, locate: unit.locate, ...(unit.digest !== undefined ? { digest: unit.digest } : {}), ...role };
  return Object.defineProperty(out, 'facts', {
    enumerable: true,
    get() {
      read(unit.path);
      return unit.facts;
    },
  }) as LinkUnit;
}
