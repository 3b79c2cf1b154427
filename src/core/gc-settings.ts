// V8 garbage-collector settings for the analyzer's process. First, no allocation-site pretenuring. V8 samples which
// allocation sites' objects survive young collections and may start allocating theirs straight in the old
// generation. An analysis allocates many objects that live for one file; when V8 guesses that their sites make
// long-lived objects, the old generation fills with garbage that only full collections reclaim. On 8 copies of
// Kong (10.5k files, 2 cores, identical results) that made runs bimodal: 12-13 s, or 17-21 s and up to 1.15 GB
// with 40 % of the time in GC (20 full collections instead of 9). Without it, 8 runs of 8 took 11.9-12.6 s and
// 600-630 MB; synthetic-10000 3.9-4.1 s instead of 4.2-4.4 s; 50k synthetic files 19.0 s, 1.31 GB.
// A bounded heap growth factor (--heap-growing-percent=50) was measured too and left out: 12 % less memory on
// synthetic-10000 but 25 % more time on 50k files (more full collections of a large live heap).
//
// Second, for one-shot runs (the CLI, the Action), a full collection where a phase lets go of most of the heap
// (collectAfterPhase): V8 sizes the heap's next limit from what was live at its last full collection, several
// times over, and the last one of a large run falls in the facts phase; linking and reporting then grow the heap
// to that limit without collecting the facts that linking was the last to need (818 MB used, 136 MB live after
// linking 50k synthetic files). There, peak RSS 1.11 -> 0.95 GB for about 0.3 s of a 10-11 s run (interleaved
// runs: 10.3-11.1 s before, 10.4-11.4 s after). Smaller heaps are left to V8: synthetic-10000's peak would drop
// 333 -> 289 MB for 0-3 % more time.
import v8 from 'node:v8';
import vm from 'node:vm';

const SETTINGS = ['--no-allocation-site-pretenuring'];

/** Applies the settings, except one this process's command line already sets (either spelling). */
export function tuneGarbageCollector(execArgv: readonly string[] = process.execArgv, apply: (flag: string) => void = (f) => v8.setFlagsFromString(f)): void {
  const given = new Set(execArgv.map(flagName));
  for (const setting of SETTINGS) if (!given.has(flagName(setting))) apply(setting);
}

/** `--no-foo_bar=1` → `foo-bar`. */
function flagName(arg: string): string {
  return arg.replace(/^--(no-?)?/, '').split('=')[0].replaceAll('_', '-');
}

/** Heaps smaller than this are left to V8: collecting them at a phase end would save too little to matter. */
const PHASE_COLLECTION_MIN_BYTES = 256 * 1024 * 1024;

let collector: (() => void) | undefined;

/** Lets collectAfterPhase collect (by default with V8's own full collection). Not for the language server: it
 *  keeps every file's facts between edits, so a phase end frees little there, and a pause per edit would be felt. */
export function allowPhaseCollections(collect: (() => void) | undefined = fullCollection): void {
  collector = collect;
}

/** A full collection now, if allowed and the heap is large: the caller has just let go of most of what it
 *  held (a run's facts, once the model is built). */
export function collectAfterPhase(heapUsed: () => number = () => v8.getHeapStatistics().used_heap_size): void {
  if (collector && heapUsed() >= PHASE_COLLECTION_MIN_BYTES) collector();
}

/** V8's `gc`, once a collection is due (undefined: not asked for yet; null: this Node does not give it). */
let exposedGc: (() => void) | null | undefined;

/** V8's full collection. `--expose-gc` set at run time gives contexts made from then on a `gc` function (the
 *  main context's global is left as it is); without one, phase ends are left to V8. */
function fullCollection(): void {
  if (exposedGc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('gc');
      exposedGc = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      exposedGc = null;
    }
  }
  exposedGc?.();
}
