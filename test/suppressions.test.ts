// Inline suppressions silence findings without losing them: they are kept for SARIF's `suppressions`.
import { describe, expect, it } from 'vitest';
import { analyze } from './support/analyze.ts';
import { formatSarif } from '../src/format/sarif.ts';
import { discoverProject } from '../src/project/discover-project.ts';
import { RULES } from '../rules/index.ts';
import { assertValidSarif, REPO_ROOT } from './support/sarif-validate.ts';

const DIR = 'fixtures/projects/suppressions';

describe('inline suppressions', () => {
  const files = discoverProject(REPO_ROOT, [DIR]);
  const result = analyze({ cwd: REPO_ROOT, files: files.lua, nginxConfs: files.nginx });

  it('keeps silenced findings, with their justification', () => {
    const silenced = result.suppressed.map((f) => [f.ruleId, f.location.startLine, f.suppressions?.[0].justification]);
    expect(silenced).toEqual([
      ['keepalive-unbounded-idle', 7, 'long-lived internal pool, reviewed'],
      ['pool-mixed-lifecycle', 14, 'runs once a day from cron'],
      ['pool-mixed-lifecycle', 22, 'the line before counts too'],
      ['code-cache-off', 4, 'local development config'],
    ]);
  });

  it('never reports a silenced finding', () => {
    const reported = result.findings.map((f) => `${f.location.file.split('/').pop()}:${f.location.startLine} ${f.ruleId}`);
    expect(reported.sort()).toEqual(['handler.lua:28 invalid-suppression', 'handler.lua:28 pool-mixed-lifecycle', 'nginx.conf:6 code-cache-off']);
  });

  it('writes them to SARIF as inSource suppressions', () => {
    const text = formatSarif({
      findings: [...result.findings, ...result.suppressed],
      rules: RULES.map((r) => r.meta),
      toolVersion: '0.0.0-test',
      informationUri: 'https://example.invalid/resty-lint',
    });
    assertValidSarif(text);
    const results = JSON.parse(text).runs[0].results as Array<{ ruleId: string; suppressions?: Array<{ kind: string; justification?: string }> }>;
    expect(results.filter((r) => r.suppressions).map((r) => r.suppressions)).toHaveLength(4);
    expect(results.find((r) => r.suppressions && r.ruleId === 'code-cache-off')?.suppressions).toEqual([{ kind: 'inSource', justification: 'local development config' }]);
  });
});
