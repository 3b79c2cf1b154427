// What a link leaves for the next one (src/link/relink.ts), kept in the cache between CLI runs: a warm run then links
// again only the units its edits make dirty, and loads the facts of those and of what their work reads, not of
// every file. One file per project and build, written whole and atomically like the results; anything about it that
// does not check out (damaged, another format, a wrong shape) is a miss: the run links everything. Units are told
// apart by their digest (result-key.ts: the facts and their places), never by facts, which the file does not hold.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { LinkMemory, type UnitRecord } from '../link/relink.ts';
import type { Work } from '../link/kept-work.ts';

// V8's serialization keeps Maps, Sets and undefined as they are and reads back 2 MB (Kong) several times faster than
// JSON.parse with a reviver; another Node's format that it cannot read is a miss like any damage.
const MAGIC = 'resty-lint-links 1 v8';

type Last = NonNullable<LinkMemory['last']>;

export class LinkMemoryFile {
  constructor(private readonly file: string) {}

  /** The memory the last run left; an empty one when there is none that checks out. */
  load(): LinkMemory {
    const memory = new LinkMemory();
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.file);
    } catch {
      return memory;
    }
    const newline = bytes.indexOf(10);
    const payload = bytes.subarray(newline + 1);
    if (newline < 0 || bytes.toString('latin1', 0, newline) !== `${MAGIC} ${sha256(payload)}`) return memory;
    try {
      memory.last = lastOf(v8.deserialize(payload));
    } catch {
      // not what this build writes: a miss
    }
    return memory;
  }

  /** Keeps what `memory`'s last link left; the records of units with no digest are left out (they count as changed
   *  next time). A failure to write only costs the next run time. */
  save(memory: LinkMemory): void {
    const last = memory.last;
    if (!last) return;
    const units = new Map<string, UnitRecord>();
    for (const [file, rec] of last.units) if (rec.digest !== undefined) units.set(file, { digest: rec.digest, header: rec.header, role: rec.role, link: rec.link });
    const tmp = `${this.file}.${randomBytes(8).toString('hex')}.tmp`;
    try {
      const payload = v8.serialize({ signature: last.signature, modules: last.modules, units, work: last.work });
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${MAGIC} ${sha256(payload)}\n`, 'latin1'), payload]), { flag: 'wx' });
      fs.renameSync(tmp, this.file);
    } catch {
      fs.rmSync(tmp, { force: true });
    }
  }
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

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
