// SARIF 2.1.0 output, shaped for GitHub code scanning and checked against the OASIS schema and the
// SARIF Multitool's `Sarif;Gh` rules (see test/format/sarif.test.ts).
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Fix as SarifFix, Location, Log, Run, Suppression } from 'sarif';
import { compareFindings, levelRank, type Finding, type Fix, type Level, type SourceSpan } from '../core/findings.ts';
import { toSarifText } from '../core/message-text.ts';
import type { RuleMeta } from '../model/rule.ts';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/** A finding that a suppression mechanism (inline comment, baseline file) has matched. Typed here rather than
 *  in findings.ts so that only SARIF, the format that can carry it, needs to know. */
export interface SarifSuppression {
  kind: 'inSource' | 'external';
  justification?: string;
}
export type SarifFinding = Finding & { suppressions?: SarifSuppression[] };

export interface SarifInput {
  findings: SarifFinding[];
  /** Every rule that ran (a rule with no findings is still listed, so consumers can show it as "passed"). */
  rules: RuleMeta[];
  toolVersion: string;
  informationUri: string;
  /** Each rule's helpUri is `<helpUriBase>/<id>.md`. */
  helpUriBase?: string;
  /** `file:` URI of the directory paths are relative to. Omitted by default: it would make the output depend
   *  on the machine it ran on, and GitHub resolves `%SRCROOT%` against the checkout anyway. */
  srcRootUri?: string;
  /** Results kept at most (default SARIF_MAX_RESULTS); the most severe are kept. */
  maxResults?: number;
  /** Told, in one line, how many results were left out when there are more than maxResults. */
  warn?: (line: string) => void;
  /** A finding's mechanical fix as text edits (src/fix/), written as the result's `fixes`. */
  fixOf?: (f: Finding) => Fix | undefined;
}

/**
 * Results per run. GitHub code scanning rejects a run with more than 25,000 results and stores only 5,000 of
 * an accepted one ("Results per run: 25,000. Only the top 5,000 results will be included, prioritized by
 * severity.", https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit;
 * the REST API: "a maximum of 5000 results per analysis run. Any results over this limit are ignored and any
 * SARIF uploads with more than 25,000 results are rejected.",
 * https://docs.github.com/en/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data). Which 5,000 it
 * keeps is not what the table says (https://github.com/github/docs/issues/38085), so the log holds the 5,000
 * that matter most: active findings before suppressed ones, then errors, warnings, notes.
 */
export const SARIF_MAX_RESULTS = 5000;

/** GitHub's `problem.severity` vocabulary. */
const PROBLEM_SEVERITY: Record<Level, string> = { error: 'error', warning: 'warning', note: 'recommendation' };

/** Byte-identical for identical input: 2-space indent, trailing newline, no timestamps or absolute paths. */
export function formatSarif(input: SarifInput): string {
  return `${JSON.stringify(buildSarifLog(input), null, 2)}\n`;
}

