// The GitHub Action (action.yml): the CLI's analysis run in-process, with the runner's plain interfaces:
// inputs from `INPUT_*` variables, outputs appended to $GITHUB_OUTPUT, a Markdown table appended to
// $GITHUB_STEP_SUMMARY (findings per rule, then the connection pools), the pools HTML report when
// `html-report` is set, annotations and the rest as workflow commands on stdout. No @actions/core.
import type { Rule } from '../model/rule.ts';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeProject, linkedModel, MissingPathError, type ProjectRun } from '../project/run-project.ts';
import { relativeLinkBase, renderPools, renderReport } from '../report/render.ts';
import { makeParentDirectory, writeAtomically, WriteError } from '../report/write-atomically.ts';
import { ConfigError } from '../config/config.ts';
import { compareFindings, LEVELS, levelRank, type Finding, type Level } from '../core/findings.ts';
import { escapeData, formatGithub } from '../format/github.ts';
import { failsRun, type FailOn } from '../format/text.ts';
import { formatPoolsMarkdown } from '../format/pools-text.ts';
import { buildPoolInventory } from '../pools/build-inventory.ts';

export interface ActionIo {
  env: Record<string, string | undefined>;
  /** The process's working directory (the workspace is used when GITHUB_WORKSPACE is set). */
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The action's root directory, which holds .github/resty-lint-matcher.json. */
  actionDir: string;
  /** The rule registry (rules/index.ts), passed in by the entry point. */
  rules: readonly Rule[];
}

export const MATCHER_FILE = path.join('.github', 'resty-lint-matcher.json');

interface Inputs {
  paths: string[];
  config?: string;
  failOn: FailOn;
  sarifFile: string;
  annotations: boolean;
  htmlReport?: string;
}

class InputError extends Error {}

/** An input as the runner passes it: `INPUT_` + the name upper-cased with spaces as `_` (hyphens are kept). */
export function getInput(env: ActionIo['env'], name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** `paths`: one path per line; when the value is a single line, paths separated by whitespace. */
export function splitPaths(value: string): string[] {
  const parts = value.includes('\n') ? value.split(/\r?\n/).map((l) => l.trim()) : value.split(/\s+/);
  return parts.filter((p) => p !== '');
}

function readInputs(env: ActionIo['env']): Inputs {
  const failOn = getInput(env, 'fail-on') || 'warning';
  if (failOn !== 'none' && !(LEVELS as readonly string[]).includes(failOn)) {
    throw new InputError(`input fail-on must be error, warning, note or none, got "${failOn}"`);
  }
  const annotations = (getInput(env, 'annotations') || 'on').toLowerCase();
  if (!['on', 'off', 'true', 'false'].includes(annotations)) {
    throw new InputError(`input annotations must be on or off, got "${annotations}"`);
  }
  const paths = splitPaths(getInput(env, 'paths'));
  return {
    paths: paths.length > 0 ? paths : ['.'],
    config: getInput(env, 'config') || undefined,
    failOn: failOn as FailOn,
    sarifFile: getInput(env, 'sarif-file') || 'resty-lint.sarif',
    annotations: annotations === 'on' || annotations === 'true',
    htmlReport: getInput(env, 'html-report') || undefined,
  };
}

/** Runs the action; returns the process exit code (0 pass, 1 findings at or above fail-on, 2 bad input or an
 *  output file that cannot be written). */
export function runAction(io: ActionIo): number {
  const out = io.stdout;
  let inputs: Inputs;
  let result: ProjectRun;
  const workspace = io.env.GITHUB_WORKSPACE || io.cwd;
  try {
    inputs = readInputs(io.env);
    result = analyzeProject(workspace, {
      paths: inputs.paths,
      config: inputs.config,
      nginxConf: [],
      rules: io.rules,
      needModel: true,
      onWarning: (message) => out(`::warning::${escapeData(`resty-lint: ${message}`)}\n`),
    });
  } catch (e) {
    if (e instanceof InputError || e instanceof MissingPathError) {
      out(`::error::${escapeData(`resty-lint: ${e.message}`)}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      out(`::error::${escapeData(`resty-lint: configuration error: ${e.message}`)}\n`);
      return 2;
    }
    io.stderr(`resty-lint: internal error: ${(e as Error).stack ?? e}\n`);
    out(`::error::${escapeData(`resty-lint: internal error: ${(e as Error).message ?? e}`)}\n`);
    return 2;
  }
  try {
    return report(io, inputs, result, workspace);
  } catch (e) {
    if (!(e instanceof WriteError)) throw e;
    out(`::error::${escapeData(`resty-lint: ${e.message}`)}\n`);
    return 2;
  }
}

/** Everything after the analysis: the report files, annotations, log, outputs and summary; the exit code. */
function report(io: ActionIo, inputs: Inputs, result: ProjectRun, workspace: string): number {
  const out = io.stdout;
  const { findings } = result;
  const fails = failsRun(findings, inputs.failOn);

  const sarifPath = path.resolve(workspace, inputs.sarifFile);
  makeParentDirectory(sarifPath);
  writeAtomically(sarifPath, renderReport(result, 'sarif', { failOn: inputs.failOn, color: false, warn: io.stderr }));

  if (inputs.annotations) {
    out(
      formatGithub(findings, {
        moreHint: `every finding is in this step's log and in ${inputs.sarifFile}`,
        reserved: fails ? { error: 1 } : {},
      }),
    );
  }

  // The full report, as text. It quotes source lines, and a line starting with `::` (a Lua label, or a
  // crafted one) would be read as a workflow command: commands are off while it prints.
  const token = `resty-lint-${randomUUID()}`;
  out(`::group::resty-lint report (${plural(findings.length, 'finding')})\n::stop-commands::${token}\n`);
  out(renderReport(result, 'text', { failOn: inputs.failOn, color: false }));
  out(`::${token}::\n::endgroup::\n`);

  // The pools inventory: a table in the job summary, and the self-contained HTML page when asked for.
  const inventory = buildPoolInventory(linkedModel(result), findings);
  if (inputs.htmlReport) {
    const htmlPath = path.resolve(workspace, inputs.htmlReport);
    makeParentDirectory(htmlPath);
    const linkBase = relativeLinkBase(path.dirname(htmlPath), workspace);
    writeAtomically(htmlPath, renderPools(inventory, 'html', { filesAnalyzed: result.filesAnalyzed, linkBase }));
    out(`resty-lint: pools report (${plural(inventory.pools.length, 'pool')}) written to ${inputs.htmlReport}\n`);
  }

  writeOutputs(io, { 'sarif-file': inputs.sarifFile, findings: String(findings.length) });
  if (io.env.GITHUB_STEP_SUMMARY) {
    fs.appendFileSync(io.env.GITHUB_STEP_SUMMARY, stepSummary(findings, result.filesAnalyzed, inputs, fails) + formatPoolsMarkdown(inventory));
  }

  // For later steps of the job that run `resty-lint --format compact` themselves. Registered last, so it
  // never sees this step's own output.
  if (inputs.annotations) {
    const matcher = path.join(io.actionDir, MATCHER_FILE);
    if (fs.existsSync(matcher)) out(`::add-matcher::${matcher}\n`);
    else io.stderr(`resty-lint: problem matcher ${matcher} not found; not registered\n`);
  }

  if (result.internalErrors > 0) {
    out(`::error::${escapeData(`resty-lint: internal error on ${plural(result.internalErrors, 'file')} (reported as internal-error); the results are incomplete`)}\n`);
    return 2;
  }
  if (fails) {
    const atOrAbove = findings.filter((f) => levelRank(f.level) >= levelRank(inputs.failOn as Level)).length;
    out(`::error::${escapeData(`resty-lint: ${plural(atOrAbove, 'finding')} at or above fail-on level "${inputs.failOn}" (${breakdown(findings)})`)}\n`);
    return 1;
  }
  return 0;
}

