// The Lua files of a run as code units: each file read (or, on a warm run, known unchanged and not read),
// its facts taken from the cache or computed (on several cores when there are many: facts-workers.ts),
// and what cannot be analyzed reported. Results come back in file order whatever computed them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SourceSpan } from '../core/findings.ts';
import type { FileFacts } from '../analysis/file-facts.ts';
import type { UnitInput } from '../link/link-unit.ts';
import { ReadArena } from '../files/read-arena.ts';
import { bytecodeKind, type LuaSyntax } from '../lua/parse-lua.ts';
import { SourceText } from '../source/source-text.ts';
import type { CachedFacts, FactsCache } from './facts-cache.ts';
import { factsJob, type FactsJobResult } from './facts-job.ts';
import { computeFacts, factsThreads } from './facts-workers.ts';
import { FileSnapshot, type SnapshotEntry } from './file-snapshot.ts';
import { offsetsOf, pointsOf, type Offsets, type Points } from '../analysis/fact-points.ts';
import { diag, type Draft } from './nginx-units.ts';
import { fileStart, locate, spanAt } from './source-spans.ts';

export interface LuaFilesInput {
  cwd: string;
  files: readonly string[];
  rawPaths?: ReadonlyMap<string, Buffer>;
  cache?: FactsCache;
  /** Text to use instead of a file's bytes on disk (an editor's unsaved buffer), by path relative to cwd. */
  overlay?: ReadonlyMap<string, Buffer>;
  maxBytes: number;
  syntax: LuaSyntax;
  onProgress?: (done: number, total: number) => void;
}

export interface LuaFiles {
  /** The parsed files in file order with the digest of what the model takes from each (result-key.ts);
   *  undefined when one is unknown (no cache, or an editor's memory cache that keeps none). */
  digests: Array<{ path: string; digest: string; key: string }> | undefined;
  /** The parsed files as units, with their facts: those a warm run left in the cache are loaded now, or with `lazy`
   *  when first read (a partial relink reads few: src/project/link-memory-file.ts). Once: the answer then lets go of
   *  every file's facts, so that they can be collected as soon as the caller's model is built (rules and reports
   *  read the model, not the facts: 50k files' facts are 300 MB). */
  takeUnits(lazy?: boolean): UnitInput[];
  /** A file's cached facts went missing after this run found them, and were computed again from the file as it
   *  is now: `digests` may not describe `takeUnits()`, and results made from them must not be kept under it. */
  readonly stale: boolean;
  /** Files known (from the snapshot) to hold no `resty-lint:` directive: their suppressions need no reading. */
  noDirectives: Set<string>;
  /** Where a parsed file's facts point (moved-findings.ts), before the units are taken and, when there are
   *  digests, after. */
  pointsOf(file: string): Points | undefined;
}

/** The directive marker suppressions start with (src/suppress/). */
const DIRECTIVE_MARK = 'resty-lint:';

/** How many files are read before they are analyzed: without worker threads, a few dozen into one buffer; with
 *  them, enough that each thread has a few batches of the group (a thread idles when its group's last file is
 *  slow), few enough that the group's bytes are no burden. */
const READ_AHEAD = 64;
const READ_AHEAD_THREADS = 512;

type Read = { file: string; drafts: Draft[] } | ReadText;

interface ReadText {
  file: string;
  /** Where the bytes were read from (not for an editor's buffer). */
  where?: string | Buffer;
  text: SourceText;
  /** The bytes, until settled. */
  bytes?: Buffer;
  stat?: fs.Stats;
  key?: string;
  /** From the cache. */
  result?: CachedFacts;
  /** Computed as the file was read (settle). */
  computed?: FactsJobResult;
  directives: boolean;
  digest?: string;
  /** The text's positionDigest, taken before its bytes were let go of. */
  positions?: string;
  settled?: boolean;
}

/** What facts depend on besides a file's bytes: what parses depends on the LuaJIT build, so the same bytes have
 *  one entry per build. */
export function factsVariant(syntax: LuaSyntax): string {
  return `lua52Compat=${syntax.lua52Compat}`;
}

/** A parsed file whose facts are in the cache under `key` and are loaded only if the model is built. */
interface Deferred {
  file: string;
  where: string | Buffer;
  key: string;
  digest: string;
  text: SourceText;
}

