// Issue 14 item 4: SARIF URIs, fingerprints and baselines are relative to one root (the git root, else the config
// file's directory, else the working directory), whatever the working directory and the path arguments.
import { runCliCaptured } from '../support/run-cli.ts';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/sarif-validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-root-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (cwd: string, args: string[]) => runCliCaptured(args, { cwd });

/** (uri, fingerprint) of each SARIF result, related locations' URIs too. */
function sarifIdentity(cwd: string, args: string[]): string[] {
  const log = JSON.parse(cli(cwd, [...args, '--no-cache', '-f', 'sarif']).out);
  return log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; partialFingerprints: Record<string, string>; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
    [r.locations[0].physicalLocation.artifactLocation.uri, JSON.stringify(r.partialFingerprints), ...(r.relatedLocations ?? []).map((l) => l.physicalLocation.artifactLocation.uri)].join(' '),
  );
}

function project(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'lua'), { recursive: true });
  cpSync(join(REPO_ROOT, 'fixtures/lua/classic-mix'), join(dir, 'lua'), { recursive: true });
  return dir;
}

describe('one root for paths and fingerprints', () => {
  it('in a git repository: the same SARIF from the root, from a subdirectory and from outside', () => {
    const dir = project('repo');
    execFileSync('git', ['init', '-q', dir]);
    const fromRoot = sarifIdentity(dir, ['.']);
    expect(fromRoot.length).toBeGreaterThan(0);
    expect(fromRoot[0]).toMatch(/^lua\/admin\.lua /);
    expect(sarifIdentity(join(dir, 'lua'), ['..'])).toEqual(fromRoot);
    expect(sarifIdentity(join(dir, 'lua'), ['.'])).toEqual(fromRoot);
    expect(sarifIdentity(join(dir, 'lua'), [])).toEqual(fromRoot);
    expect(sarifIdentity(tmp, [join(dir, 'lua')])).toEqual(fromRoot);
    // A baseline written at the root matches from the subdirectory.
    const baseline = join(tmp, 'repo-baseline.json');
    expect(cli(dir, ['--no-cache', '--write-baseline', baseline]).code).toBe(0);
    expect(cli(join(dir, 'lua'), ['..', '--no-cache', '--baseline', baseline, '-f', 'compact'])).toMatchObject({ code: 0, out: '' });
    // --report-only is relative to cwd.
    expect(cli(join(dir, 'lua'), ['..', '--no-cache', '--report-only', 'admin.lua', '-f', 'compact']).out).toMatch(/^lua\/admin\.lua:11:1: warning/);
  });

  it('without git: the config file\'s directory is the root', () => {
    const dir = project('configured');
    writeFileSync(join(dir, '.resty-lint.json'), '{}');
    const fromRoot = sarifIdentity(dir, ['.']);
    expect(fromRoot[0]).toMatch(/^lua\/admin\.lua /);
    expect(sarifIdentity(join(dir, 'lua'), ['..'])).toEqual(fromRoot);
  });
});
