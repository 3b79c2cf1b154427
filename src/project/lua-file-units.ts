// The Lua files of a run as code units: each file read (or, on a warm run, known unchanged and not read),
// its facts taken from the cache or computed (on several cores when there are many: facts-workers.ts),
// and what cannot be analyzed reported. Results come back in file order whatever computed them.
import fs from 'node:fs';
import path from 'node:path';
import type { SourceSpan } from '../core/findings.ts';
import type { UnitInput } from '../link/link-unit.ts';
import { bytecodeKind, type LuaSyntax } from '../lua/parse-lua.ts';
import { SourceText } from '../source/source-text.ts';
import type { CachedFacts, FactsCache } from './facts-cache.ts';
import { computeFacts } from './facts-workers.ts';
import { FileSnapshot } from './file-snapshot.ts';
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
  units: UnitInput[];
  /** Files known (from the snapshot) to hold no `resty-lint:` directive: their suppressions need no reading. */
  noDirectives: Set<string>;
}

/** The directive marker suppressions start with (src/suppress/). */
const DIRECTIVE_MARK = 'resty-lint:';

type Read =
  | { file: string; drafts: Draft[] }
  | { file: string; text: SourceText; bytes?: Buffer; stat?: fs.Stats; key?: string; result?: CachedFacts; directives: boolean };

export function luaFileUnits(input: LuaFilesInput, sources: Map<string, SourceText>, drafts: Draft[]): LuaFiles {
  const { cache, syntax } = input;
  // What parses depends on the LuaJIT build, so the same bytes have one entry per build.
  const variant = `lua52Compat=${syntax.lua52Compat}`;
  const snapshot = cache?.snapshot(input.cwd, variant) ?? new FileSnapshot(undefined);
  snapshot.begin();
  const read: Read[] = [];
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
    const result = known ? cache!.get(known.key) : undefined;
    if (stat && known && result) {
      // Unchanged since the last run: neither read nor hashed; read only if a report shows its lines.
      read.push({ file, text: sourceOnDisk(where), stat, key: known.key, result, directives: known.directives });
      continue;
    }
    const bytes = stat && readSource(where, file, own);
    if (!stat || !bytes) {
      read.push({ file, drafts: own });
      continue;
    }
    const key = cache?.key(bytes, variant);
    read.push({ file, text: new SourceText(bytes), bytes, stat, key, result: key ? cache!.get(key) : undefined, directives: bytes.includes(DIRECTIVE_MARK) });
  }
  const todo = read.flatMap((r) => ('text' in r && !r.result ? [r] : []));
  let done = read.length - todo.length;
  const computed = computeFacts(
    todo.map((r) => r.bytes!),
    syntax,
    () => input.onProgress?.(++done, read.length),
  );
  const results = new Map(todo.map((r, i) => [r, computed[i]]));
  const units: UnitInput[] = [];
  const noDirectives = new Set<string>();
  for (const r of read) {
    if (!('text' in r)) {
      drafts.push(...r.drafts);
      continue;
    }
    const { file, text } = r;
    sources.set(file, text);
    const result = r.result ?? results.get(r)!;
    if ('internalError' in result) {
      drafts.push(diag('internal-error', 'error', `Internal error while analyzing this file, it was skipped: ${result.internalError}`, spanAt(text, file, 0)));
      continue;
    }
    if (r.key && !r.result) cache!.set(r.key, result);
    if (r.key && r.stat) snapshot.record(file, r.stat, r.key, r.directives);
    if (!r.directives) noDirectives.add(file);
    if ('syntaxError' in result) {
      drafts.push(diag('syntax-error', 'error', `Syntax error: ${result.syntaxError.message}`, spanAt(text, file, result.syntaxError.offset)));
      continue;
    }
    units.push({ path: file, facts: result.facts, locate: locator(text, file) });
  }
  snapshot.save();
  return { units, noDirectives };
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
function readSource(where: string | Buffer, file: string, drafts: Draft[]): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(where);
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
