// What a link leaves for the next one (src/link/relink.ts), kept in the cache between CLI runs: a warm run then links
// again only the units its edits make dirty, and loads the facts of those and of what their work reads, not of
// every file. Per project and build, a base written whole and atomically like the results, and beside it a delta of
// what runs since changed; anything about the base that does not check out (damaged, another format, a wrong shape)
// is a miss: the run links everything. Units are told apart by their digest (result-key.ts: the facts and their
// places), never by facts, which the files do not hold.
import fs from 'node:fs';
import { readChecked, writeChecked } from './checked-file.ts';
import { decodeValues, encodeValues } from './compact-values.ts';
import { LinkMemory, type UnitRecord } from '../link/relink.ts';
import type { Work } from '../link/kept-work.ts';

// Written compactly (compact-values.ts: Maps, Sets and undefined kept as they are, each string and object shape
// once); bytes it cannot read are a miss like any damage.
const MAGIC = 'resty-lint-links 3';

/** A delta holding more than this share of the records is written as a new base instead. */
const DELTA_SHARE = 0.25;

type Last = NonNullable<LinkMemory['last']>;

/** What the files hold: the base, whole; the delta, the records that differ from the base's and those it lost. */
interface Stored {
  signature: string;
  modules: Last['modules'];
  units: Map<string, UnitRecord>;
  work: Map<string, Work<unknown>>;
}
interface Delta extends Stored {
  /** The SHA-256 of the base it applies to. */
  base: string;
  droppedUnits: string[];
  droppedWork: string[];
}

export class LinkMemoryFile {
  /** The base as loaded (its records, the very objects the memory starts from) and its digest. */
  private base: { digest: string; units: ReadonlyMap<string, UnitRecord>; work: ReadonlyMap<string, Work<unknown>> } | undefined;

  /** `file`: the base; the delta is beside it. */
  constructor(private readonly file: string) {}

  /** The memory the last run left; an empty one when there is none that checks out. A delta that does not check out,
   *  or belongs to another base, is left out: the base alone is an older memory, still true of what it describes. */
  load(): LinkMemory {
    const memory = new LinkMemory();
    const base = readValue(this.file);
    if (!base) return memory;
    try {
      const last = lastOf(base.value);
      this.base = { digest: base.digest, units: new Map(last.units), work: new Map(last.work) };
      const delta = readValue(`${this.file}.delta`);
      try {
        if (delta) applyDelta(last, delta.value, base.digest);
      } catch {
        // a delta of another shape is left out (applyDelta checks it whole before it changes anything)
      }
      memory.last = last;
    } catch {
      // not what this build writes: a miss
    }
    return memory;
  }

  /** Keeps what `memory`'s last link left: the records that differ from the base's as a delta, or a new base when
   *  they are many; the records of units with no digest are left out (they count as changed next time). A failure
   *  to write only costs the next run time. */
  save(memory: LinkMemory): void {
    const last = memory.last;
    if (!last) return;
    const units = new Map<string, UnitRecord>();
    // The CLI's records hold a digest, no facts (relink.ts identify); a record kept as it was is the base's object.
    for (const [file, rec] of last.units) if (rec.digest !== undefined) units.set(file, rec);
    const base = this.base;
    if (base) {
      const delta: Delta = { base: base.digest, signature: last.signature, modules: last.modules, units: new Map(), work: new Map(), droppedUnits: [], droppedWork: [] };
      for (const [file, rec] of units) if (base.units.get(file) !== rec) delta.units.set(file, rec);
      for (const [key, work] of last.work) if (base.work.get(key) !== work || last.grown?.has(work)) delta.work.set(key, work);
      for (const file of base.units.keys()) if (!units.has(file)) delta.droppedUnits.push(file);
      for (const key of base.work.keys()) if (!last.work.has(key)) delta.droppedWork.push(key);
      const records = delta.units.size + delta.work.size + delta.droppedUnits.length + delta.droppedWork.length;
      if (records <= DELTA_SHARE * (units.size + last.work.size)) {
        writeValue(`${this.file}.delta`, delta);
        return;
      }
    }
    if (writeValue(this.file, { signature: last.signature, modules: last.modules, units, work: last.work } satisfies Stored)) fs.rmSync(`${this.file}.delta`, { force: true });
  }
}

/** The base's records with the delta's over them. */
function applyDelta(last: Last, x: unknown, base: string): void {
  if (!isObj(x) || x.base !== base || !Array.isArray(x.droppedUnits) || !Array.isArray(x.droppedWork)) return;
  const delta = lastOf(x);
  for (const file of x.droppedUnits) if (typeof file === 'string') last.units.delete(file);
  for (const key of x.droppedWork) if (typeof key === 'string') last.work.delete(key);
  for (const [file, rec] of delta.units) last.units.set(file, rec);
  for (const [key, work] of delta.work) last.work.set(key, work);
  last.signature = delta.signature;
  last.modules = delta.modules;
}

/** A file's value and the SHA-256 of its payload, if it checks out (checked-file.ts) and is this format's. */
function readValue(file: string): { value: unknown; digest: string } | undefined {
  const checked = readChecked(file);
  if (checked?.head !== MAGIC) return undefined;
  try {
    return { value: decodeValues(checked.payload), digest: checked.digest };
  } catch {
    return undefined;
  }
}

/** Writes `value` whole and atomically; false when it could not (a value this format cannot hold, too). */
function writeValue(file: string, value: Stored): boolean {
  let payload: Buffer;
  try {
    payload = encodeValues(value);
  } catch {
    return false;
  }
  return writeChecked(file, MAGIC, payload);
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The memory's last link, when the file's value has its shape (the model objects inside are this build's own). */
function lastOf(x: unknown): Last {
  const ok =
    isObj(x) &&
    typeof x.signature === 'string' &&
    x.modules instanceof Map &&
    [...x.modules].every(([name, file]) => typeof name === 'string' && (file === undefined || typeof file === 'string')) &&
    x.units instanceof Map &&
    [...x.units].every(([file, rec]) => typeof file === 'string' && isObj(rec) && typeof rec.digest === 'string' && isObj(rec.header) && typeof rec.role === 'string' && isWork(rec.link)) &&
    x.work instanceof Map &&
    [...x.work].every(([key, work]) => typeof key === 'string' && isWork(work));
  if (!ok) throw new Error('not a link memory');
  return x as unknown as Last;
}

function isWork(x: unknown): x is Work<unknown> {
  return isObj(x) && 'result' in x && x.reads instanceof Set && [...x.reads].every((r) => typeof r === 'string');
}

