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

describe('what pool-mixed-lifecycle claims follows the path that leaves the connection', () => {
  const finding = (file: string, line: number) =>
    analyze({ cwd: REPO_ROOT, files: [file] }).findings.find((f) => f.ruleId === 'pool-mixed-lifecycle' && f.location.startLine === line);

  it('claims the collapse of reuse where the function ends without a release', () => {
    const f = finding('fixtures/lua/never-released/handler.lua', 21);
    expect(f?.level).toBe('warning');
    expect(f?.message).toContain("reuse collapses");
  });

  it('does not where only an early return inside a branch leaves it (a note)', () => {
    const f = finding('fixtures/lua/not-released-traps/handler.lua', 20);
    expect(f?.level).toBe('note');
    expect(f?.message).toContain('early return');
    expect(f?.message).not.toContain('collapses');
  });
});

describe('an early return on another backend failure says which operation failed', () => {
  it('names the failed operation and stays a note', () => {
    const result = analyze({ cwd: REPO_ROOT, files: ['fixtures/lua/graded-early-returns/handler.lua'] });
    const byLine = (line: number) => result.findings.find((f) => f.ruleId === 'pool-mixed-lifecycle' && f.location.startLine === line);
    expect(byLine(22)).toMatchObject({ level: 'note' });
    expect(byLine(22)?.message).toContain('taken when `connect()` fails');
    expect(byLine(42)).toMatchObject({ level: 'warning' });
    // Both branches end the request before the release: that is the main path.
    expect(byLine(52)).toMatchObject({ level: 'warning' });
    // A redirect in a branch is the successful outcome, not a rare early return.
    expect(byLine(67)).toMatchObject({ level: 'warning' });
  });
});
