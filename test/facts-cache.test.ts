// The per-file facts cache: same findings warm as cold, only changed files recomputed, corruption harmless.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from './support/analyze.ts';
import { discover } from '../src/files/discover.ts';
import { FactsCache } from '../src/project/facts-cache.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const files = discover(REPO_ROOT, ['fixtures/lua']).files;
const strip = (r: ReturnType<typeof analyze>) => JSON.stringify([r.findings, r.suppressed]);

describe('facts cache', () => {
  const cold = analyze({ cwd: REPO_ROOT, files });

  it('gives the same findings on a cold and a warm cache, and hits on the second run', () => {
    const first = new FactsCache(join(tmp, 'a'));
    expect(strip(analyze({ cwd: REPO_ROOT, files, cache: first }))).toBe(strip(cold));
    expect(first.hits).toBe(0);
    const second = new FactsCache(join(tmp, 'a'));
    expect(strip(analyze({ cwd: REPO_ROOT, files, cache: second }))).toBe(strip(cold));
    expect(second.misses).toBe(0);
    // Every file read as source hits; bytecode (fixtures/lua/loads-like-ngx-lua/compiled.lua) is never parsed.
    expect(second.hits).toBe(files.filter((f) => cold.sources.has(f)).length);
    expect(second.hits).toBe(files.length - 1);
  });

  it('treats corrupt entries as misses', () => {
    const root = join(tmp, 'b');
    analyze({ cwd: REPO_ROOT, files, cache: new FactsCache(root) });
    const version = readdirSync(root)[0];
    for (const shard of readdirSync(join(root, version))) {
      for (const entry of readdirSync(join(root, version, shard))) writeFileSync(join(root, version, shard, entry), '{"facts": tru');
    }
    const again = new FactsCache(root);
    expect(strip(analyze({ cwd: REPO_ROOT, files, cache: again }))).toBe(strip(cold));
    expect(again.hits).toBe(0);
  });
});
