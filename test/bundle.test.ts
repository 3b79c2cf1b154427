// The bundled executable (dist/, built by scripts/build.mjs and committed for npx, the Action and pre-commit):
// it runs from bin/ as npx runs it, and it is what the current sources build to.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/sarif-validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the bundled executable', () => {
  it('runs from bin/ the way npx does', () => {
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/resty-lint.cjs'), 'examples/mixed-pool', '--format', 'compact'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^examples\/mixed-pool\/users\.lua:22:3: warning \[pool-mixed-lifecycle\]/);
  });

  it('is rebuilt from the current sources (dist/ is committed for npx, the Action and pre-commit)', () => {
    const out = join(tmp, 'dist');
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs'), out], { cwd: REPO_ROOT });
    for (const bundle of ['resty-lint.cjs', 'action.cjs']) {
      const fresh = readFileSync(join(out, bundle), 'utf8');
      const committed = readFileSync(join(REPO_ROOT, 'dist', bundle), 'utf8');
      expect(fresh === committed, `dist/${bundle} is stale: run \`npm run build\` and commit it`).toBe(true);
    }
  });
});
