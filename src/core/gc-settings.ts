// A V8 garbage-collector setting for the analyzer's process: no allocation-site pretenuring. V8 samples which
// allocation sites' objects survive young collections and may start allocating theirs straight in the old
// generation. An analysis allocates many objects that live for one file; when V8 guesses that their sites make
// long-lived objects, the old generation fills with garbage that only full collections reclaim. On 8 copies of
// Kong (10.5k files, 2 cores, identical results) that made runs bimodal: 12-13 s, or 17-21 s and up to 1.15 GB
// with 40 % of the time in GC (20 full collections instead of 9). Without it, 8 runs of 8 took 11.9-12.6 s and
// 600-630 MB; synthetic-10000 3.9-4.1 s instead of 4.2-4.4 s; 50k synthetic files 19.0 s, 1.31 GB.
// A bounded heap growth factor (--heap-growing-percent=50) was measured too and left out: 12 % less memory on
// synthetic-10000 but 25 % more time on 50k files (more full collections of a large live heap).
import v8 from 'node:v8';

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
