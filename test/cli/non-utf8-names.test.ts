// Issue 14 item 9: a file whose name is not valid UTF-8 is read (by its bytes), not reported as ENOENT.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeProject } from '../../src/project/run-project.ts';
import { RULES } from '../../rules/index.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-names-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('file names that are not UTF-8', () => {
  it('are read: a syntax error in such a file is found', () => {
    const dir = join(tmp, 'project');
    mkdirSync(dir);
    // "caf\xe9.lua" in Latin-1: the byte 0xE9 alone is not UTF-8.
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.lua')]), 'local = 1\n');
    const run = analyzeProject(dir, { paths: ['.'], nginxConf: [], cache: false, rules: RULES });
    expect(run.findings.map((f) => [f.ruleId, f.location.file])).toEqual([['syntax-error', 'caf\uFFFD.lua']]);
  });

  it('are read below a directory whose name is not UTF-8, and a UTF-8 name that is not ASCII is read as it is', () => {
    const dir = join(tmp, 'project-dir');
    const latin1Dir = Buffer.concat([Buffer.from(`${dir}/d`), Buffer.from([0xe9])]);
    mkdirSync(latin1Dir, { recursive: true });
    writeFileSync(Buffer.concat([latin1Dir, Buffer.from('/a.lua')]), 'local = 1\n');
    mkdirSync(join(dir, 'caf\u00e9'));
    writeFileSync(join(dir, 'caf\u00e9', 'b.lua'), 'local = 2\n');
    const run = analyzeProject(dir, { paths: ['.'], nginxConf: [], cache: false, rules: RULES });
    expect(run.findings.map((f) => [f.ruleId, f.location.file])).toEqual([
      ['syntax-error', 'caf\u00e9/b.lua'],
      ['syntax-error', 'd\uFFFD/a.lua'],
    ]);
  });
});
