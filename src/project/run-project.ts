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
import { discoverProject } from './discover-project.ts';
import { FactsCache } from './facts-cache.ts';
import { filterIgnored } from '../files/glob-match.ts';

/** What is analyzed and what is reported: shared by the CLI and the GitHub Action. */
export interface AnalysisOptions {
  /** The rule registry (rules/index.ts): the entry points pass it in, so the engine never imports rules. */
  rules: readonly Rule[];
  /** Files or directories to analyze, relative to cwd (empty: `.`). */
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
  /** The linked project (for the pools inventory). */
  model: ProjectModel;
  /** The rules that ran (SARIF lists them). */
  rules: readonly Rule[];
  /** --report-only files (as given) that the run did not analyze: nothing can be reported on them. */
  notAnalyzed: string[];
}

/** Loads the config, finds the project's files and analyzes them. Throws ConfigError and MissingPathError. */
export function analyzeProject(cwd: string, opts: AnalysisOptions): ProjectRun {
  const config = loadConfig({
    cwd,
    explicitPath: opts.config,
    knownRuleIds: opts.rules.map((r) => r.meta.id),
    knownClients: CLIENT_PROFILES.map((p) => p.module),
  });
  const found = discoverProject(cwd, opts.paths, [...config.nginxConf, ...opts.nginxConf]);
  // An --nginx-conf that does not exist is a usage error, like a missing path.
  const missing = [...found.missing, ...opts.nginxConf.filter((f) => !isFile(path.resolve(cwd, f)))];
  if (missing.length > 0) throw new MissingPathError(missing);
  const result = analyze({
    cwd,
    rules: opts.rules,
    files: filterIgnored(found.lua, config.ignore),
    nginxConfs: filterIgnored(found.nginx, config.ignore),
    redisConfs: filterIgnored(found.redis, config.ignore),
    luaRoots: config.luaRoots,
    wrappers: config.wrappers,
    ruleLevels: config.rules,
    maxFileBytes: config.maxFileBytes,
    lua52Compat: config.lua52Compat,
    cache: factsCache(cwd, opts.cache, config.cacheDir),
    onProgress: opts.onProgress,
  });
  const select = (list: Finding[]) => (opts.reportOnly ? selectReportOnly(list, cwd, opts.reportOnly) : list);
  let findings = select(result.findings);
  let suppressed = select(result.suppressed);
  if (opts.baseline) {
    const { fresh, known } = applyBaseline(findings, readBaseline(path.resolve(cwd, opts.baseline)));
    findings = fresh;
    suppressed = [...suppressed, ...known].sort(compareFindings);
  }
  const notAnalyzed = (opts.reportOnly ?? []).filter((f) => !result.sources.has(relativeTo(cwd, f)));
  return { findings, suppressed, filesAnalyzed: result.filesAnalyzed, internalErrors: result.internalErrors, sources: result.sources, model: result.model, rules: opts.rules, notAnalyzed };
}

function isFile(abs: string): boolean {
  try {
    return fs.statSync(abs).isFile();
  } catch {
    return false;
  }
}

/** A path given relative to cwd (or absolute), as findings name it: relative to cwd, `/`-separated. */
function relativeTo(cwd: string, file: string): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
}

function factsCache(cwd: string, flag: string | false | undefined, configured: string | undefined): FactsCache | undefined {
  if (flag === false) return undefined;
  // The default cache only for built bundles: a build id keeps entries from other builds apart.
  const fallback = BUILD_ID && fs.existsSync(path.join(cwd, 'node_modules')) ? 'node_modules/.cache/resty-lint' : undefined;
  const dir = flag ?? configured ?? fallback;
  return dir ? new FactsCache(path.resolve(cwd, dir)) : undefined;
}

/** The findings whose location or one of whose related locations is in one of `files` (paths relative to
 *  cwd or absolute; compared normalized, relative to cwd, `/`-separated). A file that was not analyzed (or
 *  does not exist) matches nothing. */
export function selectReportOnly(findings: readonly Finding[], cwd: string, files: readonly string[]): Finding[] {
  const wanted = new Set(files.map((f) => relativeTo(cwd, f)));
  return findings.filter((f) => wanted.has(f.location.file) || f.related.some((r) => wanted.has(r.file)));
}

