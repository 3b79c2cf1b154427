// A run's findings (or its pool inventory) in one of the output formats.
import path from 'node:path';
import { formatCompact } from '../format/compact.ts';
import { formatGithub } from '../format/github.ts';
import { formatJson } from '../format/json.ts';
import { formatPoolsHtml } from '../format/pools-html.ts';
import { formatPoolsJson } from '../format/pools-json.ts';
import { formatPoolsText } from '../format/pools-text.ts';
import { formatSarif } from '../format/sarif.ts';
import { fixOf } from '../fix/call-rewrite.ts';
import { formatText, type FailOn } from '../format/text.ts';
import type { PoolInventory } from '../pools/inventory-types.ts';
import type { ProjectRun } from '../project/run-project.ts';
import { INFORMATION_URI, RULE_DOCS_URI, VERSION } from '../core/version.ts';

/** Report formats of the analysis and of the pools inventory. */
export const FORMATS = ['text', 'sarif', 'json', 'compact', 'github'] as const;
export type Format = (typeof FORMATS)[number];
export const POOLS_FORMATS = ['text', 'json', 'html'] as const;
export type PoolsFormat = (typeof POOLS_FORMATS)[number];

export interface RenderOptions {
  failOn: FailOn;
  color: boolean;
  /** The terminal's width, when the text report goes to one. */
  width?: number;
  /** Where a one-line note about the report itself goes (stderr): results a SARIF log had to leave out. */
  warn?: (line: string) => void;
}

/** The report of a run in one of the output formats. */
export function renderReport(run: ProjectRun, format: Format, opts: RenderOptions): string {
  const { findings } = run;
  switch (format) {
    case 'sarif':
      return formatSarif({
        findings: [...findings, ...run.suppressed],
        rules: run.rules.map((r) => r.meta),
        toolVersion: VERSION,
        informationUri: INFORMATION_URI,
        helpUriBase: RULE_DOCS_URI,
        warn: opts.warn,
        fixOf: (f) => fixOf(f, run.sources),
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
        width: opts.width,
        lineText: (file, line) => run.sources.get(file)?.lineText(line),
      });
  }
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
