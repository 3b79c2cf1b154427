// The one assertion both fixture harnesses make: a project's findings are exactly its `expect:` comments,
// none of its `ok:` comments are hit, and its SARIF is schema-valid.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { AnalysisResult } from '../../src/project/analyze.ts';
import { formatSarif } from '../../src/format/sarif.ts';
import { RULES } from '../../rules/index.ts';
import { readExpectations } from './expectations.ts';
import { assertValidSarif, REPO_ROOT } from './sarif-validate.ts';

export function expectFindingsMatchComments(result: AnalysisResult, files: readonly string[]): void {
  const expectations = files.flatMap((f) => readExpectations(f, join(REPO_ROOT, f)));
  expect(expectations.length, 'a fixture without expectations asserts nothing').toBeGreaterThan(0);
  const actual = result.findings.map((f) => `${f.location.file}:${f.location.startLine} ${f.ruleId}`).sort();
  const expected = expectations.filter((e) => e.kind === 'expect').map((e) => `${e.file}:${e.line} ${e.ruleId}`).sort();
  expect(actual, JSON.stringify(result.findings.map((f) => [f.location.file, f.location.startLine, f.message]), null, 1)).toEqual(expected);
  for (const ok of expectations.filter((e) => e.kind === 'ok')) expect(actual).not.toContain(`${ok.file}:${ok.line} ${ok.ruleId}`);
  assertValidSarif(
    formatSarif({ findings: result.findings, rules: RULES.map((r) => r.meta), toolVersion: '0.0.0-test', informationUri: 'https://example.invalid/resty-lint' }),
  );
}

/** The fixture projects under `dir`: its subdirectories, sorted. */
export function projectsUnder(dir: string): string[] {
  return readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory())
    .sort();
}