export function luaFileUnits(input: LuaFilesInput, sources: Map<string, SourceText>, drafts: Draft[]): LuaFiles {
  const { cache, syntax } = input;
  const variant = factsVariant(syntax);
  const snapshot = cache?.snapshot(input.cwd, variant) ?? new FileSnapshot(undefined);
  // Digests are made only where a run's results can be kept (result-cache.ts).
  const digesting = cache?.results(input.cwd, variant) !== undefined;
  snapshot.begin();
  // Files are read a group at a time, analyzed and let go of (settle), so the run never holds every file's bytes
  // at once. Without worker threads a group is READ_AHEAD files read into one buffer used again for the next
  // group (files/read-arena.ts): a few dozen, not one, since a stat, an open or a read right after a file's
  // analysis costs about three times as much as in a row (synthetic-10000: 0.3 s more). Worker threads are
  // handed copies of the bytes (each file its own buffer: a view into the arena would send all of it), and
  // stay up from one group to the next.
  const threads = factsThreads(input.files.length, syntax);
  const groupSize = threads ? READ_AHEAD_THREADS : READ_AHEAD;
  const read: Read[] = [];
  const pending: ReadText[] = [];
  // Every file counts once, whatever the run does with it, so the count ends at the total (the CLI's progress
  // line is cleared then).
  let counted = 0;
  const progress = () => input.onProgress?.(++counted, input.files.length);
  const arena = new ReadArena();
  const settlePending = () => {
    const todo = threads ? pending.filter((r) => !r.result) : [];
    if (todo.length > 0) threads!.compute(todo.map((r) => r.bytes!), progress).forEach((result, i) => (todo[i].computed = result));
    for (const r of pending) {
      // Those the threads computed were counted as they came back.
      const countedAlready = r.computed !== undefined;
      settle(r, digesting, syntax);
      if (!countedAlready) progress();
    }
    pending.length = 0;
    arena.reset();
  };
  const deferred = new Map<string, Deferred>();
  // A file as the last run recorded it, whose facts a partial relink can do without.
  const linkable = (entry: SnapshotEntry | undefined): entry is SnapshotEntry => entry !== undefined && entry.parsed && entry.digest !== '' && digesting;
  // Unchanged since the last run: its facts not even loaded unless the model is built; its lines are read only if a
  // report shows them.
  const unchanged = (file: string, where: string | Buffer, stat: fs.Stats, entry: SnapshotEntry) => {
    const text = sourceOnDisk(where);
    read.push({ file, text, stat, key: entry.key, directives: entry.directives, digest: entry.digest });
    deferred.set(file, { file, where, key: entry.key, digest: entry.digest, text });
    progress();
  };
  try {
    for (const file of input.files) {
      const own: Draft[] = [];
      // A name that is not valid UTF-8 is opened by its bytes (the path shown has U+FFFD in their place).
      const where = input.rawPaths?.get(file) ?? path.resolve(input.cwd, file);
      const buffer = input.overlay?.get(file);
      if (buffer) {
        // An unsaved buffer: its text is what counts, and the file's size and mtime say nothing about it.
        const key = cache?.key(buffer, variant);
        read.push({ file, text: new SourceText(buffer), bytes: buffer, key, result: key ? cache!.get(key) : undefined, directives: buffer.includes(DIRECTIVE_MARK) });
        continue;
      }
      const stat = statWithin(where, file, own, input.maxBytes);
      const known = stat && snapshot.unchanged(file, stat);
      if (stat && linkable(known)) {
        // neither read nor hashed
        unchanged(file, where, stat, known);
        continue;
      }
      const result = known ? cache!.get(known.key) : undefined;
      if (stat && known && result) {
        read.push({ file, text: sourceOnDisk(where), stat, key: known.key, result, directives: known.directives, digest: known.digest });
        progress();
        continue;
      }
      let bytes = stat && readSource(where, file, own, threads ? undefined : arena.read.bind(arena, where, stat.size));
      if (!stat || !bytes) {
        read.push({ file, drafts: own });
        progress();
        continue;
      }
      const key = cache?.key(bytes, variant);
      const before = snapshot.recorded(file);
      if (key && before?.key === key && linkable(before)) {
        // The bytes the last run recorded, under another size or mtime (a checkout, a touch, a racy file): hashed,
        // then as if unchanged.
        if (!threads) arena.giveBack(bytes);
        unchanged(file, where, stat, before);
        continue;
      }
      const directives = bytes.includes(DIRECTIVE_MARK);
      // A file that keeps its text keeps a copy, not a view into the arena.
      if (directives && !threads) bytes = Buffer.from(bytes);
      const r: ReadText = { file, where, text: new SourceText(bytes), bytes, stat, key, result: key ? cache!.get(key) : undefined, directives };
      read.push(r);
      if (pending.push(r) === groupSize) settlePending();
    }
    settlePending();
  } finally {
    threads?.close();
  }
  // What was not settled as it was read (an editor's buffers): the facts of those the cache did not have, then
  // the rest of settling.
  const unsettled = read.flatMap((r) => ('text' in r && r.bytes && !r.settled ? [r] : []));
  const todo = unsettled.filter((r) => !r.result);
  for (let i = unsettled.length - todo.length; i > 0; i--) progress();
  computeFacts(
    todo.map((r) => r.bytes!),
    syntax,
    progress,
  ).forEach((result, i) => (todo[i].computed = result));
  for (const r of unsettled) settle(r, digesting, syntax);
  const loaded = new Map<string, UnitInput>();
  const order: string[] = [];
  let digests: LuaFiles['digests'] = [];
  const noDirectives = new Set<string>();
  for (const r of read) {
    if (!('text' in r)) {
      drafts.push(...r.drafts);
      continue;
    }
    const { file, text } = r;
    sources.set(file, text);
    if (!r.directives) noDirectives.add(file);
    if (deferred.has(file)) {
      snapshot.record(file, r.stat!, { key: r.key!, directives: r.directives, digest: r.digest!, parsed: true });
      order.push(file);
      digests?.push({ path: file, digest: r.digest!, key: r.key! });
      continue;
    }
    const result = r.result ?? r.computed!;
    if ('internalError' in result) {
      drafts.push(diag('internal-error', 'error', `Internal error while analyzing this file, it was skipped: ${result.internalError}`, spanAt(text, file, 0)));
      continue;
    }
    if (r.key && !r.result) cache!.set(r.key, result);
    const payload = r.key && digesting ? cache!.payloadDigest(r.key) : undefined;
    // An empty digest is one an earlier run could not make: make it now.
    const digest = r.digest || (payload ? fileDigest(payload, r.positions ?? text.positionDigest()) : '');
    if (r.key && r.stat) snapshot.record(file, r.stat, { key: r.key, directives: r.directives, digest, parsed: !('syntaxError' in result) });
    if ('syntaxError' in result) {
      drafts.push(diag('syntax-error', 'error', `Syntax error: ${result.syntaxError.message}`, spanAt(text, file, result.syntaxError.offset)));
      continue;
    }
    order.push(file);
    loaded.set(file, { path: file, facts: result.facts, locate: locator(text, file), ...(digest !== '' && digesting ? { digest } : {}) });
    if (digest === '') digests = undefined;
    else digests?.push({ path: file, digest, key: r.key! });
  }
  snapshot.save();
  return luaFiles(digests, noDirectives, order, loaded, deferred, sources, input, drafts);
}

