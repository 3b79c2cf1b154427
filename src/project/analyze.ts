// The end-to-end analysis of a project: read, parse, per-file facts, nginx and redis configs, link,
// rules, findings.
import fs from 'node:fs';
import path from 'node:path';
import { buildProjectModel, type ModelInput } from '../link/build-model.ts';
import { collectAfterPhase } from '../core/gc-settings.ts';
import { assignFingerprints } from '../core/fingerprint.ts';
import { compareFindings, type Finding } from '../core/findings.ts';
import { DEFAULT_LUA_SYNTAX, type LuaSyntax } from '../lua/parse-lua.ts';
import { factsVariant, luaFileUnits, type LuaFiles } from './lua-file-units.ts';
import { resultKey } from './result-key.ts';
import { lastResults, resultsToKeep } from './last-results.ts';
import { KeptLines } from './kept-lines.ts';
import type { Results } from './result-cache.ts';
import { fileStart } from './source-spans.ts';
import type { ProjectModel, RedisServer } from '../model/project-model.ts';
import { LinkMemory } from '../link/relink.ts';
import type { LinkMemoryFile } from './link-memory-file.ts';
import { diag, loadNginxUnits, type Draft, type NginxUnits } from './nginx-units.ts';
import { loadRedisServers } from './redis-servers.ts';
import type { Rule } from '../model/rule.ts';
import type { RuleLevelSetting, WrapperSpec } from '../config/config.ts';
import type { SourceText } from '../source/source-text.ts';
import type { FactsCache } from './facts-cache.ts';
import { readSuppressions, suppressionFor, unknownRuleIds, type FileSuppressions } from '../suppress/suppressions.ts';
import type { CommentSyntax } from '../suppress/comments.ts';

export interface AnalyzeInput {
  cwd: string;
  /** Lua files to analyze, relative to cwd. */
  files: readonly string[];
  /** Lua files whose name is not valid UTF-8: the path in `files` → the bytes that open the file. */
  rawPaths?: ReadonlyMap<string, Buffer>;
  /** Symbolic links discovery did not follow (to outside the tree, or broken): each gets a note. */
  skippedLinks?: readonly { file: string; reason: 'outside' | 'broken' }[];
  /** nginx configuration files (main configs and the files they include), relative to cwd. */
  nginxConfs?: readonly string[];
  redisConfs?: readonly string[];
  /** The rule registry (rules/index.ts), passed in by the entry points. */
  rules: readonly Rule[];
  /** Extra roots for `require` resolution (the config's luaRoots), relative to cwd, `/`-separated. */
  luaRoots?: readonly string[];
  /** Client wrappers declared in the config file. */
  wrappers?: readonly WrapperSpec[];
  /** Per-rule level overrides from the config file ('off' drops the rule's findings). */
  ruleLevels?: Readonly<Record<string, RuleLevelSetting>>;
  /** Per-file facts cache (by content hash); none when undefined. */
  cache?: FactsCache;
  /** Lua, nginx and redis files larger than this are reported (note) and not analyzed. Default 4 MiB. */
  maxFileBytes?: number;
  /** The LuaJIT was built with LUAJIT_ENABLE_LUA52COMPAT (config lua52Compat). Default true, as OpenResty builds it. */
  lua52Compat?: boolean;
  /** Called after each Lua file, for a progress indicator. */
  onProgress?: (done: number, total: number) => void;
  /** Lua files' text to analyze instead of what is on disk (an editor's unsaved buffers), by path in `files`. */
  overlay?: ReadonlyMap<string, Buffer>;
  /** The caller reads the model (the pools inventory, hover): a cached result cannot stand in for the run. */
  needModel?: boolean;
  /** What the last link left, for relinking only what changed (the language server's; src/link/relink.ts). */
  linkMemory?: LinkMemory;
}

