// `resty-lint [paths...] [options]`: argument parsing, running the analysis, writing the report; and
// `resty-lint pools [paths...]`: the connection-pool inventory.
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from './analyze.ts';
import { CLIENT_PROFILES } from './analysis/client-profiles.ts';
import { ConfigError } from './config/config.ts';
import { loadConfig } from './config/load-config.ts';
import { discoverProject } from './project/discover-project.ts';
import { filterIgnored } from './project/glob-match.ts';
import { applyBaseline, BaselineError, formatBaseline, readBaseline } from './baseline.ts';
import { compareFindings, LEVELS, type Finding, type Level } from './findings.ts';
import { FactsCache } from './project/facts-cache.ts';
import { formatCompact } from './format/compact.ts';
import { formatGithub } from './format/github.ts';
import { formatJson } from './format/json.ts';
import { formatSarif } from './format/sarif.ts';
import { failsRun, formatText, type FailOn } from './format/text.ts';
import { formatPoolsHtml } from './format/pools-html.ts';
import { formatPoolsJson } from './format/pools-json.ts';
import { formatPoolsText } from './format/pools-text.ts';
import { buildPoolInventory, type PoolInventory } from './model/pool-inventory.ts';
import type { ProjectModel } from './model/project-model.ts';
import { RULES } from '../rules/index.ts';
import type { SourceText } from './source/source-text.ts';
import { VERSION, INFORMATION_URI, RULE_DOCS_URI, BUILD_ID } from './version.ts';

export const FORMATS = ['text', 'sarif', 'json', 'compact', 'github'] as const;
export type Format = (typeof FORMATS)[number];
export const POOLS_FORMATS = ['text', 'json', 'html'] as const;
export type PoolsFormat = (typeof POOLS_FORMATS)[number];

export interface CliIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** stderr is a terminal: a progress line may be shown there. */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
}

/** What is analyzed and what is reported: shared by the CLI and the GitHub Action. */
export interface AnalysisOptions {
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

interface Options extends AnalysisOptions {
  format: Format;
  output?: string;
  failOn: FailOn;
  color?: boolean;
  preCommit: boolean;
  writeBaseline?: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

const HELP = `Usage: resty-lint [paths...] [options]
       resty-lint --pre-commit [options] [files...]
       resty-lint pools [paths...] [--format text|json|html] [--output file]

Finds connection-pool misuse in OpenResty Lua code (resty.redis and other cosocket clients).
Paths are files or directories (default: .); node_modules, .git and .gitignore'd paths are skipped.
'resty-lint pools' lists every connection pool instead (resty-lint pools --help); to analyze a directory
named pools, write ./pools.

Options:
  -f, --format <text|sarif|json|compact|github>
                                          output format (default: text); github prints GitHub Actions
                                          annotations (at most 10 per level, most important first)
  -c, --config <file>                     config file (default: .resty-lint.json/.yaml/.yml here or above)
      --nginx-conf <file>                 an nginx config to read besides those found (repeatable)
  -o, --output <file>                     write the report to a file instead of stdout
      --fail-on <error|warning|note|none> lowest level that makes the exit code 1 (default: warning)
      --cache <dir> / --no-cache          per-file facts cache (default: node_modules/.cache/resty-lint when
                                          node_modules exists, or cacheDir from the config file)
      --baseline <file>                   report only findings that are not in this baseline file
      --write-baseline <file>             record the current findings in a baseline file (exit 0)
      --report-only <file>                analyze all the paths, but report (and count for the exit code) only
                                          findings located in this file or pointing into it (repeatable)
      --pre-commit                        for pre-commit hooks: the arguments that are not options are the
                                          files to report on (as with --report-only), and the project analyzed
                                          is the current directory
      --color / --no-color                force colors on or off (default: on for a TTY, off with NO_COLOR)
  -v, --version                           print the version
  -h, --help                              print this help

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above --fail-on, 2 usage error or internal failure.
`;

const POOLS_HELP = `Usage: resty-lint pools [paths...] [options]

Lists every connection pool of the code: its key, client, server, pool_size and idle timeouts, the sites that
return its connections (set_keepalive), close them or never release them, the nginx entry points that reach
it, the findings that touch it, and the connections the pools may keep open against a Redis maxclients.
Numbers that rest on an assumption (worker_processes auto, a default pool_size, a default maxclients) say so.

Options:
  -f, --format <text|json|html>   output format (default: text); html is one self-contained page
  -o, --output <file>             write to a file instead of stdout (html source links are relative to it)
  -c, --config <file>             config file (default: .resty-lint.json/.yaml/.yml here or above)
      --nginx-conf <file>         an nginx config to read besides those found (repeatable)
  -h, --help                      print this help

Exit codes: 0 the inventory was written (findings do not change it), 2 usage or configuration error.
`;

class UsageError extends Error {}

interface PoolsOptions extends AnalysisOptions {
  format: PoolsFormat;
  output?: string;
}

/** Options that take a value (as the next argument), for finding the subcommand among the arguments. */
const VALUE_OPTIONS = new Set(['-f', '--format', '-o', '--output', '-c', '--config', '--nginx-conf', '--fail-on', '--report-only', '--baseline', '--write-baseline']);

/** Index of the `pools` subcommand: the first argument that is neither an option nor an option's value. */
function poolsCommandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return -1;
    if (a.startsWith('-') && a !== '-') {
      if (VALUE_OPTIONS.has(a)) i++;
      continue;
    }
    return a === 'pools' ? i : -1;
  }
  return -1;
}

