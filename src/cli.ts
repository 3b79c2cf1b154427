// `resty-lint [paths...] [options]`: argument parsing, running the analysis, writing the report.
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
import { formatCompact } from './format/compact.ts';
import { formatGithub } from './format/github.ts';
import { formatJson } from './format/json.ts';
import { formatSarif } from './format/sarif.ts';
import { failsRun, formatText, type FailOn } from './format/text.ts';
import { RULES } from '../rules/index.ts';
import type { SourceText } from './source/source-text.ts';
import { VERSION, INFORMATION_URI, RULE_DOCS_URI } from './version.ts';

export const FORMATS = ['text', 'sarif', 'json', 'compact', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
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

Finds connection-pool misuse in OpenResty Lua code (resty.redis and other cosocket clients).
Paths are files or directories (default: .); node_modules, .git and .gitignore'd paths are skipped.

Options:
  -f, --format <text|sarif|json|compact|github>
                                          output format (default: text); github prints GitHub Actions
                                          annotations (at most 10 per level, most important first)
  -c, --config <file>                     config file (default: .resty-lint.json/.yaml/.yml here or above)
      --nginx-conf <file>                 an nginx config to read besides those found (repeatable)
  -o, --output <file>                     write the report to a file instead of stdout
      --fail-on <error|warning|note|none> lowest level that makes the exit code 1 (default: warning)
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

class UsageError extends Error {}

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
  try {
    return run(opts, io);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`resty-lint: configuration error: ${e.message}\n`);
      return EXIT_ERROR;
    }
    io.stderr(`resty-lint: internal error: ${(e as Error).stack ?? e}\n`);
    return EXIT_ERROR;
  }
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
  });
  const select = (list: Finding[]) => (opts.reportOnly ? selectReportOnly(list, cwd, opts.reportOnly) : list);
  let findings = select(result.findings);
  let suppressed = select(result.suppressed);
  if (opts.baseline) {
    const { fresh, known } = applyBaseline(findings, readBaseline(path.resolve(cwd, opts.baseline)));
    findings = fresh;
    suppressed = [...suppressed, ...known].sort(compareFindings);
  }
  return { findings, suppressed, filesAnalyzed: result.filesAnalyzed, sources: result.sources };
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
    result = analyzeProject(io.cwd, opts);
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
