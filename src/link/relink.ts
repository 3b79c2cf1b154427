// Relinking only what an edit touches. The language server keeps a LinkMemory between analyses: for each unit, what
// its link pushed into the model, its identity changes, which files' facts it read (directly or through the
// resolver's memo) and whether it read a project-wide index. The next link relinks the units an edit makes dirty and
// takes the others' results as they were; the passes over the whole project (reachability, ctx getters, the
// indexes) run in full as before.
//
// Dirty: a unit whose facts changed (another facts object with other content or other positions), one that read a
// changed file, one whose role changed (module or not, entries, plugin entries), a user of the callers index when a
// file that index was read from changed or a changed unit has `pass` events, a user of the ctx-slot index when a
// changed unit has `ctx-store` events; a file added or dropped counts as changed, and so does a module name that
// resolves elsewhere now, for the links that resolved it. Everything is linked again when what all units share
// changed (module() names, init-phase globals, roots, wrappers). The resolver's answers do not depend on the order questions are asked in
// (answer-ledger.ts), so a partial link gives exactly what a full link gives.
import type { FileFacts } from '../analysis/file-facts.ts';
import type { SourceSpan } from '../core/findings.ts';
import { offsetsOf, pointsOf } from '../analysis/fact-points.ts';
import { AnswerLedger, moduleRead } from './answer-ledger.ts';
import type { Identities, IdentityOp } from './identities.ts';
import type { LinkedUses } from './link.ts';
import type { LinkUnit } from './link-unit.ts';

/** The model's lists a unit's link adds to (the others are made by passes over the whole project). */
const PER_UNIT = ['poolUses', 'wrapperKeepalives', 'connects', 'unreleased', 'useAfterRelease', 'shared', 'timeouts'] as const;
type PerUnit = (typeof PER_UNIT)[number];

const NOTHING_PUSHED = Object.freeze(Object.fromEntries(PER_UNIT.map((k) => [k, Object.freeze([])]))) as unknown as UnitRecord['pushed'];

interface UnitRecord {
  facts: FileFacts;
  locate: (span: [number, number]) => SourceSpan;
  /** Module or not, entries, plugin entries (JSON). */
  role: string;
  reads: ReadonlySet<string>;
  usesCallers: boolean;
  usesCtx: boolean;
  pushed: { [K in PerUnit]: LinkedUses[K] };
  identityOps: IdentityOp[];
}

/** What one link leaves for the next (the language server keeps one per workspace). */
export class LinkMemory {
  last: { signature: string; units: Map<string, UnitRecord>; indexReads: ReadonlySet<string>; modules: ReadonlyMap<string, string | undefined> } | undefined;
  /** The last link: units linked, units taken as they were. */
  stats = { linked: 0, kept: 0 };
}

/** One link's use of the memory. */
export class RelinkSession {
  /** The resolver's ledger, keeping which files answers read. */
  readonly ledger = new AnswerLedger(true);
  private readonly keep = new Set<string>();
  private readonly next = new Map<string, UnitRecord>();
  private indexReads: ReadonlySet<string> = new Set();
  private open: { unit: LinkUnit; lengths: number[]; ops: IdentityOp[]; usesCallers: boolean; usesCtx: boolean } | undefined;

  /** `signature`: what all units share (see above). */
  constructor(
    private readonly memory: LinkMemory,
    private readonly signature: string,
  ) {}

  /** Which of the units (in link order) this link can take as they were; `moduleFile` resolves a module name now. */
  plan(units: readonly LinkUnit[], moduleFile: (name: string) => string | undefined): void {
    const last = this.memory.last?.signature === this.signature ? this.memory.last : undefined;
    if (!last) return;
    // A file added or dropped (one that stops parsing, say) matters to the others through module names: a name that
    // resolves elsewhere now is changed for the links that resolved it.
    const changed = new Set<string>();
    for (const [name, file] of last.modules) if (moduleFile(name) !== file) changed.add(moduleRead(name));
    let passes = false;
    let ctxStores = false;
    const note = (path: string, before: FileFacts | undefined, now: FileFacts | undefined) => {
      changed.add(path);
      passes ||= hasEvent(before, 'pass') || hasEvent(now, 'pass');
      ctxStores ||= hasEvent(before, 'ctx-store') || hasEvent(now, 'ctx-store');
    };
    const present = new Set<string>();
    for (const u of units) {
      present.add(u.path);
      const rec = last.units.get(u.path);
      if (!rec) note(u.path, undefined, u.facts);
      else if (rec.facts !== u.facts && !sameFacts(rec, u)) note(u.path, rec.facts, u.facts);
    }
    for (const [path, rec] of last.units) if (!present.has(path)) note(path, rec.facts, undefined);
    const callersChanged = passes || [...last.indexReads].some((f) => changed.has(f));
    for (const u of units) {
      const rec = last.units.get(u.path);
      const dirty = !rec || changed.has(u.path) || rec.role !== roleOf(u) || (callersChanged && rec.usesCallers) || (ctxStores && rec.usesCtx) || [...rec.reads].some((f) => changed.has(f));
      if (!dirty) this.keep.add(u.path);
    }
  }

