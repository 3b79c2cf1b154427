// Issue 14 item 8: discovery skips what git ignores (nested .gitignore files, .git/info/exclude, negations) and
// follows symbolic links inside the tree (a link cycle ends); a link out of the tree is noted, not followed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
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

  // The work tree's top is found by looking for `.git` upwards, as git does, without asking git (a process less).
  it('keeps git\'s ignores for a tree reached through a symbolic link, under a hook\'s GIT_DIR, and past a .git that is no repository', () => {
    const repo = join(tmp, 'repo-top');
    mkdirSync(join(repo, 'lua', 'gen'), { recursive: true });
    execFileSync('git', ['init', '-q', repo]);
    writeFileSync(join(repo, '.gitignore'), 'gen/\n*.tmp.lua\n!keep.tmp.lua\n');
    writeFileSync(join(repo, 'lua', 'a.lua'), LUA);
    writeFileSync(join(repo, 'lua', 'gen', 'g.lua'), LUA);
    writeFileSync(join(repo, 'lua', 'x.tmp.lua'), LUA);
    writeFileSync(join(repo, 'lua', 'keep.tmp.lua'), LUA);
    const analyzed = (cwd: string) => [...analyzeProject(cwd, { paths: ['.'], nginxConf: [], cache: false, rules: RULES }).sources.keys()].sort();
    // git's answer, negation included
    expect(analyzed(join(repo, 'lua'))).toEqual(['lua/a.lua', 'lua/keep.tmp.lua']);
    const alias = join(tmp, 'repo-top-alias');
    symlinkSync(repo, alias);
    expect(analyzed(join(alias, 'lua'))).toEqual(['lua/a.lua', 'lua/keep.tmp.lua']);
    // a repository kept apart from its work tree (no .git above it), as a hook or a dotfiles setup runs git
    const gitDir = join(tmp, 'repo-top.git');
    renameSync(join(repo, '.git'), gitDir);
    process.env.GIT_DIR = gitDir;
    process.env.GIT_WORK_TREE = repo;
    try {
      expect(analyzed(repo)).toEqual(['lua/a.lua', 'lua/keep.tmp.lua']);
    } finally {
      delete process.env.GIT_DIR;
      delete process.env.GIT_WORK_TREE;
    }
    // not a repository: the .gitignore files are read (without negations: leaving them out only analyzes more)
    const plain = join(tmp, 'not-a-repo');
    mkdirSync(join(plain, '.git'), { recursive: true });
    mkdirSync(join(plain, 'gen'));
    writeFileSync(join(plain, '.gitignore'), 'gen/\n');
    writeFileSync(join(plain, 'a.lua'), LUA);
    writeFileSync(join(plain, 'gen', 'g.lua'), LUA);
    mkdirSync(join(plain, 'sub', 'deep'), { recursive: true });
    writeFileSync(join(plain, 'sub', '.gitignore'), '*.gen.lua\n');
    writeFileSync(join(plain, 'sub', 'deep', 'x.gen.lua'), LUA);
    writeFileSync(join(plain, 'sub', 'deep', 'y.lua'), LUA);
    writeFileSync(join(plain, 'z.gen.lua'), LUA);
    expect(analyzed(plain)).toEqual(['a.lua', 'sub/deep/y.lua', 'z.gen.lua']);
  });
});
