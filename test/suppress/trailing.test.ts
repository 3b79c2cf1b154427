// Issue 14 item 6: a suppression comment after code covers its own line only; a suppression comment alone on its
// line covers the next line (fixtures/projects/suppress-trailing, Lua and nginx.conf).
import { describe, expect, it } from 'vitest';
import { reportedAndSilenced } from './cli-run.ts';

describe('which line a suppression covers', () => {
  const { reported, silenced } = reportedAndSilenced('fixtures/projects/suppress-trailing');

  it('a trailing directive does not reach the line below', () => {
    expect(reported).toEqual(['handler.lua:17 pool-mixed-lifecycle', 'nginx.conf:4 code-cache-off']);
  });

  it('a trailing directive covers its own line; a directive alone on its line covers the next', () => {
    expect(silenced).toEqual(['handler.lua:16 pool-mixed-lifecycle', 'handler.lua:24 pool-mixed-lifecycle', 'nginx.conf:3 code-cache-off', 'nginx.conf:6 code-cache-off']);
  });
});