function parsePoolsArgs(argv: readonly string[]): PoolsOptions | 'help' {
  const opts: PoolsOptions = { paths: [], format: 'text', nginxConf: [] };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const take = (name: string): string => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`${name} needs a value`);
      i++;
      return v;
    };
    switch (arg) {
      case '-h':
      case '--help':
        return 'help';
      case '-f':
      case '--format': {
        const f = take(arg);
        if (!(POOLS_FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown pools format "${f}" (expected one of: ${POOLS_FORMATS.join(', ')})`);
        opts.format = f as PoolsFormat;
        break;
      }
      case '-o':
      case '--output':
        opts.output = take(arg);
        break;
      case '-c':
      case '--config':
        opts.config = take(arg);
        break;
      case '--nginx-conf':
        opts.nginxConf.push(take(arg));
        break;
      case '--':
        opts.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg} for 'resty-lint pools'`);
        opts.paths.push(arg);
    }
  }
  return opts;
}

function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  const opts: Options = { paths: [], format: 'text', failOn: 'warning', nginxConf: [], preCommit: false };
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const take = (name: string): string => {
      if (inline !== undefined) return inline;
      const v = value(i, name);
      i++;
      return v;
    };
    switch (arg) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '-f':
      case '--format': {
        const f = take(arg);
        if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format "${f}" (expected one of: ${FORMATS.join(', ')})`);
        opts.format = f as Format;
        break;
      }
      case '-o':
      case '--output':
        opts.output = take(arg);
        break;
      case '-c':
      case '--config':
        opts.config = take(arg);
        break;
      case '--nginx-conf':
        opts.nginxConf.push(take(arg));
        break;
      case '--fail-on': {
        const f = take(arg);
        if (f !== 'none' && !(LEVELS as readonly string[]).includes(f)) throw new UsageError(`unknown --fail-on level "${f}" (expected error, warning, note or none)`);
        opts.failOn = f as FailOn;
        break;
      }
      case '--report-only':
        (opts.reportOnly ??= []).push(take(arg));
        break;
      case '--pre-commit':
        opts.preCommit = true;
        break;
      case '--cache':
        opts.cache = take(arg);
        break;
      case '--no-cache':
        opts.cache = false;
        break;
      case '--baseline':
        opts.baseline = take(arg);
        break;
      case '--write-baseline':
        opts.writeBaseline = take(arg);
        break;
      case '--color':
        opts.color = true;
        break;
      case '--no-color':
        opts.color = false;
        break;
      case '--':
        opts.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        opts.paths.push(arg);
    }
  }
  if (opts.preCommit) {
    // pre-commit appends the staged file names: they select what is reported, the whole checkout is analyzed.
    opts.reportOnly = [...(opts.reportOnly ?? []), ...opts.paths];
    opts.paths = [];
  }
  return opts;
}

export function runCli(argv: readonly string[], io: CliIo): number {
  const pools = poolsCommandIndex(argv);
  if (pools >= 0) return runPoolsCommand([...argv.slice(0, pools), ...argv.slice(pools + 1)], io);
  let opts: Options | 'help' | 'version';
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`resty-lint: ${e.message}\nRun 'resty-lint --help' for usage.\n`);
      return EXIT_ERROR;
    }
    throw e;
  }
  if (opts === 'help') {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (opts === 'version') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  return guarded(io, () => run(opts, io));
}

/** Config errors and internal failures: a message and exit 2. */
function guarded(io: CliIo, body: () => number): number {
  try {
    return body();
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`resty-lint: configuration error: ${e.message}\n`);
      return EXIT_ERROR;
    }
    io.stderr(`resty-lint: internal error: ${(e as Error).stack ?? e}\n`);
    return EXIT_ERROR;
  }
}

function runPoolsCommand(argv: readonly string[], io: CliIo): number {
  let opts: PoolsOptions | 'help';
  try {
    opts = parsePoolsArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`resty-lint: ${e.message}\nRun 'resty-lint pools --help' for usage.\n`);
      return EXIT_ERROR;
    }
    throw e;
  }
  if (opts === 'help') {
    io.stdout(POOLS_HELP);
    return EXIT_OK;
  }
  const pools = opts;
  return guarded(io, () => {
    let result: ProjectRun;
    try {
      result = analyzeProject(io.cwd, pools);
    } catch (e) {
      if (!(e instanceof MissingPathError)) throw e;
      io.stderr(`resty-lint: ${e.message}\n`);
      return EXIT_ERROR;
    }
    const inventory = buildPoolInventory(result.model, result.findings);
    const output = pools.output ? path.resolve(io.cwd, pools.output) : undefined;
    const linkBase = output ? relativeLinkBase(path.dirname(output), io.cwd) : '';
    const report = renderPools(inventory, pools.format, { filesAnalyzed: result.filesAnalyzed, linkBase });
    if (output) {
      writeAtomically(output, report);
      io.stderr(`resty-lint: ${inventory.pools.length} pool(s)${inventory.unknown.count > 0 ? ` and ${inventory.unknown.count} use(s) with an unknown pool` : ''} written to ${pools.output}\n`);
    } else {
      io.stdout(report);
    }
    return EXIT_OK;
  });
}

/** The pools inventory in one of its formats. `linkBase`: see PoolsHtmlOptions. */
export function renderPools(inventory: PoolInventory, format: PoolsFormat, opts: { filesAnalyzed: number; linkBase: string }): string {
  switch (format) {
    case 'json':
      return formatPoolsJson(inventory, { toolVersion: VERSION, filesAnalyzed: opts.filesAnalyzed });
    case 'html':
      return formatPoolsHtml(inventory, { toolVersion: VERSION, filesAnalyzed: opts.filesAnalyzed, linkBase: opts.linkBase });
    case 'text':
      return formatPoolsText(inventory, { filesAnalyzed: opts.filesAnalyzed });
  }
}

/** The `/`-separated relative path from `fromDir` to `toDir` ('' when they are the same), for HTML links. */
export function relativeLinkBase(fromDir: string, toDir: string): string {
  return path.relative(fromDir, toDir).split(path.sep).join('/');
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
  sources: ReadonlyMap<string, SourceText>;
  /** The linked project (for the pools inventory). */
  model: ProjectModel;
}

/** Loads the config, finds the project's files and analyzes them. Throws ConfigError and MissingPathError. */
export function analyzeProject(cwd: string, opts: AnalysisOptions): ProjectRun {
  const config = loadConfig({
    cwd,
    explicitPath: opts.config,
    knownRuleIds: RULES.map((r) => r.meta.id),
    knownClients: CLIENT_PROFILES.map((p) => p.module),
  });
  const found = discoverProject(cwd, opts.paths, [...config.nginxConf, ...opts.nginxConf]);
  if (found.missing.length > 0) throw new MissingPathError(found.missing);
  const result = analyze({
    cwd,
    files: filterIgnored(found.lua, config.ignore),
    nginxConfs: filterIgnored(found.nginx, config.ignore),
    redisConfs: filterIgnored(found.redis, config.ignore),
    wrappers: config.wrappers,
    ruleLevels: config.rules,
    maxFileBytes: config.maxFileBytes,
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
  return { findings, suppressed, filesAnalyzed: result.filesAnalyzed, sources: result.sources, model: result.model };
}

function factsCache(cwd: string, flag: string | false | undefined, configured: string | undefined): FactsCache | undefined {
  if (flag === false) return undefined;
  // The default cache only for built bundles: a build id keeps entries from other builds apart.
  const fallback = BUILD_ID && fs.existsSync(path.join(cwd, 'node_modules')) ? 'node_modules/.cache/resty-lint' : undefined;
  const dir = flag ?? configured ?? fallback;
  return dir ? new FactsCache(path.resolve(cwd, dir)) : undefined;
}

/** On a terminal, a progress line on stderr for runs longer than a second (never in machine output). */
function progressReporter(io: CliIo): ((done: number, total: number) => void) | undefined {
  if (!io.stderrIsTTY) return undefined;
  const start = Date.now();
  let shown = false;
  return (done, total) => {
    if (Date.now() - start < 1000 && !shown) return;
    shown = true;
    io.stderr(done === total ? '\r\x1b[K' : `\rresty-lint: ${done}/${total} files`);
  };
}

/** The findings whose location or one of whose related locations is in one of `files` (paths relative to
 *  cwd or absolute; compared normalized, relative to cwd, `/`-separated). A file that was not analyzed (or
 *  does not exist) matches nothing. */
export function selectReportOnly(findings: readonly Finding[], cwd: string, files: readonly string[]): Finding[] {
  const wanted = new Set(files.map((f) => path.relative(cwd, path.resolve(cwd, f)).split(path.sep).join('/')));
  return findings.filter((f) => wanted.has(f.location.file) || f.related.some((r) => wanted.has(r.file)));
}

export interface RenderOptions {
  failOn: FailOn;
  color: boolean;
}

/** The report of a run in one of the output formats. */
export function renderReport(run: ProjectRun, format: Format, opts: RenderOptions): string {
  const { findings } = run;
  switch (format) {
    case 'sarif':
      return formatSarif({
        findings: [...findings, ...run.suppressed],
        rules: RULES.map((r) => r.meta),
        toolVersion: VERSION,
        informationUri: INFORMATION_URI,
        helpUriBase: RULE_DOCS_URI,
      });
    case 'json':
      return formatJson(findings, { toolVersion: VERSION, filesAnalyzed: run.filesAnalyzed });
    case 'compact':
      return formatCompact(findings);
    case 'github':
      return formatGithub(findings);
    case 'text':
      return formatText(findings, {
        color: opts.color,
        failOn: opts.failOn,
        filesAnalyzed: run.filesAnalyzed,
        lineText: (file, line) => run.sources.get(file)?.lineText(line),
      });
  }
}

function run(opts: Options, io: CliIo): number {
  let result: ProjectRun;
  try {
    result = analyzeProject(io.cwd, { ...opts, onProgress: progressReporter(io) });
  } catch (e) {
    if (!(e instanceof MissingPathError) && !(e instanceof BaselineError)) throw e;
    io.stderr(`resty-lint: ${e.message}\n`);
    return EXIT_ERROR;
  }
  if (opts.writeBaseline) {
    writeAtomically(path.resolve(io.cwd, opts.writeBaseline), formatBaseline(result.findings));
    io.stderr(`resty-lint: ${result.findings.length} finding(s) recorded in ${opts.writeBaseline}; later runs with --baseline report only new ones\n`);
    return EXIT_OK;
  }
  const findings = result.findings;
  const fails = failsRun(findings, opts.failOn);
  const color = opts.color ?? (io.isTTY && !opts.output && !io.env.NO_COLOR && opts.format === 'text');
  const report = renderReport(result, opts.format, { failOn: opts.failOn, color });
  if (opts.output) {
    writeAtomically(path.resolve(io.cwd, opts.output), report);
    if (opts.format !== 'text') io.stderr(summaryLine(findings.map((f) => f.level), result.filesAnalyzed, opts.output, fails, opts.failOn));
  } else {
    io.stdout(report);
  }
  return fails ? EXIT_FINDINGS : EXIT_OK;
}

function summaryLine(levels: Level[], files: number, output: string, fails: boolean, failOn: FailOn): string {
  const count = (l: Level) => levels.filter((x) => x === l).length;
  return (
    `resty-lint: ${levels.length} finding(s) (${count('error')} error, ${count('warning')} warning, ${count('note')} note) in ${files} file(s), written to ${output}; ` +
    `exit ${fails ? 1 : 0}: ${fails ? 'findings at or above' : 'nothing at or above'} --fail-on ${failOn}\n`
  );
}

/** Temporary file + rename: an interrupted run never leaves a truncated report behind. */
export function writeAtomically(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}
