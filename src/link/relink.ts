// Relinking only what an edit touches. The language server keeps a LinkMemory between analyses: for each unit, what
// its link pushed into the model, its identity changes, which files' facts it read (directly or through the
// resolver's memo) and whether it read a project-wide index; the same for the other work done per unit
// (kept-work.ts: its part of the callers index, its ngx.ctx getters and releases, each function the walks reach).
// The next link redoes the work an edit makes dirty and takes the rest as it was; what joins the units' work (the
// indexes, the reachability walks) runs in full, on each unit's header (unit-header.ts), not its facts.
//
// Dirty: the work of a unit whose facts changed (another facts object, or digest, with other content or other
// positions) or whose role changed (module or not, entries, plugin entries), and work that read a changed file, looked
// up a key of the callers or ctx-slot index whose entries changed (kept-work.ts indexRead) or resolved a module name
// that resolves elsewhere now (a file added or dropped counts as changed). Everything is linked again when what
// all units share changed (module() names, init-phase globals, roots, wrappers). The resolver's answers do not
// depend on the order questions are asked in (answer-ledger.ts), so a partial link gives exactly what a full link
// gives.
import type { FileFacts } from '../analysis/file-facts.ts';
import type { SourceSpan } from '../core/findings.ts';
import { offsetsOf, pointsOf } from '../analysis/fact-points.ts';
import { AnswerLedger, moduleRead } from './answer-ledger.ts';
import type { Identities, IdentityOp } from './identities.ts';
import type { LinkedUses } from './link.ts';
import type { LinkUnit, UnitHeader, UnitInput } from './link-unit.ts';
import { indexRead, type ProjectIndex, type Work, type WorkKeeper } from './kept-work.ts';

/** The model's lists a unit's link adds to (the others are made by passes over the whole project). */
const PER_UNIT = ['poolUses', 'wrapperKeepalives', 'connects', 'unreleased', 'useAfterRelease', 'shared', 'timeouts'] as const;
type PerUnit = (typeof PER_UNIT)[number];

/** What a unit's link added to the model and the identities. */
interface Linked {
  pushed: { [K in PerUnit]: LinkedUses[K] };
  identityOps: IdentityOp[];
}

const NOTHING_PUSHED = Object.freeze(Object.fromEntries(PER_UNIT.map((k) => [k, Object.freeze([])]))) as unknown as Linked['pushed'];

export interface UnitRecord {
  /** The facts linked (the language server's memory), or what they were made from (the CLI's: UnitInput.digest). */
  facts?: FileFacts;
  digest?: string;
  header: UnitHeader;
  /** Where the facts' spans were (with `facts`). */
  locate?: (span: [number, number]) => SourceSpan;
  /** Module or not, entries, plugin entries (JSON). */
  role: string;
  link: Work<Linked>;
}

/** What one link leaves for the next (the language server keeps one per workspace). */
export class LinkMemory {
  last:
    | {
        signature: string;
        units: Map<string, UnitRecord>;
        work: Map<string, Work<unknown>>;
        modules: ReadonlyMap<string, string | undefined>;
        /** Work taken from the link before and added to by this one (a unit's reached functions): a record kept as
         *  it was is the same object as before, and this tells which of them changed all the same. */
        grown?: ReadonlySet<Work<unknown>>;
      }
    | undefined;
  /** The last link: units linked, units taken as they were, units whose facts it read. */
  stats = { linked: 0, kept: 0, factsRead: 0 };

  /** The unit's header as the last link had it, when its facts are known to be the same (by digest). */
  knownHeader(unit: UnitInput): UnitHeader | undefined {
    const rec = unit.digest === undefined ? undefined : this.last?.units.get(unit.path);
    return rec !== undefined && rec.digest === unit.digest ? rec.header : undefined;
  }
}

/** One link's use of the memory. */
export class RelinkSession implements WorkKeeper {
  /** The resolver's ledger, keeping which files answers read. */
  readonly ledger = new AnswerLedger(true);
  private last: LinkMemory['last'];
  /** Files whose facts changed since the last link, and module names that resolve elsewhere now (moduleRead). */
  private readonly changed = new Set<string>();
  /** Units whose facts or role changed: all their work is done again. */
  private readonly redo = new Set<string>();
  private readonly units = new Map<string, UnitRecord>();
  private readonly work = new Map<string, Work<unknown>>();
  /** The work being done, whose reads the ledger records. */
  private current: Work<unknown> | undefined;
  private open: { unit: LinkUnit; lengths: number[]; link: Work<Linked> } | undefined;
  private kept = 0;
  private readonly factsRead = new Set<string>();
  private readonly grown = new Set<Work<unknown>>();