export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface AnalysisResult {
  /** Findings to report and count for the exit code, sorted. */
  findings: Finding[];
  /** Findings silenced by an inline suppression comment (kept for SARIF's `suppressions`), sorted. */
  suppressed: Finding[];
  /** Files on which the analyzer itself failed (internal-error), whatever the config does with their
   *  findings: the run exits 2, since its results are incomplete through a fault of ours. */
  internalErrors: number;
  /** Lua files and config files analyzed (not counting those reported as unreadable or unparsable). */
  filesAnalyzed: number;
  /** The linked project; absent when the rules' findings came from the cache (result-cache.ts) and the caller
   *  did not ask for it (`needModel`). */
  model?: ProjectModel;
  /** Sources by relative path, for reports that show lines. */
  sources: ReadonlyMap<string, SourceText>;
}

export function analyze(input: AnalyzeInput): AnalysisResult {
  const rules = input.rules;
  const drafts: Draft[] = [];
  const sources = new Map<string, SourceText>();

  const limits = { maxBytes: input.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES };
  const syntax: LuaSyntax = { lua52Compat: input.lua52Compat ?? DEFAULT_LUA_SYNTAX.lua52Compat };
  for (const link of input.skippedLinks ?? []) {
    const why = link.reason === 'outside' ? 'it leads outside the project, which resty-lint never reads' : 'its target does not exist';
    drafts.push(diag('not-analyzed', 'note', `Not analyzed: this symbolic link was not followed (${why}).`, fileStart(link.file)));
  }
  const lua = luaFileUnits({ ...input, maxBytes: limits.maxBytes, syntax }, sources, drafts);
  const nginx = loadNginxUnits(input.cwd, input.nginxConfs ?? [], input.files, syntax, limits.maxBytes);
  for (const [file, text] of nginx.sources) sources.set(file, text);
  drafts.push(...nginx.diagnostics);
  const redisConfs = (input.redisConfs ?? []).filter((file) => withinLimit(path.resolve(input.cwd, file), file, drafts, limits.maxBytes));
  const redisServers = loadRedisServers(input.cwd, redisConfs, sources, drafts);

  // The rules' findings of the last run, when everything they are made from is the same (result-key.ts), or the
  // same but for where things are in some Lua files (last-results.ts).
  const results = input.needModel ? undefined : input.cache?.results(input.cwd, factsVariant(syntax));
  const ruleIds = rules.filter((r) => r.check && input.ruleLevels?.[r.meta.id] !== 'off').map((r) => r.meta.id);
  const rootName = path.basename(path.resolve(input.cwd));
  const keyed = results && lua.digests ? resultKey({ ruleIds, luaFiles: lua.digests, nginx, redisServers, luaRoots: input.luaRoots, rootName, wrappers: input.wrappers }) : undefined;
  const last = keyed ? lastResults(results!, keyed, lua, input.cache!) : undefined;
  // RESTY_LINT_TRACE=1 says where the findings came from.
  if (process.env.RESTY_LINT_TRACE === '1') process.stderr.write(`resty-lint: findings ${last ? `of the last run${last.keep ? ', moved' : ''}` : 'from the linked model'}\n`);
  let model: ProjectModel | undefined;
  /** Results to keep for the next run, once their lines are known. */
  let keep: Results | undefined = last?.keep;
  if (last) {
    drafts.push(...last.drafts);
  } else {
    // The CLI's link memory (the language server keeps its own in memory): relink only what changed since the last
    // link, loading few files' facts.
    const links = input.linkMemory || !lua.digests ? undefined : input.cache?.links(input.cwd, factsVariant(syntax));
    model = linkedModel(input, lua, nginx, rootName, redisServers, links);
    // The facts went with the units passed in: what the rest of the run needs is the model.
    collectAfterPhase();
    const found = ruleFindings(model, rules.filter((r) => ruleIds.includes(r.meta.id)));
    drafts.push(...found);
    if (keyed && !lua.stale) keep = resultsToKeep(results!, keyed, lua, found);
  }

  const commentSyntax = new Map<string, CommentSyntax>([...nginx.sources.keys()].map((f) => [f, 'nginx']));
  for (const f of input.redisConfs ?? []) commentSyntax.set(f, 'redis');
  const suppressions = suppressionsOf(sources, (file) => commentSyntax.get(file) ?? 'lua', lua.noDirectives);
  drafts.push(...invalidSuppressions(suppressions, new Set(rules.map((r) => r.meta.id))));
  const internalErrors = drafts.filter((d) => d.ruleId === 'internal-error').length;
  const unique = dedupe(dropSubsumed(applyLevels(drafts, input.ruleLevels ?? {}), rules));
  const lines = new KeptLines(keyed ? results!.get()?.lines : undefined, new Map(lua.digests?.map((d) => [d.path, d.key])), sources);
  const all = applySuppressions(assignFingerprints(unique, lines.text), suppressions).sort(compareFindings);
  // Kept once per run, with the lines: the results of a run that linked or moved them, or the last results as they
  // were when this run read a line they lacked.
  if (keyed && !lua.stale && (keep || lines.read)) results!.set(keyed.key, { ...(keep ?? withoutKey(results!.get()!)), lines: lines.asked() });
  const findings = all.filter((f) => !f.suppressions);
  const suppressed = all.filter((f) => f.suppressions);
  const unparsed = new Set(drafts.filter((d) => d.ruleId === 'syntax-error' || d.ruleId === 'internal-error').map((d) => d.location.file));
  return { findings, suppressed, internalErrors, filesAnalyzed: [...sources.keys()].filter((f) => !unparsed.has(f)).length, model, sources };
}

