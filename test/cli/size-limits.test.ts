// Issue 14 item 16: config files and nginx/redis files have a size limit, as Lua files do, with a clear note
// (a 33 MB config aborted V8; a 100 MB nginx.conf took 25 s and 3.2 GB).
import { runCliCaptured } from '../support/run-cli.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-size-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (cwd: string, args: string[]) => runCliCaptured(args, { cwd });

describe('size limits for configuration files', () => {
  it('a config file over 1 MiB is a configuration error, not parsed', () => {
    const dir = join(tmp, 'big-config');
    mkdirSync(dir);
    const patterns = Array.from({ length: 120_000 }, (_, i) => `"p${i}/**"`).join(',');
    writeFileSync(join(dir, '.resty-lint.json'), `{"ignore":[${patterns}]}`);
    writeFileSync(join(dir, 'a.lua'), 'return 1\n');
    const r = cli(dir, ['--no-cache']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^resty-lint: configuration error: \.resty-lint\.json: config file is \d+ bytes, over the 1048576-byte limit/);
  });

  it('an nginx.conf or an include over maxFileBytes is noted and not parsed', () => {
    const dir = join(tmp, 'big-nginx');
    mkdirSync(dir);
    writeFileSync(join(dir, '.resty-lint.json'), '{"maxFileBytes": 2000}');
    const filler = `${'# padding line\n'.repeat(200)}`;
    writeFileSync(join(dir, 'nginx.conf'), `http { include big.inc; server { listen 80; } }\n`);
    writeFileSync(join(dir, 'big.inc'), `${filler}lua_code_cache off;\n`);
    writeFileSync(join(dir, 'redis.conf'), `${filler}port 6379\n`);
    const r = cli(dir, ['--no-cache', '-f', 'json', '--fail-on', 'none']);
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.out).findings as { ruleId: string; message: string; location: { file: string } }[];
    const notes = findings.filter((f) => f.ruleId === 'not-analyzed').map((f) => [f.location.file, f.message]);
    expect(notes).toEqual([
      ['big.inc', expect.stringMatching(/^Not analyzed: \d+ bytes is over the 2000-byte limit/)],
      ['redis.conf', expect.stringMatching(/^Not analyzed: \d+ bytes is over the 2000-byte limit/)],
    ]);
    // The oversized include was not read: its lua_code_cache off is not seen.
    expect(findings.some((f) => f.ruleId === 'code-cache-off')).toBe(false);
  });
});
