// Issue 14 item 5: only real comments are suppression directives. A directive-shaped text inside a Lua string
// ('...', "...", [==[...]==], after an escaped quote), inside a quoted nginx parameter or inside a string of a
// *_by_lua_block silences nothing; a real comment still does (fixtures/projects/suppress-in-strings).
import { describe, expect, it } from 'vitest';
import { reportedAndSilenced } from './cli-run.ts';

describe('suppression directives inside strings', () => {
  const { reported, silenced } = reportedAndSilenced('fixtures/projects/suppress-in-strings');

  it('do not silence the findings they name', () => {
    expect(reported).toEqual(['handler.lua:25 pool-mixed-lifecycle', 'nginx.conf:9 code-cache-off']);
  });

  it('while a real comment on a finding line still silences it', () => {
    expect(silenced).toEqual(['handler.lua:32 pool-mixed-lifecycle']);
  });
});
