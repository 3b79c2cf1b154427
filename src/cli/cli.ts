// `resty-lint [paths...] [options]` and `resty-lint pools [paths...]`: parse, run, write the report, exit code.
import path from 'node:path';
import { BaselineError, formatBaseline } from '../project/baseline.ts';
import { ConfigError } from '../config/config.ts';
import type { Level } from '../core/findings.ts';
import type { Rule } from '../model/rule.ts';
import { applyFixes } from '../fix/apply-fixes.ts';
import { failsRun, type FailOn } from '../format/text.ts';
import { buildPoolInventory } from '../pools/build-inventory.ts';
import { analyzeProject, linkedModel, MissingPathError, type ProjectRun } from '../project/run-project.ts';
import { relativeLinkBase, renderPools, renderReport } from '../report/render.ts';
import { writeAtomically, WriteError } from '../report/write-atomically.ts';
import { VERSION } from '../core/version.ts';
import { HELP, parseArgs, parsePoolsArgs, poolsCommandIndex, POOLS_HELP, UsageError, type Options, type PoolsOptions } from './args.ts';

export interface CliIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** stdout's width in columns, when it is a terminal (the text report wraps at it). */
  columns?: number;
  /** stderr is a terminal: a progress line may be shown there. */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  /** The rule registry (rules/index.ts), passed in by the entry point. */
  rules: readonly Rule[];
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

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

/** Config errors, an output that cannot be written and internal failures: a message and exit 2. */
function guarded(io: CliIo, body: () => number): number {
  try {
    return body();
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`resty-lint: configuration error: ${e.message}\n`);
      return EXIT_ERROR;
    }
    if (e instanceof WriteError) {
      io.stderr(`resty-lint: ${e.message}\n`);
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
      result = analyzeProject(io.cwd, { ...pools, rules: io.rules, onWarning: warner(io), needModel: true });
    } catch (e) {
      if (!(e instanceof MissingPathError)) throw e;
      io.stderr(`resty-lint: ${e.message}\n`);
      return EXIT_ERROR;
    }
    const inventory = buildPoolInventory(linkedModel(result), result.findings);
    const output = pools.output ? path.resolve(io.cwd, pools.output) : undefined;
    const linkBase = output ? relativeLinkBase(path.dirname(output), result.root) : '';
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

/** A problem the run works around: one line on stderr. */
function warner(io: CliIo): (message: string) => void {
  return (message) => io.stderr(`resty-lint: warning: ${message}\n`);
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

function run(opts: Options, io: CliIo): number {
  let result: ProjectRun;
  try {
    result = analyzeProject(io.cwd, { ...opts, rules: io.rules, onProgress: progressReporter(io), onWarning: warner(io) });
    if (opts.fix) {
      const fixed = applyFixes(result.root, result.findings, result.sources, writeAtomically);
      io.stderr(`resty-lint: ${fixed.applied} fix(es) applied in ${fixed.files.length} file(s)${fixed.files.length > 0 ? `: ${fixed.files.join(', ')}` : ''}\n`);
      if (fixed.notUtf8.length > 0) io.stderr(`resty-lint: warning: --fix left ${fixed.notUtf8.length} file(s) alone, not valid UTF-8: ${fixed.notUtf8.join(', ')}\n`);
      // What is reported is what remains in the fixed files.
      if (fixed.applied > 0) result = analyzeProject(io.cwd, { ...opts, rules: io.rules, onWarning: warner(io) });
    }
  } catch (e) {
    if (!(e instanceof MissingPathError) && !(e instanceof BaselineError)) throw e;
    io.stderr(`resty-lint: ${e.message}\n`);
    return EXIT_ERROR;
  }
  // A --report-only file that was not analyzed would read as "no problems"; pre-commit passes every staged
  // .conf, nginx or not, so its file names are not warned about.
  if (!opts.preCommit) {
    for (const f of result.notAnalyzed) io.stderr(`resty-lint: warning: --report-only ${f}: this file was not analyzed (no such file, or not a Lua or nginx file under the analyzed paths), so nothing is reported on it\n`);
  }
  if (opts.writeBaseline) {
    writeAtomically(path.resolve(io.cwd, opts.writeBaseline), formatBaseline(result.findings));
    io.stderr(`resty-lint: ${result.findings.length} finding(s) recorded in ${opts.writeBaseline}; later runs with --baseline report only new ones\n`);
    return EXIT_OK;
  }
  const findings = result.findings;
  const fails = failsRun(findings, opts.failOn);
  const color = opts.color ?? (io.isTTY && !opts.output && !io.env.NO_COLOR && opts.format === 'text');
  const report = renderReport(result, opts.format, { failOn: opts.failOn, color, width: opts.output ? undefined : io.columns, warn: io.stderr });
  if (opts.output) {
    writeAtomically(path.resolve(io.cwd, opts.output), report);
    if (opts.format !== 'text') io.stderr(summaryLine(findings.map((f) => f.level), result.filesAnalyzed, opts.output, fails, opts.failOn));
  } else {
    io.stdout(report);
  }
  if (result.internalErrors > 0) {
    // The report is written (nothing found is lost), but a run that skipped files through our fault fails.
    io.stderr(`resty-lint: internal error on ${result.internalErrors} file(s) (reported as internal-error); the results are incomplete\n`);
    return EXIT_ERROR;
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

