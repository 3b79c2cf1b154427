// Issue 14 item 8: discovery skips what git ignores (nested .gitignore files, .git/info/exclude, negations) and
// follows symbolic links inside the tree (a link cycle ends); a link out of the tree is noted, not followed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeProject } from '../../src/project/run-project.ts';
import { RULES } from '../../rules/index.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-walk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const LUA = 'local M = {}\nreturn M\n';

describe('discovery: git ignores and symbolic links', () => {
  it('skips nested .gitignore and info/exclude entries, follows links in the tree, notes links out of it', () => {
    const outside = join(tmp, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.lua'), LUA);
    const repo = join(tmp, 'repo');
    mkdirSync(join(repo, 'lua', 'sub'), { recursive: true });
    mkdirSync(join(repo, 'common'));
    execFileSync('git', ['init', '-q', repo]);
    writeFileSync(join(repo, 'lua', 'a.lua'), LUA);
    writeFileSync(join(repo, 'lua', 'sub', '.gitignore'), '*.gen.lua\n!keep.gen.lua\n');
    writeFileSync(join(repo, 'lua', 'sub', 'x.gen.lua'), LUA);
    writeFileSync(join(repo, 'lua', 'sub', 'keep.gen.lua'), LUA);
    appendFileSync(join(repo, '.git', 'info', 'exclude'), 'lua/local-only.lua\n');
    writeFileSync(join(repo, 'lua', 'local-only.lua'), LUA);
    writeFileSync(join(repo, 'common', 'real.lua'), LUA);
    symlinkSync('../common/real.lua', join(repo, 'lua', 'linked.lua'));
    symlinkSync('..', join(repo, 'lua', 'sub', 'loop'));
    symlinkSync(join(outside, 'secret.lua'), join(repo, 'lua', 'escape.lua'));

    const run = analyzeProject(join(repo, 'lua'), { paths: ['.'], nginxConf: [], cache: false, rules: RULES });
    expect([...run.sources.keys()].sort()).toEqual(['lua/a.lua', 'lua/linked.lua', 'lua/sub/keep.gen.lua']);
    const notes = [...run.findings, ...run.suppressed].filter((f) => f.ruleId === 'not-analyzed').map((f) => [f.location.file, f.message]);
    expect(notes).toEqual([['lua/escape.lua', expect.stringContaining('symbolic link was not followed (it leads outside the project')]]);
  });

  it('analyzes a directory named explicitly even when git ignores it; what is ignored below it stays skipped', () => {
    const repo = join(tmp, 'repo-named');
    mkdirSync(join(repo, 'vendor', 'app'), { recursive: true });
    execFileSync('git', ['init', '-q', repo]);
    writeFileSync(join(repo, '.gitignore'), 'vendor/\n');
    writeFileSync(join(repo, 'main.lua'), LUA);
    writeFileSync(join(repo, 'vendor', 'app', 'a.lua'), LUA);
    const whole = analyzeProject(repo, { paths: ['.'], nginxConf: [], cache: false, rules: RULES });
    expect([...whole.sources.keys()].sort()).toEqual(['main.lua']);
    const named = analyzeProject(repo, { paths: ['vendor/app'], nginxConf: [], cache: false, rules: RULES });
    expect([...named.sources.keys()].sort()).toEqual(['vendor/app/a.lua']);
  });
});
