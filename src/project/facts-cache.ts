// Per-file facts cached by content hash, so a run on an unchanged project (pre-commit, editor) re-parses
// only what changed. Facts are a pure function of a file's bytes and the analyzer build, so entries live
// under the build id (the version when running from source) and are keyed by the bytes' hash. One small file per entry, written atomically (temporary file + rename): concurrent
// runs never see half a file, and a corrupt or unreadable entry is just a miss.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileFacts } from '../analysis/file-facts.ts';
import { BUILD_ID, VERSION } from '../core/version.ts';

/** Bumped when the shape or meaning of FileFacts changes without a version change. */
const FACTS_FORMAT = 6;

/** What is cached for one file: its facts, or the reason it could not be parsed. */
export type CachedFacts = { facts: FileFacts } | { syntaxError: { offset: number; message: string } };

export class FactsCache {
  private readonly dir: string;
  hits = 0;
  misses = 0;

  constructor(root: string) {
    this.dir = path.join(root, `v${VERSION}-f${FACTS_FORMAT}-${BUILD_ID ?? 'source'}`);
  }

  /** `variant` names what besides the bytes the facts depend on (the LuaJIT build the code is parsed for). */
  key(bytes: Buffer, variant = ''): string {
    return createHash('sha256').update(variant).update('\0').update(bytes).digest('hex');
  }

  get(key: string): CachedFacts | undefined {
    try {
      const data = JSON.parse(fs.readFileSync(this.file(key), 'utf8')) as CachedFacts;
      if (data && typeof data === 'object' && ('facts' in data || 'syntaxError' in data)) {
        this.hits++;
        return data;
      }
    } catch {
      // missing or corrupt: recompute
    }
    this.misses++;
    return undefined;
  }

  set(key: string, value: CachedFacts): void {
    const file = this.file(key);
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(value));
      fs.renameSync(tmp, file);
    } catch {
      // A read-only or full disk only costs speed.
    }
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}