  /** `signature`: what all units share (see above); `factsOf`: a unit's facts, without counting as read (a unit's
   *  `facts` does: readFacts). */
  constructor(
    private readonly memory: LinkMemory,
    private readonly signature: string,
    private readonly factsOf: (path: string) => FileFacts,
  ) {}

  /** What changed since the last link, for the units of this one; `moduleFile` resolves a module name now. */
  plan(units: readonly LinkUnit[], moduleFile: (name: string) => string | undefined): void {
    const last = this.memory.last?.signature === this.signature ? this.memory.last : undefined;
    this.last = last;
    if (!last) return;
    // A file added or dropped (one that stops parsing, say) matters to the others through module names: a name that
    // resolves elsewhere now is changed for the work that resolved it.
    for (const [name, file] of last.modules) if (moduleFile(name) !== file) this.changed.add(moduleRead(name));
    const note = (path: string, before: UnitHeader | undefined, now: UnitHeader | undefined) => {
      this.changed.add(path);
      // What the unit stores in ngx.ctx slots is its part of the ctx-slot index.
      this.indexChanged('ctx', (before?.ctxStores ?? []).map((s) => [s.slot, s.target]), (now?.ctxStores ?? []).map((s) => [s.slot, s.target]));
    };
    const present = new Set<string>();
    for (const u of units) {
      present.add(u.path);
      const rec = last.units.get(u.path);
      if (!rec) note(u.path, undefined, u.header);
      else if (!this.same(rec, u)) note(u.path, rec.header, u.header);
      if (!rec || this.changed.has(u.path) || rec.role !== roleOf(u)) this.redo.add(u.path);
    }
    for (const [path, rec] of last.units) {
      if (present.has(path)) continue;
      note(path, rec.header, undefined);
      const part = last.work.get(workKey('index callers', path));
      if (part) this.indexChanged('callers', part.result as IndexPart, []);
    }
  }

  /** The entries of an index a unit's part had and has: the keys whose entries differ are changed (indexRead). */
  private indexChanged(index: ProjectIndex, before: IndexPart, now: IndexPart): void {
    const byKey = (part: IndexPart) => {
      const out = new Map<string, unknown[]>();
      for (const [key, entry] of part) out.set(key, [...(out.get(key) ?? []), entry]);
      return out;
    };
    const was = byKey(before);
    const is = byKey(now);
    for (const key of new Set([...was.keys(), ...is.keys()])) {
      if (JSON.stringify(was.get(key)) !== JSON.stringify(is.get(key))) this.changed.add(indexRead(index, key));
    }
  }

  /** Whether the unit's facts and their places are those of the record: by digest when both have one (the facts
   *  need not be loaded), else by the facts themselves. */
  private same(rec: UnitRecord, unit: LinkUnit): boolean {
    if (rec.digest !== undefined && unit.digest !== undefined) return rec.digest === unit.digest;
    if (!rec.facts || !rec.locate) return false;
    const facts = this.factsOf(unit.path);
    return rec.facts === facts || sameFacts(rec.facts, rec.locate, facts, unit.locate);
  }

  /** Whether the unit's work must be done again. */
  private dirty(path: string, work: Work<unknown>): boolean {
    if (this.redo.has(path)) return true;
    for (const f of work.reads) if (this.changed.has(f)) return true;
    return false;
  }

  /** The last link's work of this kind for the unit, when it stands. */
  private lastWork<T>(kind: string, unit: LinkUnit): Work<T> | undefined {
    const before = this.last?.work.get(workKey(kind, unit.path)) as Work<T> | undefined;
    return before && !this.dirty(unit.path, before) ? before : undefined;
  }

  once<T>(kind: string, unit: LinkUnit, compute: () => T): T {
    const work = this.lastWork<T>(kind, unit) ?? this.done(compute);
    this.work.set(workKey(kind, unit.path), work);
    return work.result;
  }

  /** A unit's part of a project-wide index (all parts are asked for before any unit is linked): as `once`, and the
   *  keys whose entries are not what they were are changed for the work that looked them up. */
  indexPart<T>(index: ProjectIndex, unit: LinkUnit, compute: () => Array<[string, T]>): Array<[string, T]> {
    const key = workKey(`index ${index}`, unit.path);
    let work = this.lastWork<Array<[string, T]>>(`index ${index}`, unit);
    if (!work) {
      work = this.done(compute);
      this.indexChanged(index, (this.last?.work.get(key)?.result as IndexPart | undefined) ?? [], work.result);
    }
    this.work.set(key, work);
    return work.result;
  }

