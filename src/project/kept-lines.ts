// The text of the lines findings are on, kept with a run's results (result-cache.ts) for the next run's fingerprints
// (core/fingerprint.ts hashes a finding's line). A Lua file's line is taken from there while the file's bytes are
// the ones it was read from (same facts cache key: a hash of the bytes), so a warm run opens no file just to
// fingerprint its findings (synthetic-10000: 2,900 files read, 70 ms of a run). Other files are read as before.
import type { SourceText } from '../source/source-text.ts';

/** By Lua file: the cache key of its bytes, and the text of each line asked for, by line number. */
export type LineTexts = Record<string, [key: string, lines: Record<string, string>]>;

export class KeptLines {
  private readonly used = new Map<string, [string, Record<string, string>]>();
  /** A line of a Lua file was read this run, not taken from what was kept: the results should keep it. */
  read = false;

  /** `kept`: the last results' lines; `keys`: the cache key of each Lua file's bytes now. */
  constructor(
    private readonly kept: LineTexts | undefined,
    private readonly keys: ReadonlyMap<string, string>,
    private readonly sources: ReadonlyMap<string, SourceText>,
  ) {}

  /** The text of `line` of `file` (1-based), as the file has it now. */
  readonly text = (file: string, line: number): string => {
    const key = this.keys.get(file);
    const was = key !== undefined && this.kept && Object.hasOwn(this.kept, file) ? this.kept[file] : undefined;
    let text = was && was[0] === key && Object.hasOwn(was[1], line) ? was[1][line] : undefined;
    if (text === undefined) {
      text = this.sources.get(file)?.lineText(line) ?? '';
      if (key !== undefined) this.read = true;
    }
    if (key !== undefined) {
      let entry = this.used.get(file);
      if (!entry) this.used.set(file, (entry = [key, {}]));
      entry[1][line] = text;
    }
    return text;
  };

  /** The lines asked for this run, to keep with its results. */
  asked(): LineTexts {
    return Object.fromEntries(this.used);
  }
}
