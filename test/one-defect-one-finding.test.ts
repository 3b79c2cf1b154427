// A never-released connection of a pool that another path keeps alive is one defect: it is reported as
// pool-mixed-lifecycle (which names the unreleased path), not also as connection-not-released. Turning
// pool-mixed-lifecycle off must not lose it.
import { describe, expect, it } from 'vitest';
import { analyze } from './support/analyze.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const FILE = 'fixtures/lua/never-released/handler.lua';

function at(line: number, levels?: Record<string, 'off'>) {
  const result = analyze({ cwd: REPO_ROOT, files: [FILE], ruleLevels: levels });
  return result.findings.filter((f) => f.location.startLine === line).map((f) => f.ruleId);
}

describe('one defect, one finding', () => {
  it('reports the unreleased site of a pooled pool once, as pool-mixed-lifecycle', () => {
    expect(at(12)).toEqual(['pool-mixed-lifecycle']);
  });

  it('keeps connection-not-released when pool-mixed-lifecycle is off', () => {
    expect(at(12, { 'pool-mixed-lifecycle': 'off' })).toEqual(['connection-not-released']);
  });
});