/** Results as kept, without the key they were read under. */
function withoutKey({ key: _key, ...results }: Results & { key: string }): Results {
  return results;
}

/** The linked model of the run's units. Its own function so that nothing of this frame holds the units once it
 *  returns: a temporary of `analyze`'s frame (the input object, the array of units) stays in an interpreter
 *  register until overwritten, and kept every file's facts alive through the rest of the run, past the collection
 *  meant to let go of them (synthetic-10000: 103 MB live after linking; 35 MB with this). */
function linkedModel(input: AnalyzeInput, lua: LuaFiles, nginx: NginxUnits, rootName: string, redisServers: RedisServer[], links: LinkMemoryFile | undefined): ProjectModel {
  const memory = input.linkMemory ?? links?.load();
  // A unit's facts may load when first read: a unit is not spread (that would read them).
  const luaUnits = lua.takeUnits(links !== undefined && memory?.last !== undefined);
  for (const u of luaUnits) u.entries = nginx.fileEntries.get(u.path);
  const modelInput: ModelInput = {
    units: [...luaUnits, ...nginx.units],
    luaRoots: input.luaRoots,
    rootName,
    wrappers: input.wrappers,
    nginx: {
      codeCache: nginx.facts.codeCache,
      defaultKeepaliveTimeoutMs: nginx.facts.defaultKeepaliveTimeoutMs,
      keepaliveTimeoutMs: nginx.keepaliveTimeoutMs,
      socketTimeouts: nginx.facts.socketTimeouts,
      workerProcesses: nginx.facts.workerProcesses,
    },
    redisServers,
  };
  if (!links) return buildProjectModel(modelInput, memory);
  let model: ProjectModel;
  try {
    model = buildProjectModel(modelInput, memory);
  } catch {
    // A memory that does not fit this build's link (a damaged file that still checks out): link everything.
    const fresh = new LinkMemory();
    model = buildProjectModel(modelInput, fresh);
    if (!lua.stale) links.save(fresh);
    return model;
  }
  if (!lua.stale) links.save(memory!);
  if (process.env.RESTY_LINT_TRACE === '1') process.stderr.write(`resty-lint: linked ${memory!.stats.linked} units, kept ${memory!.stats.kept}, read the facts of ${memory!.stats.factsRead}\n`);
  return model;
}

