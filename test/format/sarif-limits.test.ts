// Item 10: GitHub code scanning rejects a run of more than 25,000 results and stores 5,000. The SARIF log keeps
// the SARIF_MAX_RESULTS most severe (active findings before suppressed ones), records how many were left out
// in the run's properties and says so on the warn channel (stderr).
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { Finding, Level } from '../../src/core/findings.ts';
import { formatSarif, SARIF_MAX_RESULTS, type SarifFinding, type SarifInput } from '../../src/format/sarif.ts';
import { RULES } from '../../rules/index.ts';
import { validateSarifSchema } from '../support/sarif-validate.ts';

function finding(level: Level, line: number, extra: Partial<SarifFinding> = {}): SarifFinding {
  return {
    ruleId: 'pool-mixed-lifecycle',
    level,
    message: `m ${line}`,
    location: { file: 'a.lua', startLine: line, startColumn: 1, endLine: line, endColumn: 2 },
    related: [],
    fingerprint: `${line}:1`,
    ...extra,
  };
}

const BASE: Omit<SarifInput, 'findings'> = { rules: RULES.map((r) => r.meta), toolVersion: '0', informationUri: 'https://x' };

describe('SARIF result limit', () => {
  it('follows GitHub code scanning: 5,000 results stored per run, 25,000 accepted', () => {
    expect(SARIF_MAX_RESULTS).toBe(5000);
  });

  it('keeps the most severe results, records the rest in the run properties and warns once', () => {
    // Lines 1-4 notes, 5-7 warnings, 8 a suppressed error, 9-10 errors.
    const findings: Finding[] = [
      ...[1, 2, 3, 4].map((l) => finding('note', l)),
      ...[5, 6, 7].map((l) => finding('warning', l)),
      finding('error', 8, { suppressions: [{ kind: 'inSource' }] }),
      ...[9, 10].map((l) => finding('error', l)),
    ];
    const warnings: string[] = [];
    const log = JSON.parse(formatSarif({ ...BASE, findings, maxResults: 5, warn: (l) => warnings.push(l) })) as Log;
    const run = log.runs[0];
    expect(run.results?.map((r) => `${r.level}:${r.locations?.[0].physicalLocation?.region?.startLine}`)).toEqual([
      'warning:5',
      'warning:6',
      'warning:7',
      'error:9',
      'error:10',
    ]);
    expect(run.properties).toEqual({ omittedResults: { count: 5, error: 1, warning: 0, note: 4, total: 10, limit: 5 } });
    expect(warnings).toEqual([
      'resty-lint: the SARIF log holds the 5 most severe of 10 results (GitHub code scanning stores at most 5000 per run); ' +
        '5 left out (1 error, 4 notes): run with --format text or json to see them all\n',
    ]);
    expect(validateSarifSchema(log)).toEqual([]);
  });

  it('leaves a run within the limit untouched', () => {
    const warnings: string[] = [];
    const log = JSON.parse(formatSarif({ ...BASE, findings: [finding('note', 1), finding('error', 2)], maxResults: 2, warn: (l) => warnings.push(l) })) as Log;
    expect(log.runs[0].results).toHaveLength(2);
    expect(log.runs[0].properties).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('applies the default limit', () => {
    const findings = Array.from({ length: SARIF_MAX_RESULTS + 1 }, (_, i) => finding(i === 0 ? 'note' : 'warning', i + 1));
    const warnings: string[] = [];
    const log = JSON.parse(formatSarif({ ...BASE, findings, warn: (l) => warnings.push(l) })) as Log;
    expect(log.runs[0].results).toHaveLength(SARIF_MAX_RESULTS);
    expect(log.runs[0].results?.every((r) => r.level === 'warning')).toBe(true);
    expect(warnings).toHaveLength(1);
  });
});
