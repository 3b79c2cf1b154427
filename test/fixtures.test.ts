// Runs every fixture project under fixtures/lua/ through the analyzer and compares its findings with the
// `expect:` / `ok:` comments written in the fixture files. Each directory is analyzed as one project.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from './support/analyze.ts';
import { discover } from '../src/files/discover.ts';
import { expectFindingsMatchComments, projectsUnder } from './support/fixture-check.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const FIXTURES = join(REPO_ROOT, 'fixtures', 'lua');

const projects = projectsUnder(FIXTURES);

describe('fixture projects', () => {
  it('exist', () => expect(projects.length).toBeGreaterThan(10));

  for (const project of projects) {
    it(project, () => {
      const { files } = discover(REPO_ROOT, [`fixtures/lua/${project}`]);
      expect(files.length).toBeGreaterThan(0);
      const result = analyze({ cwd: REPO_ROOT, files });
      expectFindingsMatchComments(result, files);
    });
  }
});
