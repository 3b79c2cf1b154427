// The findings the rules made on a project's last run with the cache, kept under the key of everything they
// were made from (src/project/result-key.ts). A run that computes the same key takes them as they are: it
// neither loads the files' facts nor links them. One file per project and build, written whole and atomically
// like the snapshot; anything about it that does not check out (damaged, another key, a wrong shape) is a miss,
// never a wrong answer.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LEVELS, type CallRewrite, type SourceSpan } from '../core/findings.ts';
import type { Draft } from './nginx-units.ts';

const MAGIC = 'resty-lint-results 1';

export class ResultCache {
  constructor(private readonly file: string) {}

  /** The rules' findings stored under `key`, or undefined. */
  get(key: string): Draft[] | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return undefined;
    }
    const newline = text.indexOf('\n');
    const payload = text.slice(newline + 1);
    if (newline < 0 || text.slice(0, newline) !== `${MAGIC} ${key} ${sha256(payload)}`) return undefined;
    try {
      const value: unknown = JSON.parse(payload);
      return Array.isArray(value) && value.every(isDraft) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps `drafts` under `key`, replacing the last ones; a failure to write only costs the next run time. */
  set(key: string, drafts: readonly Draft[]): void {
    const payload = JSON.stringify(drafts);
    const tmp = `${this.file}.${randomBytes(8).toString('hex')}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, `${MAGIC} ${key} ${sha256(payload)}\n${payload}`, { flag: 'wx' });
      fs.renameSync(tmp, this.file);
    } catch {
      fs.rmSync(tmp, { force: true });
    }
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
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
