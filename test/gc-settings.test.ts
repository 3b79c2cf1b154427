// The analyzer's garbage-collector settings (src/core/gc-settings.ts) give way to the user's own.
import { describe, expect, it } from 'vitest';
import { tuneGarbageCollector } from '../src/core/gc-settings.ts';

const applied = (execArgv: string[]) => {
  const out: string[] = [];
  tuneGarbageCollector(execArgv, (f) => out.push(f));
  return out;
};

describe('garbage-collector settings', () => {
  it('turns allocation-site pretenuring off when the command line says nothing of it', () => {
    expect(applied([])).toEqual(['--no-allocation-site-pretenuring']);
    expect(applied(['--max-old-space-size=4096'])).toEqual(['--no-allocation-site-pretenuring']);
  });

  it('leaves it alone when the command line sets it, in either spelling', () => {
    expect(applied(['--allocation-site-pretenuring'])).toEqual([]);
    expect(applied(['--no-allocation_site_pretenuring'])).toEqual([]);
  });
});
