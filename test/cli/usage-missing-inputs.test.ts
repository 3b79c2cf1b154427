// Issue 14 item 14: an --nginx-conf that does not exist is a usage error (exit 2) like a missing path, and a
// --report-only file the run never analyzed is warned about instead of reading as "no problems".
import { runCliCaptured } from '../support/run-cli.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'resty-lint-missing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'a.lua'), 'local x = 1\nreturn x\n');

const cli = (args: string[]) => runCliCaptured(args, { cwd: dir });

describe('inputs that name nothing', () => {
  it('--nginx-conf missing.conf exits 2 with one line naming it', () => {
    const r = cli(['--no-cache', '--nginx-conf', 'missing.conf']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('resty-lint: no such file or directory: missing.conf\n');
    expect(r.out).toBe('');
    expect(cli(['pools', '--nginx-conf', 'missing.conf']).code).toBe(2);
  });

  it('--report-only typo.lua warns that the file was not analyzed', () => {
    const r = cli(['--no-cache', '--report-only', 'typo.lua', '--report-only', 'a.lua']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^resty-lint: warning: --report-only typo\.lua: this file was not analyzed/);
    expect(r.err).not.toContain('a.lua');
  });
});
