// Runs every fixture project under fixtures/lua/ through the analyzer and compares its findings with the
// `expect:` / `ok:` comments written in the fixture files. Each directory is analyzed as one project.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.ts';
import { discover } from '../src/discover.ts';
import { formatSarif } from '../src/format/sarif.ts';
import { RULES } from '../rules/index.ts';
import { readExpectations } from './support/expectations.ts';
import { assertValidSarif, REPO_ROOT } from './support/sarif-validate.ts';

const FIXTURES = join(REPO_ROOT, 'fixtures', 'lua');

const projects = readdirSync(FIXTURES)
  .filter((d) => statSync(join(FIXTURES, d)).isDirectory())
  .sort();

describe('fixture projects', () => {
  it('exist', () => expect(projects.length).toBeGreaterThan(10));

  for (const project of projects) {
    it(project, () => {
      const { files } = discover(REPO_ROOT, [`fixtures/lua/${project}`]);
      expect(files.length).toBeGreaterThan(0);
      const result = analyze({ cwd: REPO_ROOT, files });
      const expectations = files.flatMap((f) => readExpectations(f, join(REPO_ROOT, f)));
      expect(expectations.length, 'a fixture without expectations asserts nothing').toBeGreaterThan(0);

      const actual = result.findings.map((f) => `${f.location.file}:${f.location.startLine} ${f.ruleId}`).sort();
      const expected = expectations.filter((e) => e.kind === 'expect').map((e) => `${e.file}:${e.line} ${e.ruleId}`).sort();
      expect(actual, JSON.stringify(result.findings.map((f) => [f.location.file, f.location.startLine, f.message]), null, 1)).toEqual(expected);
      for (const ok of expectations.filter((e) => e.kind === 'ok')) {
        expect(actual).not.toContain(`${ok.file}:${ok.line} ${ok.ruleId}`);
      }
      assertValidSarif(
        formatSarif({ findings: result.findings, rules: RULES.map((r) => r.meta), toolVersion: '0.0.0-test', informationUri: 'https://example.invalid/resty-lint' }),
      );
    });
  }
});
