// The progress a run reports (the CLI's progress line on a terminal, cleared when done === total): it must end at
// the total whatever the run did with each file (analyzed, taken from the cache, unchanged since the last run,
// not analyzed), or the line stays on the terminal before the report.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeProject } from '../src/project/run-project.ts';
import { RULES } from '../rules/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'resty-lint-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'lua'));
for (let i = 0; i < 20; i++) writeFileSync(join(dir, 'lua', `m${i}.lua`), `local M = {}\nfunction M.f${i}() return ${i} end\nreturn M\n`);
writeFileSync(join(dir, 'lua', 'broken.lua'), 'local x = = 1\n');

function progress(cache: string | false, needModel = false): Array<[number, number]> {
  const calls: Array<[number, number]> = [];
  analyzeProject(dir, { paths: ['.'], nginxConf: [], cache, rules: RULES, needModel, onProgress: (done, total) => calls.push([done, total]) });
  return calls;
}

/** Counts up by one from 1 and ends at the total. */
function expectComplete(calls: Array<[number, number]>, total: number): void {
  expect(calls.length).toBe(total);
  expect(calls.map(([done]) => done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  expect(calls.every(([, t]) => t === total)).toBe(true);
}

describe('progress', () => {
  it('counts every file once, up to the total, without a cache', () => {
    expectComplete(progress(false), 21);
  });

  it('reaches the total when files come from the cache or are unchanged since the last run', () => {
    const cache = join(dir, '.cache');
    expectComplete(progress(cache), 21);
    // Unchanged: the run keeps its last findings.
    expectComplete(progress(cache), 21);
    // One file changed: the others' facts are loaded from the cache.
    writeFileSync(join(dir, 'lua', 'm3.lua'), 'local M = {}\nreturn M\n');
    expectComplete(progress(cache), 21);
    expectComplete(progress(cache, true), 21);
  });

  it('counts a file over the size limit and a bytecode file, which are reported, not analyzed', () => {
    const config = join(dir, '.resty-lint.json');
    const big = join(dir, 'lua', 'big.lua');
    const bytecode = join(dir, 'lua', 'compiled.lua');
    writeFileSync(config, JSON.stringify({ maxFileBytes: 2000 }));
    writeFileSync(big, `return "${'x'.repeat(3000)}"\n`);
    writeFileSync(bytecode, Buffer.from('\x1bLJ\x02\x00\x00', 'latin1'));
    try {
      expectComplete(progress(false), 23);
    } finally {
      for (const f of [config, big, bytecode]) rmSync(f);
    }
  });
});