/** luaFileUnits' answer, made outside it so that `units()` keeps only what it needs of its scope. */
function luaFiles(
  digests: LuaFiles['digests'],
  noDirectives: Set<string>,
  order: readonly string[],
  loaded: Map<string, UnitInput>,
  deferred: ReadonlyMap<string, Deferred>,
  sources: ReadonlyMap<string, SourceText>,
  input: LuaFilesInput,
  drafts: Draft[],
): LuaFiles {
  let stale = false;
  let taken = false;
  // What pointsOf needs of each file once the units are taken: its facts' offsets, not the facts.
  const offsets = new Map<string, Offsets>();
  return {
    digests,
    noDirectives,
    get stale() {
      return stale;
    },
    takeUnits: (lazy = false) => {
      if (taken) throw new Error('the units of a run were taken twice');
      taken = true;
      const onStale = () => (stale = true);
      const units = order.flatMap((file) => {
        const d = deferred.get(file);
        const unit = loaded.get(file) ?? (lazy ? lazyUnit(d!, input, drafts, onStale) : loadDeferred(d!, input, drafts, onStale));
        return unit ? [unit] : [];
      });
      loaded.clear(); // this closure outlives the units: the facts must not
      // A lazy unit's offsets are read from the cache if a finding needs them (pointsOf).
      if (digests) for (const unit of units) if (!lazy || !deferred.has(unit.path)) offsets.set(unit.path, offsetsOf(unit.facts));
      return units;
    },
    pointsOf: (file) => {
      const facts = loaded.get(file)?.facts;
      const known = facts ? offsetsOf(facts) : (offsets.get(file) ?? cachedOffsets(deferred.get(file), input));
      const text = sources.get(file);
      return known && text ? pointsOf(known, locator(text, file)) : undefined;
    },
  };
}

/** A file's digest (result-key.ts): its cache entry's payload and its text's positionDigest. */
function fileDigest(payload: string, positions: string): string {
  return createHash('sha256').update(payload).update('\0').update(positions).digest('hex');
}

/** Analyzes a file read unless the cache had it or its facts were computed elsewhere, takes from its bytes what
 *  comes later, and lets them go. An editor's buffer (not on disk to read again) and a file with suppression
 *  directives (suppressions read it after linking) keep their text. */
function settle(r: ReadText, digesting: boolean, syntax: LuaSyntax): void {
  r.settled = true;
  if (!r.result && !r.computed) r.computed = factsJob(r.bytes!, syntax);
  if (r.key && digesting) r.positions = r.text.positionDigest();
  const where = r.where;
  if (r.directives || where === undefined) return;
  r.text.release(() => readOrEmpty(where));
  r.bytes = undefined;
}