export function buildSarifLog(input: SarifInput): Log {
  const rules = [...input.rules].sort((a, b) => cmp(a.id, b.id));
  const known = new Set(rules.map((r) => r.id));
  for (const f of input.findings) {
    if (!known.has(f.ruleId)) throw new Error(`SARIF: finding for rule '${f.ruleId}', which is not in the rule list`);
  }

  const builder = new SarifBuilder({ $schema: SARIF_SCHEMA_URI });
  const run = new SarifRunBuilder({ columnKind: 'utf16CodeUnits' }).initSimple({
    toolDriverName: 'resty-lint',
    toolDriverVersion: input.toolVersion,
    url: input.informationUri,
  });
  if (input.srcRootUri !== undefined) {
    const uri = input.srcRootUri.endsWith('/') ? input.srcRootUri : `${input.srcRootUri}/`; // SARIF1004: must end with '/'
    run.run.originalUriBaseIds = { [SRCROOT]: { uri } };
  }

  for (const meta of rules) run.addRule(ruleBuilder(meta, input.helpUriBase));
  const { kept, omitted } = mostSevere(input.findings, input.maxResults ?? SARIF_MAX_RESULTS);
  for (const f of kept.sort(compareFindings)) run.addResult(resultBuilder(f, input.fixOf?.(f)));
  builder.addRun(run);

  const log = builder.buildSarifOutput();
  for (const r of log.runs) postProcess(r);
  if (omitted.length > 0) {
    const byLevel: Record<Level, number> = { error: 0, warning: 0, note: 0 };
    for (const f of omitted) byLevel[f.level]++;
    const total = kept.length + omitted.length;
    log.runs[0].properties = { omittedResults: { count: omitted.length, ...byLevel, total, limit: kept.length } };
    const levels = (Object.keys(byLevel) as Level[]).filter((l) => byLevel[l] > 0).map((l) => `${byLevel[l]} ${l}${byLevel[l] === 1 ? '' : 's'}`);
    input.warn?.(
      `resty-lint: the SARIF log holds the ${kept.length} most severe of ${total} results (GitHub code scanning stores at most ` +
        `${SARIF_MAX_RESULTS} per run); ${omitted.length} left out (${levels.join(', ')}): run with --format text or json to see them all\n`,
    );
  }
  return log;
}

/** The `limit` results that matter most (unsuppressed first, then by level), and the others. */
function mostSevere(findings: readonly SarifFinding[], limit: number): { kept: SarifFinding[]; omitted: SarifFinding[] } {
  if (findings.length <= limit) return { kept: [...findings], omitted: [] };
  const suppressed = (f: SarifFinding) => (f.suppressions && f.suppressions.length > 0 ? 1 : 0);
  const ranked = [...findings].sort((a, b) => suppressed(a) - suppressed(b) || levelRank(b.level) - levelRank(a.level) || compareFindings(a, b));
  return { kept: ranked.slice(0, limit), omitted: ranked.slice(limit) };
}

function ruleBuilder(meta: RuleMeta, helpUriBase: string | undefined): SarifRuleBuilder {
  // The builder has no help/level/properties setters: pass them to the constructor, then initSimple.
  const rule = new SarifRuleBuilder({
    name: meta.name,
    help: { text: meta.help.text, markdown: meta.help.markdown },
    defaultConfiguration: { level: meta.defaultLevel },
    properties: {
      tags: [...meta.tags],
      precision: meta.precision,
      'problem.severity': PROBLEM_SEVERITY[meta.defaultLevel],
      ...(meta.securitySeverity !== undefined ? { 'security-severity': meta.securitySeverity } : {}),
    },
  }).initSimple({
    ruleId: meta.id,
    shortDescriptionText: meta.shortDescription,
    fullDescriptionText: meta.fullDescription,
    helpUri: helpUriBase === undefined ? undefined : `${helpUriBase.replace(/\/+$/, '')}/${meta.id}.md`,
  });
  return rule;
}

function resultBuilder(f: SarifFinding, fix: Fix | undefined): SarifResultBuilder {
  const options: ConstructorParameters<typeof SarifResultBuilder>[0] = {};
  if (fix) options.fixes = [sarifFix(fix)];
  if (f.related.length > 0) {
    options.relatedLocations = [...f.related]
      .sort((a, b) => a.id - b.id)
      .map((r) => ({ id: r.id, ...physical(r), message: { text: toSarifText(r.message, () => false) } }));
  }
  options.partialFingerprints = { primaryLocationLineHash: f.fingerprint };
  if (f.suppressions && f.suppressions.length > 0) {
    options.suppressions = f.suppressions.map((s): Suppression => {
      const out: Suppression = { kind: s.kind };
      if (s.justification !== undefined) out.justification = s.justification;
      return out;
    });
  }
  const { location: l } = f;
  const result = new SarifResultBuilder(options).initSimple({
    level: f.level,
    // May hold `[label](id)` links: SARIF's own embedded-link syntax, resolved by viewers against relatedLocations.
    // Any other `[`, `]` or `\` is escaped (SARIF 2.1.0 §3.11.6), so a pool name cannot break a link.
    messageText: toSarifText(f.message, (id) => f.related.some((r) => r.id === id)),
    ruleId: f.ruleId,
    fileUri: fileUri(l.file),
    startLine: l.startLine,
    startColumn: l.startColumn,
    endLine: l.endLine,
    endColumn: l.endColumn,
  });
  return result;
}

