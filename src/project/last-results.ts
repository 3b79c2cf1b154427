// What a run can take from the last run's results (result-cache.ts) instead of linking: the findings as they are
// when everything they were made from is the same (result-key.ts), or moved to where things are now when the
// edits since only moved things in some Lua files (moved-findings.ts). And what a run that linked keeps for the
// next one.
import type { FactsCache } from './facts-cache.ts';
import type { LuaFiles } from './lua-file-units.ts';
import { moveBase, movedBase, movedDrafts, placesNow, spansByFile } from './moved-findings.ts';
import type { Draft } from './nginx-units.ts';
import type { ResultCache, Results } from './result-cache.ts';
import type { ResultKey } from './result-key.ts';

/** The last run's findings for this run, or undefined when it must link; moved ones come with what to keep for the
 *  next run (the caller keeps them once it has their lines: kept-lines.ts). */
export function lastResults(results: ResultCache, now: ResultKey, lua: LuaFiles, cache: FactsCache): { drafts: Draft[]; keep?: Results } | undefined {
  const last = results.get();
  if (!last) return undefined;
  if (last.key === now.key) return { drafts: last.drafts };
  const moved = movedResults(last, now, lua, cache);
  return moved && { drafts: moved.drafts, keep: moved };
}

/** What to keep of a run that linked: its findings, with what a later run needs to move them. */
export function resultsToKeep(results: ResultCache, now: ResultKey, lua: LuaFiles, found: Draft[]): Results {
  const files = filesOf(lua);
  return { drafts: found, files, rest: now.rest, bases: basesFor(found, lua, files, results.get()) };
}

/** The last run's results moved to where things are now, if this run differs from it only in the offsets of some
 *  Lua files' facts (FactsCache.shapeDigest) and the findings can follow them; else undefined. */
function movedResults(last: Results, now: ResultKey, lua: LuaFiles, cache: FactsCache): Results | undefined {
  const files = filesOf(lua);
  if (last.rest !== now.rest || last.files.length !== files.length) return undefined;
  const changed = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const [file, digest, key] = files[i];
    const [lastFile, lastDigest, lastKey] = last.files[i];
    if (file !== lastFile) return undefined;
    if (digest === lastDigest) continue;
    const shape = cache.shapeDigest(key);
    if (shape === undefined || shape !== cache.shapeDigest(lastKey)) return undefined;
    changed.add(file);
  }
  const moves = new Map<string, Map<string, [number, number]>>();
  const bases = { ...last.bases };
  for (const file of spansByFile(last.drafts).keys()) {
    if (!changed.has(file)) continue;
    const base = last.bases[file];
    const points = base && lua.pointsOf(file);
    const places = points && placesNow(base, points);
    if (!places) return undefined;
    moves.set(file, places);
    bases[file] = movedBase(base, places);
  }
  const drafts = movedDrafts(last.drafts, moves);
  return drafts && { drafts, files, rest: now.rest, bases };
}

function filesOf(lua: LuaFiles): Results['files'] {
  return lua.digests!.map((d) => [d.path, d.digest, d.key]);
}

/** For each Lua file the findings point into, what a later run needs to move them. A file whose points cannot be
 *  had is left out: findings in it then never move. A file with the digest and the finding spans it had in the last
 *  results keeps its base (reading its points would load its facts). */
function basesFor(found: readonly Draft[], lua: LuaFiles, files: Results['files'], last: Results | undefined): Results['bases'] {
  const out: Results['bases'] = {};
  const digestNow = new Map(files.map(([file, digest]) => [file, digest]));
  const digestThen = new Map(last?.files.map(([file, digest]) => [file, digest]));
  const spansThen = last ? spansByFile(last.drafts) : new Map<string, unknown>();
  for (const [file, spans] of [...spansByFile(found)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const kept = last?.bases[file];
    if (kept && digestThen.get(file) === digestNow.get(file) && JSON.stringify(spansThen.get(file)) === JSON.stringify(spans)) {
      out[file] = kept;
      continue;
    }
    const points = lua.pointsOf(file);
    if (points) out[file] = moveBase(points, spans);
  }
  return out;
}
