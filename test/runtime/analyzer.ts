// The static half of a runtime claim: resty-lint's findings on a fixture app (lint) and describeLint.
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverProject } from '../../src/project/discover-project.ts';
import { analyze } from '../support/analyze.ts';
import { FIXTURES, REPO_ROOT } from './paths.ts';

/** Rule ids resty-lint reports (active findings) for a fixture app directory, e.g. `pool-mixed-lifecycle/bad`. */
export function lint(app: string): { ruleIds: string[]; findings: { ruleId: string; file: string; line: number; message: string }[] } {
  const dir = relative(REPO_ROOT, join(FIXTURES, app));
  const files = discoverProject(REPO_ROOT, [dir]);
  const result = analyze({ cwd: REPO_ROOT, files: files.lua, nginxConfs: files.nginx, redisConfs: files.redis });
  const findings = result.findings
    .filter((f) => !f.suppressions?.length)
    .map((f) => ({ ruleId: f.ruleId, file: f.location.file, line: f.location.startLine, message: f.message }));
  return { ruleIds: [...new Set(findings.map((f) => f.ruleId))].sort(), findings };
}

/**
 * The static half of a runtime claim: resty-lint reports `ruleId` on `<claim>/bad` and not on `<claim>/fixed`.
 * Needs no runtime, so it always runs.
 */
export function describeLint(ruleId: string, claim: string = ruleId): void {
  describe(`${claim}: resty-lint on fixtures/runtime/${claim}`, () => {
    it(`reports ${ruleId} on bad/`, () => {
      const bad = lint(`${claim}/bad`);
      expect(bad.ruleIds, JSON.stringify(bad.findings, null, 1)).toContain(ruleId);
    });
    it(`does not report ${ruleId} on fixed/`, () => {
      const fixed = lint(`${claim}/fixed`);
      expect(fixed.ruleIds, JSON.stringify(fixed.findings, null, 1)).not.toContain(ruleId);
    });
  });
}
