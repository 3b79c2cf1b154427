// Per-file facts cached by content hash, so a run on an unchanged project (pre-commit, editor) re-parses
// only what changed. Facts are a pure function of a file's bytes and the analyzer build, so entries live
// under the build id (the version when running from source) and are keyed by the bytes' hash. One small file
// per entry, created in place: a run that reads an entry another is still writing (or one a crash cut short)
// finds its digest wrong, a miss, and writes it again. (A temporary file and a rename per entry cost a filling run
// on synthetic-10000 about 0.2 s, random names and renames, for nothing the digest does not already give.)
//
// An entry is read back only if everything about it checks out, else it is a miss: its first line names the
// format version, the key (the content hash of the file it was made from) and the SHA-256 of the rest, and
// the rest has the exact shape of the facts with every index in range (analysis/validate-facts.ts). A
// truncated, damaged, misplaced or hand-edited entry is recomputed. (Someone who can write the directory can
// still write a consistent entry: the README says what a workflow must not restore into it.)
//
// A cache directory that cannot be used (not creatable, not writable, a full disk) turns the cache off for the
// run, with one warning.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileFacts } from '../analysis/file-facts.ts';
import { shareEmptyTables } from '../analysis/compact-facts.ts';
import { isCachedFactsValue } from '../analysis/validate-facts.ts';
import { BUILD_ID, VERSION } from '../core/version.ts';
import { makeDirectories } from '../files/make-directories.ts';
import { FileSnapshot } from './file-snapshot.ts';
import { ResultCache } from './result-cache.ts';
import { LinkMemoryFile } from './link-memory-file.ts';

/** Bumped when the shape or meaning of FileFacts (or of an entry) changes without a version change. */
const FACTS_FORMAT = 18;
const MAGIC = 'resty-lint-facts';

/** What is cached for one file: its facts, or the reason it could not be parsed. */
export type CachedFacts = { facts: FileFacts } | { syntaxError: { offset: number; message: string } };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Creates `file` with `text`. One already there was read as a miss (damaged, cut short, or another run's being
 *  written now, with the same bytes): it is replaced (a link planted there is removed, never written through). */
