// The analysis core shared by the CLI and the GitHub Action: config, discovery, analysis, then what is
// reported (--report-only, --baseline) and what is only kept for SARIF (suppressed findings).
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from './analyze.ts';
import { CLIENT_PROFILES } from '../clients/profiles.ts';
import { applyBaseline, readBaseline } from './baseline.ts';
import { loadConfig } from '../config/load-config.ts';
import { compareFindings, type Finding } from '../core/findings.ts';
import type { ProjectModel } from '../model/project-model.ts';
import type { SourceText } from '../source/source-text.ts';
import { BUILD_ID } from '../core/version.ts';
import type { Rule } from '../model/rule.ts';
import type { LinkMemory } from '../link/relink.ts';
import { discoverProject } from './discover-project.ts';
import { projectRoot, rootRelative } from './project-root.ts';
import { FactsCache } from './facts-cache.ts';
import { filterIgnored } from '../files/glob-match.ts';

/** What is analyzed and what is reported: shared by the CLI and the GitHub Action. */
export interface AnalysisOptions {
  /** The rule registry (rules/index.ts): the entry points pass it in, so the engine never imports rules. */
  rules: readonly Rule[];
  /** Files or directories to analyze, relative to cwd (empty: `.`). Findings name files relative to the project
   *  root (project-root.ts), whatever cwd is. */
  paths: string[];
  /** Config file (default: found from cwd upwards). */
  config?: string;
  /** nginx configs to read besides those found. */
  nginxConf: string[];
  /** When set, only findings located in (or with a related location in) one of these files are reported. */
  reportOnly?: string[];
  /** Baseline file: findings it records are not reported (they go to SARIF as external suppressions). */
  baseline?: string;
  /** Facts cache directory; false turns the cache off; undefined: the config's cacheDir, else
   *  node_modules/.cache/resty-lint when node_modules exists, else no cache. */
  cache?: string | false;
  /** Progress callback (files analyzed so far, total). */
  onProgress?: (done: number, total: number) => void;
  /** Hears a problem the run works around (a cache directory it cannot use), as one sentence. */
  onWarning?: (message: string) => void;
  /** Lua files' text to analyze instead of what is on disk (an editor's unsaved buffers), by absolute path. */
  overlay?: ReadonlyMap<string, Buffer>;
  /** A facts cache to use as is (the language server's, in memory); it takes the place of `cache`. */
  factsCache?: FactsCache;
  /** Finds the project's files (default discoverProject): the language server reuses the last answer. */
  discover?: typeof discoverProject;
  /** The caller reads `model` (the pools inventory, hover): the run links the project even when the cache holds
   *  its findings. */
  needModel?: boolean;
  /** What the last link left, for relinking only what changed (the language server's; src/link/relink.ts). */
  linkMemory?: LinkMemory;
}

/** A path given on the command line that does not exist. */
export class MissingPathError extends Error {
  constructor(readonly paths: string[]) {
    super(`no such file or directory: ${paths.join(', ')}`);
  }
}

export interface ProjectRun {
  /** Findings to report and count for the exit code (after --report-only and --baseline), sorted. */
  findings: Finding[];
  /** Findings silenced by inline suppressions or the baseline: only SARIF shows them (as suppressions). */
  suppressed: Finding[];
  filesAnalyzed: number;
  /** Files the analyzer failed on (internal-error): the run's results are incomplete. */
  internalErrors: number;
  sources: ReadonlyMap<string, SourceText>;
  /** The linked project (for the pools inventory); present when `needModel` was set, else only if the run linked. */
  model?: ProjectModel;
  /** The rules that ran (SARIF lists them). */
  rules: readonly Rule[];
  /** --report-only files (as given) that the run did not analyze: nothing can be reported on them. */
  notAnalyzed: string[];
  /** The project root (absolute): every path in the findings and sources is relative to it. */
  root: string;
}

/** Loads the config, finds the project's files and analyzes them. Throws ConfigError and MissingPathError.
 *  Every path in the result is relative to the project root (project-root.ts), not to cwd. */
