// What the last run with the facts cache saw of each Lua file of a project: its size, its mtime, the cache key
// of its bytes, and whether it holds a `resty-lint:` directive. A file whose size and mtime are unchanged is
// taken to be unchanged (as make and git do): the next run neither reads nor hashes it, it takes the facts
// under the recorded key, and reads the file only if a report needs its lines. With each file goes the digest of
// what the model takes from it (result-key.ts), so a run whose files all check out may not even load their facts.
//
// A file changed within the same mtime tick as the run that recorded it would look unchanged ("racy", as git
// calls it), so files whose mtime is less than a few seconds older than the run are recorded without size and
// mtime: read and hashed again next time. A file whose size or mtime changed but whose bytes hash to the key
// recorded (a checkout, a touch, a copy, a racy file) keeps the rest of its entry: its facts are not loaded. The
// snapshot is one file per project and build in the cache directory, written whole and atomically; anything about
// it that does not check out makes it empty, never wrong.
import type fs from 'node:fs';
import { readChecked, writeChecked } from './checked-file.ts';

export interface SnapshotEntry {
  size: number;
  mtimeMs: number;
  /** The facts cache key of the file's bytes. */
  key: string;
  /** The bytes contain `resty-lint:` (a suppression directive may be there). */
  directives: boolean;
  /** The digest of the file's facts and positions (result-key.ts); empty when the run did not make one. */
  digest: string;
  /** The file parsed (false: its entry holds a syntax error). */
  parsed: boolean;
}

const MAGIC = 'resty-lint-snapshot 3';
/** Size and mtime of an entry recorded for its content only (racy). */
const UNKNOWN = -1;
/** Files changed less than this long before the run are recorded for their bytes only (coarse file-system clocks). */
const RACY_MS = 3000;

type Row = [size: number, mtimeMs: number, key: string, directives: 0 | 1, digest: string, parsed: 0 | 1];

export class FileSnapshot {
  private before = new Map<string, SnapshotEntry>();
  private now = new Map<string, SnapshotEntry>();
  private startedMs = Date.now();

  /** `file`: where this project's snapshot lives; undefined: in memory only (a language server's workspace
   *  keeps one across its analyses). */
  constructor(private readonly file: string | undefined) {
    if (file) this.load(file);
  }

  /** A run starts: what it records is measured against its start. */
  begin(): void {
    this.startedMs = Date.now();
    this.now = new Map();
  }

  /** What the last run recorded for `rel`, if its size and mtime are still those. */
  unchanged(rel: string, stat: fs.Stats): SnapshotEntry | undefined {
    const e = this.before.get(rel);
    return e && e.size === stat.size && e.mtimeMs === stat.mtimeMs ? e : undefined;
  }

  /** What the last run recorded for `rel` whatever its size and mtime: the key to compare the bytes' hash with. */
  recorded(rel: string): SnapshotEntry | undefined {
    return this.before.get(rel);
  }

  record(rel: string, stat: fs.Stats, entry: Omit<SnapshotEntry, 'size' | 'mtimeMs'>): void {
    const racy = stat.mtimeMs > this.startedMs - RACY_MS;
    this.now.set(rel, { size: racy ? UNKNOWN : stat.size, mtimeMs: racy ? UNKNOWN : stat.mtimeMs, ...entry });
  }

  /** Keeps what this run recorded for the next (files no longer seen drop out), on disk when it has a file; a
   *  failure to write only costs the next run time. */
  save(): void {
    const unchanged = sameEntries(this.before, this.now);
    this.before = this.now;
    if (!this.file || unchanged) return;
    const rows: Record<string, Row> = {};
    for (const [rel, e] of [...this.now].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) rows[rel] = [e.size, e.mtimeMs, e.key, e.directives ? 1 : 0, e.digest, e.parsed ? 1 : 0];
    writeChecked(this.file, MAGIC, Buffer.from(JSON.stringify(rows)));
  }

  private load(file: string): void {
    const checked = readChecked(file);
    if (checked?.head !== MAGIC) return;
    let rows: unknown;
    try {
      rows = JSON.parse(checked.payload.toString('utf8'));
    } catch {
      return;
    }
    if (typeof rows !== 'object' || rows === null || Array.isArray(rows)) return;
    for (const [rel, row] of Object.entries(rows as Record<string, unknown>)) {
      if (!isRow(row)) {
        this.before.clear();
        return;
      }
      this.before.set(rel, { size: row[0], mtimeMs: row[1], key: row[2], directives: row[3] === 1, digest: row[4], parsed: row[5] === 1 });
    }
  }
}

function isRow(x: unknown): x is Row {
  return (
    Array.isArray(x) &&
    x.length === 6 &&
    Number.isSafeInteger(x[0]) &&
    x[0] >= UNKNOWN &&
    typeof x[1] === 'number' &&
    Number.isFinite(x[1]) &&
    isDigest(x[2]) &&
    (x[3] === 0 || x[3] === 1) &&
    (x[4] === '' || isDigest(x[4])) &&
    (x[5] === 0 || x[5] === 1)
  );
}

function isDigest(x: unknown): x is string {
  return typeof x === 'string' && /^[0-9a-f]{64}$/.test(x);
}

function sameEntries(a: ReadonlyMap<string, SnapshotEntry>, b: ReadonlyMap<string, SnapshotEntry>): boolean {
  if (a.size !== b.size) return false;
  for (const [rel, e] of a) {
    const o = b.get(rel);
    if (!o || o.size !== e.size || o.mtimeMs !== e.mtimeMs || o.key !== e.key || o.directives !== e.directives || o.digest !== e.digest || o.parsed !== e.parsed) return false;
  }
  return true;
}