/** The facts of a file the run found unchanged, from the cache; if its entry is gone since, from the file as it
 *  is now (then `stale` is called: what the run saw of it may no longer hold). */
function loadDeferred(d: Deferred, input: LuaFilesInput, drafts: Draft[], stale: () => void): UnitInput | undefined {
  const cached = input.cache!.get(d.key);
  if (cached && 'facts' in cached) return { path: d.file, facts: cached.facts, locate: locator(d.text, d.file), digest: d.digest };
  stale();
  const bytes = readSource(d.where, d.file, drafts);
  if (!bytes) return undefined;
  const text = new SourceText(bytes);
  const [result] = computeFacts([bytes], input.syntax);
  if ('internalError' in result) {
    drafts.push(diag('internal-error', 'error', `Internal error while analyzing this file, it was skipped: ${result.internalError}`, spanAt(text, d.file, 0)));
    return undefined;
  }
  if ('syntaxError' in result) {
    drafts.push(diag('syntax-error', 'error', `Syntax error: ${result.syntaxError.message}`, spanAt(text, d.file, result.syntaxError.offset)));
    return undefined;
  }
  return { path: d.file, facts: result.facts, locate: locator(text, d.file) };
}

/** A unit the run found unchanged whose facts are loaded from the cache when first read (loadDeferred). Should they
 *  be gone by then and the file no longer parse, its facts are an empty chunk's, and `stale` is called: the run's
 *  results and link are not kept. */
function lazyUnit(d: Deferred, input: LuaFilesInput, drafts: Draft[], stale: () => void): UnitInput {
  let facts: FileFacts | undefined;
  return {
    path: d.file,
    locate: locator(d.text, d.file),
    digest: d.digest,
    get facts() {
      if (facts) return facts;
      facts = loadDeferred(d, input, drafts, stale)?.facts;
      if (!facts) {
        stale();
        const empty = factsJob(Buffer.alloc(0), input.syntax);
        facts = 'facts' in empty ? empty.facts : undefined;
      }
      return facts!;
    },
  };
}

/** The offsets of a file's facts in the cache (a lazy unit's, for a finding in it). */
function cachedOffsets(d: Deferred | undefined, input: LuaFilesInput): Offsets | undefined {
  const cached = d && input.cache!.get(d.key);
  return cached && 'facts' in cached ? offsetsOf(cached.facts) : undefined;
}

/** The file's stat, or undefined with a note: unreadable, or over the size limit. */
function statWithin(where: string | Buffer, file: string, drafts: Draft[], maxBytes: number): fs.Stats | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(where);
  } catch (e) {
    drafts.push(couldNotRead(file, e));
    return undefined;
  }
  if (stat.size > maxBytes) {
    drafts.push(diag('not-analyzed', 'note', `Not analyzed: ${stat.size} bytes is over the ${maxBytes}-byte limit (maxFileBytes in the config file).`, fileStart(file)));
    return undefined;
  }
  return stat;
}

/** The file's bytes, or undefined with a note: unreadable, or bytecode. */
function readSource(where: string | Buffer, file: string, drafts: Draft[], read: () => Buffer = () => fs.readFileSync(where)): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = read();
  } catch (e) {
    drafts.push(couldNotRead(file, e));
    return undefined;
  }
  // Bytecode is known by its signature only: a NUL byte is valid inside a Lua string, and any other binary file
  // is parsed like source and gets a syntax error (docs/semantics.md §9.2).
  const bytecode = bytecodeKind(bytes);
  if (bytecode) {
    const refused = bytecode === 'PUC Lua' ? ' LuaJIT refuses to load it (cannot load incompatible bytecode).' : '';
    drafts.push(diag('not-analyzed', 'note', `Not analyzed: this is ${bytecode} bytecode, not Lua source.${refused}`, fileStart(file)));
    return undefined;
  }
  return bytes;
}

function couldNotRead(file: string, e: unknown): Draft {
  return diag('not-analyzed', 'note', `Could not read this file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, fileStart(file));
}

// The closures a unit keeps are made outside luaFileUnits: a closure made there would keep its whole scope, the
// run's per-file records (stat objects, bytes, results) with it, for as long as the unit lives.

/** A file's text on disk, read when first needed. */
function sourceOnDisk(where: string | Buffer): SourceText {
  return new SourceText(() => readOrEmpty(where));
}

function locator(text: SourceText, file: string): (span: [number, number]) => SourceSpan {
  return (span) => locate(text, file, span);
}

/** A file removed after the run found it unchanged: its lines are gone, the report shows none. */
function readOrEmpty(where: string | Buffer): Buffer {
  try {
    return fs.readFileSync(where);
  } catch {
    return Buffer.alloc(0);
  }
}
