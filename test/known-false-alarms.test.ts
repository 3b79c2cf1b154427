// False alarms found on real code that the analysis cannot avoid yet, kept as projects under
// fixtures/known-false-alarms/ whose `ok:` marks say what a correct analysis does not report. Each test checks that
// the alarm is still raised and that nothing else is: the day the analysis stops raising it, the test fails, and the
// project moves to fixtures/lua/ as an ordinary must-not-flag fixture.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './support/analyze.ts';
import { discover } from '../src/files/discover.ts';
import { readExpectations } from './support/expectations.ts';
import { projectsUnder } from './support/fixture-check.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const KNOWN = join(REPO_ROOT, 'fixtures', 'known-false-alarms');

const projects = projectsUnder(KNOWN);

describe('known false alarms', () => {
  it('exist', () => expect(projects.length).toBeGreaterThan(0));

  for (const project of projects) {
    it(`${project}: still raised on an ok: line, and nothing else`, () => {
      const { files } = discover(REPO_ROOT, [`fixtures/known-false-alarms/${project}`]);
      const result = analyze({ cwd: REPO_ROOT, files });
      expect(result.internalErrors).toBe(0);
      const marks = files.flatMap((f) => readExpectations(f, join(REPO_ROOT, f)));
      const key = (file: string, line: number, ruleId: string) => `${file}:${line} ${ruleId}`;
      const known = new Set(marks.filter((m) => m.kind === 'ok').map((m) => key(m.file, m.line, m.ruleId)));
      const actual = result.findings.map((f) => key(f.location.file, f.location.startLine, f.ruleId));
      // When this fails, the analysis avoids the alarm now: move the project to fixtures/lua/.
      expect(actual.filter((k) => known.has(k)).length).toBeGreaterThan(0);
      expect(actual.filter((k) => !known.has(k)).sort()).toEqual(marks.filter((m) => m.kind === 'expect').map((m) => key(m.file, m.line, m.ruleId)).sort());
    });
  }
});