function writeNew(file: string, text: string): void {
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  try {
    fs.unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
  } catch (e) {
    // another run created it again meanwhile: the same bytes
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

export class FactsCache {
  private readonly dir: string;
  /** Why the cache is off for this run (the directory cannot be used), once it is. */
  private off: string | undefined;
  private checked = false;
  /** The SHA-256 of each entry's payload this run read or wrote, by key: what result-key.ts digests a file's
   *  facts by, without serializing them again. */
  private readonly payloadDigests = new Map<string, string>();
  hits = 0;
  misses = 0;

  /** `warn` hears, once, that the cache directory cannot be used and the run goes on without it. */
  constructor(
    private readonly root: string,
    private readonly warn: (message: string) => void = () => {},
  ) {
    this.dir = path.join(root, `v${VERSION}-f${FACTS_FORMAT}-${BUILD_ID ?? 'source'}`);
  }

  /** `variant` names what besides the bytes the facts depend on (the LuaJIT build the code is parsed for). */
  key(bytes: Buffer, variant = ''): string {
    return createHash('sha256').update(variant).update('\0').update(bytes).digest('hex');
  }

  get(key: string): CachedFacts | undefined {
    const value = this.usable() ? this.read(key) : undefined;
    if (value) this.hits++;
    else this.misses++;
    return value;
  }

  set(key: string, value: CachedFacts): void {
    if (!this.usable()) return;
    const file = this.file(key);
    const payload = JSON.stringify(value);
    const digest = sha256(payload);
    this.payloadDigests.set(key, digest);
    try {
      makeDirectories(path.dirname(file));
      writeNew(file, `${MAGIC} ${FACTS_FORMAT} ${key} ${digest}\n${payload}`);
    } catch (e) {
      this.turnOff(e);
    }
  }

  /** The SHA-256 of the payload of the entry under `key`, if this run read or wrote it. */
  payloadDigest(key: string): string | undefined {
    return this.payloadDigests.get(key);
  }

  /** The SHA-256 of the payload of the entry under `key` without its offsets (positionFree), if the entry is whole:
   *  equal for two versions of a file whose facts differ only in where things are. Read from the entry each time
   *  (a run asks it of the few files an edit changed, not of every file it caches). */
  shapeDigest(key: string): string | undefined {
    const payload = this.usable() ? this.payload(key) : undefined;
    return payload === undefined ? undefined : sha256(positionFree(payload.text));
  }

  /** The last rule results of a project (src/project/result-cache.ts): one per project directory and `variant`,
   *  under this build's entries. Undefined when the cache is off. */
  results(project: string, variant: string): ResultCache | undefined {
    if (!this.usable()) return undefined;
    return new ResultCache(path.join(this.dir, 'results', `${sha256(`${path.resolve(project)}\0${variant}`).slice(0, 32)}.json`));
  }

  /** What a project's last link left (src/project/link-memory-file.ts): one per project directory and `variant`,
   *  under this build's entries. Undefined when the cache is off. */
  links(project: string, variant: string): LinkMemoryFile | undefined {
    if (!this.usable()) return undefined;
    return new LinkMemoryFile(path.join(this.dir, 'links', `${sha256(`${path.resolve(project)}\0${variant}`).slice(0, 32)}.json`));
  }

  /** The snapshot of a project's files (src/project/file-snapshot.ts): one per project directory and `variant`,
   *  under this build's entries. Undefined when the cache is off. */
  snapshot(project: string, variant: string): FileSnapshot | undefined {
    if (!this.usable()) return undefined;
    return new FileSnapshot(path.join(this.dir, 'snapshots', `${sha256(`${path.resolve(project)}\0${variant}`).slice(0, 32)}.json`));
  }

  /** The payload of the entry for `key` and its digest, if the entry is whole (its first line checks out). */
  private payload(key: string): { text: string; digest: string } | undefined {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.file(key));
    } catch {
      return undefined; // missing or unreadable: recompute
    }
    const newline = bytes.indexOf(10);
    if (newline < 0) return undefined;
    // The payload's bytes are hashed as they are: `set` hashed the string they encode, as UTF-8. (Hashing the
    // decoded string would encode it back to UTF-8 first: a warm run on Kong spent a tenth of its entry reading
    // on that.) Bytes that are not valid UTF-8 hash differently from their decoding: a damaged entry, a miss.
    const digest = createHash('sha256').update(bytes.subarray(newline + 1)).digest('hex');
    if (bytes.toString('latin1', 0, newline) !== `${MAGIC} ${FACTS_FORMAT} ${key} ${digest}`) return undefined;
    return { text: bytes.toString('utf8', newline + 1), digest };
  }

  /** The entry for `key` if it is whole and consistent, else undefined. */
  private read(key: string): CachedFacts | undefined {
    const payload = this.payload(key);
    if (payload === undefined) return undefined;
    try {
      const value: unknown = JSON.parse(payload.text);
      if (!isCachedFactsValue(value)) return undefined;
      this.payloadDigests.set(key, payload.digest);
      const cached = value as CachedFacts;
      if ('facts' in cached) shareEmptyTables(cached.facts);
      return cached;
    } catch {
      return undefined; // not JSON, or nested beyond the stack
    }
  }

  /** Checks the directory once (created, readable and writable); a problem turns the cache off. */
  private usable(): boolean {
    if (!this.checked) {
      this.checked = true;
      try {
        makeDirectories(this.dir);
        fs.accessSync(this.dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
      } catch (e) {
        this.turnOff(e);
      }
    }
    return this.off === undefined;
  }

  private turnOff(e: unknown): void {
    if (this.off !== undefined) return;
    const err = e as NodeJS.ErrnoException;
    this.off = err.message ?? String(e);
    this.warn(`cache directory ${this.root} cannot be used (${this.off}); running without the cache`);
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

/** A payload with its offsets left out: the sites' spans and the functions' (the only offsets FileFacts holds;
 *  everything else refers to sites by index). Matched in the JSON text, where it is exact: inside a JSON string a
 *  quote is escaped (`\"spanStart\":` never reads `"spanStart":`), and a Lua field of that name holds an object
 *  (a SymValue), never a number or an array of numbers. */
export function positionFree(payload: string): string {
  return payload.replace(POSITIONS, '');
}

const POSITIONS = /"spanStart":\d+|"spanEnd":\d+|"sites":\[[\d,]*\]/g;
