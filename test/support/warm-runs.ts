// What the tests of warm runs share: a facts cache that counts the entries a run loads, and files written with an
// mtime old enough that the snapshot trusts it (a file changed within the racy window is always read again).
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FactsCache, type CachedFacts } from '../../src/project/facts-cache.ts';

/** Counts the facts entries a run loads (misses included). */
export class CountingCache extends FactsCache {
  loaded = 0;
  override get(key: string): CachedFacts | undefined {
    this.loaded++;
    return super.get(key);
  }
}

const HOUR_AGO = Date.now() / 1000 - 3600;
let tick = 0;

/** Writes a file with an mtime older than the racy window, a different one on each write. */
export function writeSettled(dir: string, file: string, text: string): void {
  writeFileSync(join(dir, file), text);
  tick += 1;
  utimesSync(join(dir, file), HOUR_AGO + tick, HOUR_AGO + tick);
}
