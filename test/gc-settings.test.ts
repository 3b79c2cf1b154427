// The analyzer's garbage-collector settings (src/core/gc-settings.ts) give way to the user's own; full
// collections at phase ends happen only where a one-shot run allowed them, and only for a large heap.
import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { allowPhaseCollections, collectAfterPhase, tuneGarbageCollector } from '../src/core/gc-settings.ts';

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

describe('full collections at phase ends', () => {
  const MB = 1024 * 1024;

  it('collect only once allowed, and only a heap of 256 MB or more', () => {
    let collections = 0;
    collectAfterPhase(() => 512 * MB); // not allowed yet (the language server never allows them)
    expect(collections).toBe(0);
    allowPhaseCollections(() => collections++);
    collectAfterPhase(() => 255 * MB);
    expect(collections).toBe(0);
    collectAfterPhase(() => 256 * MB);
    collectAfterPhase(() => 900 * MB);
    expect(collections).toBe(2);
    allowPhaseCollections(undefined);
    collectAfterPhase(() => 900 * MB);
    expect(collections).toBe(2);
  });

  it("use V8's own full collection, which this Node lets a running process expose once one is due", async () => {
    let garbage: object | undefined = { some: 'object' };
    const ref = new WeakRef(garbage);
    garbage = undefined;
    // A WeakRef keeps its target until the job that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    allowPhaseCollections();
    collectAfterPhase(() => Number.MAX_SAFE_INTEGER);
    allowPhaseCollections(undefined);
    expect(ref.deref()).toBeUndefined();
    expect(vm.runInNewContext('typeof gc')).toBe('function');
  });
});