/** SARIF 2.1.0 §3.55: the edits grouped by file, each a deleted region and the text inserted in its place. */
function sarifFix(fix: Fix): SarifFix {
  const files = [...new Set(fix.edits.map((e) => e.location.file))];
  return {
    description: { text: fix.description },
    artifactChanges: files.map((file) => ({
      artifactLocation: { uri: fileUri(file), uriBaseId: SRCROOT },
      replacements: fix.edits
        .filter((e) => e.location.file === file)
        .map((e) => ({ deletedRegion: physical(e.location).physicalLocation!.region!, insertedContent: { text: e.text } })),
    })),
  };
}

function physical(span: SourceSpan): Pick<Location, 'physicalLocation'> {
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(span.file), uriBaseId: SRCROOT },
      region: {
        startLine: span.startLine,
        startColumn: span.startColumn,
        endLine: span.endLine,
        endColumn: span.endColumn,
      },
    },
  };
}

/** What node-sarif-builder can't be told, done on its finished log:
 *  - It derives `run.artifacts[]` from primary locations only (files seen only in relatedLocations are
 *    missing) and stamps `artifactLocation.index` on primary locations but not on related ones. The array
 *    adds nothing GitHub uses (its `sourceLanguage` is guessed from the extension: "unknown" for nginx.conf),
 *    so drop it and the indexes rather than fix them up.
 *  - initSimple's artifactLocation carries only `uri`; add `uriBaseId` so primary and related agree.
 *  - It writes `ruleIndex` only when the rule is found; formatSarif already rejects unknown rule ids. */
function postProcess(run: Run): void {
  delete run.artifacts;
  for (const result of run.results ?? []) {
    for (const loc of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
      const art = loc.physicalLocation?.artifactLocation;
      if (!art) continue;
      delete art.index;
      art.uriBaseId = SRCROOT;
    }
    reorder(result, RESULT_KEYS);
  }
  for (const rule of run.tool.driver.rules ?? []) reorder(rule, RULE_KEYS);
  reorder(run.tool.driver, DRIVER_KEYS);
  reorder(run, RUN_KEYS);
}

// Key order is already deterministic; these put the identifying keys first (and the long arrays last)
// so the log reads naturally. Keys not listed follow, alphabetically.
const RUN_KEYS = ['tool', 'originalUriBaseIds', 'columnKind', 'results'];
const DRIVER_KEYS = ['name', 'version', 'informationUri', 'rules'];
const RULE_KEYS = ['id', 'name', 'shortDescription', 'fullDescription', 'help', 'helpUri', 'defaultConfiguration', 'properties'];
const RESULT_KEYS = ['ruleId', 'ruleIndex', 'level', 'message', 'locations', 'relatedLocations', 'partialFingerprints', 'suppressions', 'fixes'];

function reorder(obj: object, first: string[]): void {
  const rec = obj as Record<string, unknown>;
  const rank = (k: string) => {
    const i = first.indexOf(k);
    return i === -1 ? first.length : i;
  };
  const entries = Object.entries(rec).sort((a, b) => rank(a[0]) - rank(b[0]) || cmp(a[0], b[0]));
  for (const [k] of entries) delete rec[k];
  for (const [k, v] of entries) rec[k] = v;
}

/** A relative posix path as a relative URI reference: each segment percent-encoded where URI syntax needs it
 *  (spaces, `%`, `#`, `?`, non-ASCII...). `:` is encoded too, so a first segment never reads as a scheme. */
export function fileUri(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/%(2[46BC]|3[BD]|40)/g, (m) => decodeURIComponent(m)))
    .join('/');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