  /** The project-wide indexes are being built: what the callers index depends on beyond the `pass` events it lists
   *  is what resolving their callees reads. */
  indexesStart(): void {
    this.ledger.answerReads = new Set();
  }

  indexesEnd(): void {
    this.indexReads = this.ledger.answerReads!;
    this.ledger.answerReads = null;
  }

  /** The unit's last results stand: added to the model and the identities as they were. */
  reuse(unit: LinkUnit, uses: LinkedUses, identities: Identities): boolean {
    if (!this.keep.has(unit.path)) return false;
    const rec = this.memory.last!.units.get(unit.path)!;
    for (const k of PER_UNIT) (uses[k] as unknown[]).push(...rec.pushed[k]);
    for (const op of rec.identityOps) identities.apply(op);
    this.next.set(unit.path, { ...rec, facts: unit.facts, locate: unit.locate });
    return true;
  }

  /** The unit is about to be linked. */
  begin(unit: LinkUnit, uses: LinkedUses, identities: Identities): void {
    this.open = { unit, lengths: PER_UNIT.map((k) => uses[k].length), ops: [], usesCallers: false, usesCtx: false };
    identities.log = this.open.ops;
    this.ledger.unitReads = new Set();
  }

  /** The unit's link read a project-wide index. */
  indexUse(index: 'callers' | 'ctx'): void {
    if (!this.open) return;
    if (index === 'callers') this.open.usesCallers = true;
    else this.open.usesCtx = true;
  }

  end(uses: LinkedUses, identities: Identities): void {
    const { unit, lengths, ops, usesCallers, usesCtx } = this.open!;
    // Most units add nothing to the model: they share one empty record of it.
    const pushed = PER_UNIT.every((k, i) => uses[k].length === lengths[i]) ? NOTHING_PUSHED : (Object.fromEntries(PER_UNIT.map((k, i) => [k, uses[k].slice(lengths[i])])) as UnitRecord['pushed']);
    const reads = this.ledger.unitReads!;
    this.ledger.unitReads = null;
    reads.delete(unit.path);
    this.next.set(unit.path, { facts: unit.facts, locate: unit.locate, role: roleOf(unit), reads, usesCallers, usesCtx, pushed, identityOps: ops });
    identities.log = undefined;
    this.open = undefined;
  }

  /** After the link: what the next one can take from it. */
  finish(): void {
    this.memory.stats = { linked: this.next.size - this.keep.size, kept: this.keep.size };
    this.memory.last = { signature: this.signature, units: this.next, indexReads: this.indexReads, modules: this.ledger.modules! };
  }
}

/** Same content and same places: another facts object (inline Lua is interpreted again on every analysis). */
function sameFacts(rec: UnitRecord, unit: LinkUnit): boolean {
  if (JSON.stringify(rec.facts) !== JSON.stringify(unit.facts)) return false;
  const offsets = offsetsOf(unit.facts);
  const before = pointsOf(offsets, rec.locate);
  const now = pointsOf(offsets, unit.locate);
  return before.every((p, i) => p === now[i]);
}

function hasEvent(facts: FileFacts | undefined, kind: 'pass' | 'ctx-store'): boolean {
  return facts?.events.some((e) => e.kind === kind) ?? false;
}

function roleOf(unit: LinkUnit): string {
  return JSON.stringify([unit.isModule, unit.entries, unit.pluginEntries]);
}