export function analyzeProject(cwd: string, opts: AnalysisOptions): ProjectRun {
  cwd = path.resolve(cwd);
  const configOptions = { knownRuleIds: opts.rules.map((r) => r.meta.id), knownClients: CLIENT_PROFILES.map((p) => p.module) };
  const fromCwd = loadConfig({ cwd, explicitPath: opts.config, ...configOptions });
  const configFile = fromCwd.file !== undefined ? path.resolve(cwd, fromCwd.file) : undefined;
  const root = projectRoot(cwd, opts.paths, configFile);
  // The config's paths and globs, made relative to the root instead of cwd.
  const config = root === cwd ? fromCwd : loadConfig({ cwd: root, explicitPath: configFile, ...configOptions });
  // Arguments are written relative to cwd; the analysis names everything relative to the root.
  const given = new Map<string, string>();
  const fromArg = (p: string) => {
    const rel = rootRelative(root, path.resolve(cwd, p));
    if (!given.has(rel)) given.set(rel, p);
    return rel;
  };
  const paths = (opts.paths.length > 0 ? opts.paths : ['.']).map(fromArg);
  const nginxConf = opts.nginxConf.map(fromArg);
  const found = (opts.discover ?? discoverProject)(root, paths, [...config.nginxConf, ...nginxConf]);
  // An --nginx-conf that does not exist is a usage error, like a missing path.
  const missing = [...found.missing, ...nginxConf.filter((f) => !isFile(path.resolve(root, f)))];
  if (missing.length > 0) throw new MissingPathError(missing.map((m) => given.get(m) ?? m));
  const result = analyze({
    cwd: root,
    rules: opts.rules,
    files: filterIgnored(found.lua, config.ignore),
    rawPaths: found.rawPaths,
    skippedLinks: found.skipped.filter((s) => filterIgnored([s.file], config.ignore).length > 0),
    nginxConfs: filterIgnored(found.nginx, config.ignore),
    redisConfs: filterIgnored(found.redis, config.ignore),
    luaRoots: config.luaRoots,
    wrappers: config.wrappers,
    ruleLevels: config.rules,
    maxFileBytes: config.maxFileBytes,
    lua52Compat: config.lua52Compat,
    cache: opts.factsCache ?? factsCache(cwd, root, opts.cache, config.cacheDir, opts.onWarning),
    onProgress: opts.onProgress,
    overlay: opts.overlay && new Map([...opts.overlay].map(([abs, text]) => [rootRelative(root, abs), text])),
    needModel: opts.needModel,
    linkMemory: opts.linkMemory,
  });
  const reportOnly = opts.reportOnly?.map((f) => rootRelative(root, path.resolve(cwd, f)));
  const select = (list: Finding[]) => (reportOnly ? selectReportOnly(list, root, reportOnly) : list);
  let findings = select(result.findings);
  let suppressed = select(result.suppressed);
  if (opts.baseline) {
    const { fresh, known } = applyBaseline(findings, readBaseline(path.resolve(cwd, opts.baseline)));
    findings = fresh;
    suppressed = [...suppressed, ...known].sort(compareFindings);
  }
  const notAnalyzed = (opts.reportOnly ?? []).filter((_, i) => !result.sources.has(reportOnly![i]));
  return { findings, suppressed, filesAnalyzed: result.filesAnalyzed, internalErrors: result.internalErrors, sources: result.sources, model: result.model, rules: opts.rules, notAnalyzed, root };
}

/** The run's model, which a caller that reads it asked for with `needModel`. */
export function linkedModel(run: Pick<ProjectRun, 'model'>): ProjectModel {
  if (!run.model) throw new Error('the model of a run made without needModel');
  return run.model;
}

function isFile(abs: string): boolean {
  try {
    return fs.statSync(abs).isFile();
  } catch {
    return false;
  }
}

/** --cache is relative to cwd; the config's cacheDir and the default, to the project root. */
function factsCache(cwd: string, root: string, flag: string | false | undefined, configured: string | undefined, warn?: (message: string) => void): FactsCache | undefined {
  if (flag === false) return undefined;
  if (flag !== undefined) return new FactsCache(path.resolve(cwd, flag), warn);
  // The default cache only for built bundles: a build id keeps entries from other builds apart.
  const fallback = BUILD_ID && fs.existsSync(path.join(root, 'node_modules')) ? 'node_modules/.cache/resty-lint' : undefined;
  const dir = configured ?? fallback;
  return dir ? new FactsCache(path.resolve(root, dir), warn) : undefined;
}

/** The findings whose location or one of whose related locations is in one of `files` (paths relative to `root`,
 *  the directory findings are relative to, or absolute; compared normalized, `/`-separated). A file that was not
 *  analyzed (or does not exist) matches nothing. */
export function selectReportOnly(findings: readonly Finding[], root: string, files: readonly string[]): Finding[] {
  const wanted = new Set(files.map((f) => rootRelative(root, path.resolve(root, f))));
  return findings.filter((f) => wanted.has(f.location.file) || f.related.some((r) => wanted.has(r.file)));
}

