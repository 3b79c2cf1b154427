// A baseline keeps recorded findings quiet across unrelated edits and lets new ones through.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from './support/analyze.ts';
import { applyBaseline, formatBaseline, readBaseline } from '../src/project/baseline.ts';

const dir = mkdtempSync(join(tmpdir(), 'resty-lint-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LONG = 'local redis = require "resty.redis"\nlocal r = redis:new()\nr:connect("127.0.0.1", 6379)\nr:set_keepalive(1000, 10)\n';
const SHORT = 'local redis = require "resty.redis"\nlocal q = redis:new()\nq:connect("127.0.0.1", 6379)\nq:close()\n';

function run() {
  return analyze({ cwd: dir, files: ['a.lua', 'b.lua'] });
}

describe('baseline', () => {
  it('records findings and then reports only new ones, across line shifts', () => {
    writeFileSync(join(dir, 'a.lua'), LONG);
    writeFileSync(join(dir, 'b.lua'), SHORT);
    const before = run().findings;
    expect(before.map((f) => f.ruleId)).toEqual(['pool-mixed-lifecycle']);
    writeFileSync(join(dir, 'baseline.json'), formatBaseline(before));
    const baseline = readBaseline(join(dir, 'baseline.json'));

    // Unrelated edit: lines above the finding move it from line 4 to line 7.
    writeFileSync(join(dir, 'b.lua'), `-- header\n-- more\n\n${SHORT}`);
    const shifted = applyBaseline(run().findings, baseline);
    expect(shifted.fresh).toEqual([]);
    expect(shifted.known.map((f) => [f.location.startLine, f.suppressions])).toEqual([[7, [{ kind: 'external', justification: 'in the baseline' }]]]);

    // A new short path is reported.
    writeFileSync(join(dir, 'b.lua'), `${SHORT}local z = redis:new()\nz:connect("127.0.0.1", 6379)\nz:close()\n`);
    expect(applyBaseline(run().findings, baseline).fresh.map((f) => f.location.startLine)).toEqual([7]);
  });

  it('rejects a file that is not a baseline', () => {
    writeFileSync(join(dir, 'bogus.json'), '{"results": []}');
    expect(() => readBaseline(join(dir, 'bogus.json'))).toThrow(/is not a resty-lint baseline/);
  });
});
