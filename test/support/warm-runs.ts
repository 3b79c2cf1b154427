// What the tests of warm runs share: a facts cache that counts the entries a run loads, files written with an mtime
// old enough that the snapshot trusts it (a file changed within the racy window is always read again), projects made
// of them, and how runs are compared.
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FactsCache, type CachedFacts } from '../../src/project/facts-cache.ts';
import type { AnalysisResult } from '../../src/project/analyze.ts';

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

/** A project of `files` (path → text) in `root/name`, every file settled. */
export function settledProject(root: string, name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeSettled(dir, file, text);
  return dir;
}

/** What a run reports, as one string to compare runs by. */
export function outcome(r: AnalysisResult): string {
  return JSON.stringify([r.findings, r.suppressed, r.filesAnalyzed, r.internalErrors]);
}

/** Where a project's cache (in `dir/.cache`) keeps the last link's memory (src/project/link-memory-file.ts). */
export function linksDir(dir: string): string {
  return join(dir, '.cache', readdirSync(join(dir, '.cache'))[0], 'links');
}
