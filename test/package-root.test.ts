// A package root above the repository: fixtures/projects/urlshortener/ holds its modules at its top level but
// requires them as "urlshortener.<name>" (nginx's lua_package_path names the checkout's parent directory).
// Run as `resty-lint` inside that directory, the first segment of such a name is the analyzed directory's own
// name, and only that segment is dropped (src/link/module-resolver.ts). test/projects.test.ts analyzes the same
// fixture from the repository root, where the name resolves by its path suffix instead.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeProject, linkedModel } from '../src/project/run-project.ts';
import { RULES } from '../rules/index.ts';
import { readExpectations } from './support/expectations.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const DIR = join(REPO_ROOT, 'fixtures', 'projects', 'urlshortener');
const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-package-root-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(cwd: string) {
  const result = analyzeProject(cwd, { paths: ['.'], nginxConf: [], cache: false, rules: RULES, needModel: true });
  const requires = (file: string) => linkedModel(result).units.find((u) => u.path === file)?.requires;
  const findings = result.findings.map((f) => `${f.location.file}:${f.location.startLine} ${f.ruleId}`).sort();
  return { findings, requires };
}

describe('a package root above the analyzed directory', () => {
  it('drops the directory\'s own name from a require name that does not resolve otherwise', () => {
    // A checkout of its own (outside this repository, whose root would be the project root).
    const checkout = join(tmp, 'own', 'urlshortener');
    cpSync(DIR, checkout, { recursive: true });
    const r = run(checkout);
    const expectations = ['shorten.lua', 'admin.lua', 'redis_utils.lua'].flatMap((f) => readExpectations(f, join(DIR, f)));
    const expected = expectations.filter((e) => e.kind === 'expect').map((e) => `${e.file}:${e.line} ${e.ruleId}`).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(r.findings).toEqual(expected);
    for (const ok of expectations.filter((e) => e.kind === 'ok')) expect(r.findings).not.toContain(`${ok.file}:${ok.line} ${ok.ruleId}`);
    expect(r.requires('shorten.lua')).toEqual(['redis_utils.lua']);
    // "otherapp" is not the directory's name: that require stays unresolved.
    expect(r.requires('admin.lua')).toEqual(['redis_utils.lua']);
  });

  it('under another directory name, nothing is dropped', () => {
    const copy = join(tmp, 'shortener-copy');
    cpSync(DIR, copy, { recursive: true });
    const r = run(copy);
    expect(r.requires('shorten.lua')).toEqual([]);
    expect(r.requires('admin.lua')).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});