/** What the rules report on the model, as drafts (the engine adds fingerprints and suppressions). */
function ruleFindings(model: ProjectModel, rules: readonly Rule[]): Draft[] {
  const out: Draft[] = [];
  for (const rule of rules) {
    rule.check!(model, (r) => {
      out.push({
        ruleId: rule.meta.id,
        level: r.level ?? rule.meta.defaultLevel,
        message: r.message,
        location: r.location,
        related: (r.related ?? []).map((rel, i) => ({ ...rel, id: i + 1 })),
        ...(r.fix ? { fix: r.fix } : {}),
      });
    });
  }
  return out;
}

/** False (with a note) for a file over the size limit; unreadable files are left to the reader to report. */
function withinLimit(abs: string, file: string, drafts: Draft[], maxBytes: number): boolean {
  let size: number;
  try {
    size = fs.statSync(abs).size;
  } catch {
    return true;
  }
  if (size <= maxBytes) return true;
  drafts.push(diag('not-analyzed', 'note', `Not analyzed: ${size} bytes is over the ${maxBytes}-byte limit (maxFileBytes in the config file).`, fileStart(file)));
  return false;
}

/** The config file's rule levels: 'off' drops findings (diagnostics included), a level replaces the default. */
function applyLevels(drafts: Draft[], levels: Readonly<Record<string, RuleLevelSetting>>): Draft[] {
  return drafts.flatMap((d) => {
    const setting = levels[d.ruleId];
    if (setting === undefined) return [d];
    return setting === 'off' ? [] : [{ ...d, level: setting }];
  });
}

/** One defect, one finding: a finding of a rule that subsumes others replaces theirs at the same location. */
function dropSubsumed(drafts: Draft[], rules: readonly Rule[]): Draft[] {
  const at = (d: Draft) => `${d.location.file}\n${d.location.startLine}\n${d.location.startColumn}`;
  const covered = new Set<string>();
  for (const rule of rules) {
    for (const id of rule.meta.subsumes ?? []) for (const d of drafts) if (d.ruleId === rule.meta.id) covered.add(`${id}\n${at(d)}`);
  }
  return covered.size === 0 ? drafts : drafts.filter((d) => !covered.has(`${d.ruleId}\n${at(d)}`));
}

/** Each file's suppressions, read from its comments as its language has them (Lua, nginx.conf or redis.conf). */
function suppressionsOf(sources: ReadonlyMap<string, SourceText>, syntaxOf: (file: string) => CommentSyntax, noDirectives: ReadonlySet<string>): Map<string, FileSuppressions> {
  const out = new Map<string, FileSuppressions>();
  // A file known to hold no directive is not read for them (a warm run may not read it at all).
  for (const [file, text] of sources) if (!noDirectives.has(file)) out.set(file, readSuppressions(file, text, syntaxOf(file)));
  return out;
}

function applySuppressions(findings: Finding[], byFile: ReadonlyMap<string, FileSuppressions>): Finding[] {
  return findings.map((f) => {
    const s = byFile.get(f.location.file);
    const hit = s && suppressionFor(s, f.ruleId, f.location.startLine);
    return hit ? { ...f, suppressions: [{ kind: 'inSource' as const, justification: hit.justification || undefined }] } : f;
  });
}

function invalidSuppressions(byFile: ReadonlyMap<string, FileSuppressions>, known: ReadonlySet<string>): Draft[] {
  const out: Draft[] = [];
  for (const s of byFile.values()) {
    for (const { id, suppression } of unknownRuleIds(s, known)) {
      out.push(diag('invalid-suppression', 'warning', `Unknown rule id "${id}" in a resty-lint suppression: it silences nothing.`, suppression.location));
    }
  }
  return out;
}

function dedupe(drafts: Draft[]): Draft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const k = JSON.stringify([d.ruleId, d.location, d.message]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