  piecewise<T>(kind: string, unit: LinkUnit, fresh: () => T): Work<T> {
    const work = this.lastWork<T>(kind, unit) ?? newWork(fresh());
    this.work.set(workKey(kind, unit.path), work);
    return work;
  }

  within<R>(work: Work<unknown>, compute: () => R): R {
    this.grown.add(work);
    const outer = this.current;
    this.track(work);
    try {
      return compute();
    } finally {
      this.track(outer);
    }
  }

  indexUse(index: ProjectIndex, key: string): void {
    this.current?.reads.add(indexRead(index, key));
  }

  /** The unit's last link stands: what it added goes to the model and the identities as it was. */
  reuse(unit: LinkUnit, uses: LinkedUses, identities: Identities): boolean {
    const rec = this.last?.units.get(unit.path);
    if (!rec || this.dirty(unit.path, rec.link)) return false;
    for (const k of PER_UNIT) (uses[k] as unknown[]).push(...rec.link.result.pushed[k]);
    for (const op of rec.link.result.identityOps) identities.apply(op);
    // Kept as it was, the same record (the CLI's memory file writes only what changed: link-memory-file.ts).
    const same = rec.digest !== undefined && rec.digest === unit.digest && rec.header === unit.header;
    this.units.set(unit.path, same ? rec : { ...rec, ...this.identify(unit), header: unit.header });
    this.kept++;
    return true;
  }

  /** The unit is about to be linked. */
  begin(unit: LinkUnit, uses: LinkedUses, identities: Identities): void {
    const ops: IdentityOp[] = [];
    this.open = { unit, lengths: PER_UNIT.map((k) => uses[k].length), link: newWork({ pushed: NOTHING_PUSHED, identityOps: ops }) };
    identities.log = ops;
    this.track(this.open.link);
  }

  end(uses: LinkedUses, identities: Identities): void {
    const { unit, lengths, link } = this.open!;
    // Most units add nothing to the model: they share one empty record of it.
    if (!PER_UNIT.every((k, i) => uses[k].length === lengths[i])) link.result.pushed = Object.fromEntries(PER_UNIT.map((k, i) => [k, uses[k].slice(lengths[i])])) as Linked['pushed'];
    link.reads.delete(unit.path);
    this.units.set(unit.path, { ...this.identify(unit), header: unit.header, role: roleOf(unit), link });
    identities.log = undefined;
    this.track(undefined);
    this.open = undefined;
  }

  /** The facts of `file` are read (the resolver's facts map, a unit's `facts`). */
  readFacts(file: string): void {
    this.factsRead.add(file);
    this.ledger.read(file);
  }

  /** After the link: what the next one can take from it. */
  finish(): void {
    this.memory.stats = { linked: this.units.size - this.kept, kept: this.kept, factsRead: this.factsRead.size };
    this.memory.last = { signature: this.signature, units: this.units, work: this.work, modules: this.ledger.modules!, grown: this.grown };
  }

  /** What tells the unit's facts from others next time: its digest, else the facts themselves and their places. */
  private identify(unit: LinkUnit): Pick<UnitRecord, 'facts' | 'digest' | 'locate'> {
    return unit.digest !== undefined ? { digest: unit.digest, facts: undefined, locate: undefined } : { facts: this.factsOf(unit.path), locate: unit.locate, digest: undefined };
  }

  private done<T>(compute: () => T): Work<T> {
    const work = newWork<T>(undefined as T);
    work.result = this.within(work, compute);
    return work;
  }

  private track(work: Work<unknown> | undefined): void {
    this.current = work;
    this.ledger.unitReads = work?.reads ?? null;
  }
}

function newWork<T>(result: T): Work<T> {
  return { result, reads: new Set() };
}

/** A unit's part of an index: its entries, by key. */
type IndexPart = ReadonlyArray<readonly [string, unknown]>;

function workKey(kind: string, path: string): string {
  return `${kind}\0${path}`;
}

/** Same content and same places: another facts object (inline Lua is interpreted again on every analysis). */
function sameFacts(was: FileFacts, wasAt: LinkUnit['locate'], facts: FileFacts, locate: LinkUnit['locate']): boolean {
  if (JSON.stringify(was) !== JSON.stringify(facts)) return false;
  const offsets = offsetsOf(facts);
  const before = pointsOf(offsets, wasAt);
  const now = pointsOf(offsets, locate);
  return before.every((p, i) => p === now[i]);
}

function roleOf(unit: LinkUnit): string {
  return JSON.stringify([unit.isModule, unit.entries, unit.pluginEntries]);
}
