// The findings the rules made on a project's last run with the cache, kept under the key of everything they
// were made from (src/project/result-key.ts). A run that computes the same key takes them as they are; one whose
// edits only moved things takes them moved (moved-findings.ts), and for that they come with what it needs to tell:
// the Lua files with their digests and cache keys, the digest of the rest, and for each file they point into, how
// the points of its facts compared and which of them the findings are at. Either way the run neither loads the
// files' facts nor links them. One file per project and build, written whole and atomically like the snapshot;
// anything about it that does not check out (damaged, another key, a wrong shape) is a miss, never a wrong answer.
import { readChecked, writeChecked } from './checked-file.ts';
import { LEVELS, type CallRewrite, type SourceSpan } from '../core/findings.ts';
import type { MoveBase } from './moved-findings.ts';
import type { Draft } from './nginx-units.ts';
import type { LineTexts } from './kept-lines.ts';

const MAGIC = 'resty-lint-results 3';

/** A run's findings and what a later run needs to move them. */
export interface Results {
  drafts: Draft[];
  /** The Lua files in file order: path, digest (result-key.ts), facts cache key. */
  files: Array<[path: string, digest: string, key: string]>;
  /** The digest of everything but the Lua files (ResultKey.rest). */
  rest: string;
  /** What moving the findings in each Lua file they point into needs, by path. */
  bases: Record<string, MoveBase>;
  /** The lines the findings are on, for the next run's fingerprints (kept-lines.ts). */
  lines?: LineTexts;
}

export class ResultCache {
  /** What `get` read (a run asks twice: for results to take, then for bases to keep). */
  private read: { value: (Results & { key: string }) | undefined } | undefined;

  constructor(private readonly file: string) {}

  /** The last results kept, with their keys, or undefined. */
  get(): (Results & { key: string }) | undefined {
    this.read ??= { value: this.readFile() };
    return this.read.value;
  }

  private readFile(): (Results & { key: string }) | undefined {
    const file = readChecked(this.file);
    const [magic, version, key] = file?.head.split(' ') ?? [];
    if (!file || `${magic} ${version}` !== MAGIC || key === undefined) return undefined;
    try {
      const value: unknown = JSON.parse(file.payload.toString('utf8'));
      return isResults(value) ? { ...value, key } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps `results` under `key`, replacing the last ones; a failure to write only costs the next run time. */
  set(key: string, results: Results): void {
    this.read = { value: { ...results, key } };
    writeChecked(this.file, `${MAGIC} ${key}`, Buffer.from(JSON.stringify(results)));
  }
}

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isLine = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 1;

function isSpan(x: unknown): x is SourceSpan {
  return isObj(x) && typeof x.file === 'string' && isLine(x.startLine) && isLine(x.startColumn) && isLine(x.endLine) && isLine(x.endColumn);
}

function isFix(x: unknown): x is CallRewrite {
  return (
    isObj(x) &&
    typeof x.description === 'string' &&
    isSpan(x.call) &&
    typeof x.method === 'string' &&
    (x.newMethod === undefined || typeof x.newMethod === 'string') &&
    Array.isArray(x.args) &&
    x.args.every((a) => a === null || typeof a === 'string')
  );
}

function isResults(x: unknown): x is Results {
  return (
    isObj(x) &&
    Array.isArray(x.drafts) &&
    x.drafts.every(isDraft) &&
    Array.isArray(x.files) &&
    x.files.every((f) => Array.isArray(f) && f.length === 3 && f.every((s) => typeof s === 'string')) &&
    typeof x.rest === 'string' &&
    isObj(x.bases) &&
    Object.values(x.bases).every((b) => isObj(b) && typeof b.signature === 'string' && isObj(b.at) && Object.values(b.at).every((i) => Number.isSafeInteger(i) && (i as number) >= 0)) &&
    (x.lines === undefined || (isObj(x.lines) && Object.values(x.lines).every(isKeptLines)))
  );
}

function isKeptLines(x: unknown): boolean {
  return Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && isObj(x[1]) && Object.entries(x[1]).every(([line, text]) => isLine(Number(line)) && typeof text === 'string');
}

function isDraft(x: unknown): x is Draft {
  return (
    isObj(x) &&
    typeof x.ruleId === 'string' &&
    LEVELS.includes(x.level as Draft['level']) &&
    typeof x.message === 'string' &&
    isSpan(x.location) &&
    Array.isArray(x.related) &&
    x.related.every((r: unknown) => isSpan(r) && isObj(r) && Number.isSafeInteger(r.id) && typeof r.message === 'string') &&
    (x.fix === undefined || isFix(x.fix)) &&
    x.suppressions === undefined
  );
}