/** `name<<delimiter` blocks, the form @actions/core writes: safe for any value without the delimiter. */
function writeOutputs(io: ActionIo, outputs: Record<string, string>): void {
  const file = io.env.GITHUB_OUTPUT;
  if (!file) {
    io.stderr('resty-lint: GITHUB_OUTPUT is not set; outputs not written\n');
    return;
  }
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (value.includes(delimiter)) throw new Error(`output ${name} contains its delimiter`);
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  fs.appendFileSync(file, text);
}

/** Markdown for $GITHUB_STEP_SUMMARY: totals, then one row per rule with its first three locations. */
export function stepSummary(findings: readonly Finding[], filesAnalyzed: number, inputs: Pick<Inputs, 'failOn' | 'sarifFile'>, fails: boolean): string {
  const lines = ['## resty-lint', ''];
  if (findings.length === 0) {
    lines.push(`No findings in ${plural(filesAnalyzed, 'file')} analyzed.`);
  } else {
    lines.push(
      `**${plural(findings.length, 'finding')}** (${breakdown(findings)}) in ${plural(filesAnalyzed, 'file')} analyzed; ` +
        (fails ? `the step fails (fail-on: ${inputs.failOn}).` : `nothing at or above fail-on: ${inputs.failOn}.`),
      '',
      '| Rule | Level | Findings | Top locations |',
      '| --- | --- | ---: | --- |',
    );
    const byRule = new Map<string, Finding[]>();
    for (const f of [...findings].sort(compareFindings)) {
      const list = byRule.get(f.ruleId) ?? [];
      list.push(f);
      byRule.set(f.ruleId, list);
    }
    const worst = (list: Finding[]) => Math.max(...list.map((f) => levelRank(f.level)));
    const rows = [...byRule].sort(([a, x], [b, y]) => worst(y) - worst(x) || y.length - x.length || (a < b ? -1 : a > b ? 1 : 0));
    for (const [ruleId, list] of rows) {
      const level = LEVELS.find((l) => levelRank(l) === worst(list))!;
      const top = list.slice(0, 3).map((f) => mdText(`${f.location.file}:${f.location.startLine}`));
      if (list.length > 3) top.push(`and ${list.length - 3} more`);
      lines.push(`| \`${ruleId}\` | ${level} | ${list.length} | ${top.join(', ')} |`);
    }
  }
  lines.push('', `Full report: ${mdText(inputs.sarifFile)} (SARIF 2.1.0).`, '');
  return `${lines.join('\n')}\n`;
}

/** Plain text in a Markdown table cell: Markdown and HTML syntax characters (and `|`) escaped. */
function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+!|~&]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

function breakdown(findings: readonly Finding[]): string {
  return LEVELS.map((l) => plural(findings.filter((f) => f.level === l).length, l)).join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
