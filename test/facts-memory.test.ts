// Facts do not keep their file's text alive: a long identifier or string literal that luaparse cut from the source
// is, in V8, a slice holding the whole source string, so facts that keep such a slice keep the file in memory
// for the whole run (src/analysis/compact-facts.ts). Checked on the heap: the facts of 200 files of 40 KB (below
// the size where Node makes a string off the heap), once everything else about them is dropped, do not hold their
// 8 MB of text. And a run's facts are held by the units it hands to the model, not by the run: once those are
// dropped the facts can be collected, while the rules and the report still run (src/project/lua-file-units.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LUA_SYNTAX } from '../src/lua/parse-lua.ts';
import { factsJob } from '../src/project/facts-job.ts';
import { luaFileUnits } from '../src/project/lua-file-units.ts';
import type { SourceText } from '../src/source/source-text.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/** A module with long names (sliced from the source by the parser) after `kb` KB of comment lines. */
function moduleBytes(kb: number): Buffer {
  const comment = `-- ${'x'.repeat(76)}\n`;
  const code = [
    'local redis_connection_factory = require "resty.redis_connection_factory"',
    'local function connect_to_the_session_store(configuration_table)',
    '  local red = redis_connection_factory.new_connection_for("session-store-primary")',
    '  red:connect(configuration_table.session_store_host, 6379)',
    '  return red',
    'end',
    'return { connect_to_the_session_store = connect_to_the_session_store }',
    '',
  ].join('\n');
  return Buffer.from(comment.repeat(Math.round((kb * 1024) / comment.length)) + code);
}

describe('facts and the source text', () => {
  it('the facts of a file do not keep its text in memory', () => {
    const before = heapUsed();
    const results = Array.from({ length: 200 }, () => factsJob(moduleBytes(40), DEFAULT_LUA_SYNTAX));
    const held = heapUsed() - before;
    // The long names are in the facts (they are what could hold the text).
    expect(results.every((r) => 'facts' in r && JSON.stringify(r.facts).includes('configuration_table'))).toBe(true);
    // 8 MB of source as one-byte strings would be 8 MB; the facts of these little modules are a few KB each.
    expect(held, `${held} bytes held`).toBeLessThan(3 * 1024 * 1024);
  });
});

describe("a run's facts", () => {
  it('go with the units the model is built from: the run keeps none of them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resty-lint-facts-'));
    const files = ['a.lua', 'b.lua', 'c.lua'];
    for (const f of files) fs.writeFileSync(path.join(dir, f), moduleBytes(1));
    const lua = luaFileUnits({ cwd: dir, files, maxBytes: 4 * 1024 * 1024, syntax: DEFAULT_LUA_SYNTAX }, new Map<string, SourceText>(), []);
    let units = lua.takeUnits();
    const facts = units.map((u) => new WeakRef(u.facts));
    expect(facts.every((f) => f.deref() !== undefined)).toBe(true);
    units = [];
    // A WeakRef keeps its target until the job that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(facts.filter((f) => f.deref() !== undefined)).toHaveLength(0);
    // The run's answer is still here (the caller reads `stale` after the rules), and gives its units once.
    expect(lua.stale).toBe(false);
    expect(() => lua.takeUnits()).toThrow(/twice/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
