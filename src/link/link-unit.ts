// A unit as the linker sees it: its facts and how to turn their spans into source locations. Only the
// linker holds facts; the model it builds does not.
import type { FileFacts, Span } from '../analysis/file-facts.ts';
import type { SourceSpan } from '../core/findings.ts';
import type { EntryPoint } from '../model/project-model.ts';
import type { SymValue } from '../analysis/sym-value.ts';

/** One analyzed Lua chunk handed to the linker: a .lua file, or Lua inside an nginx.conf directive. */
export interface UnitInput {
  /** Module-resolution path relative to the working directory, `/`-separated (`nginx.conf:LINE:COL` for inline Lua). */
  path: string;
  facts: FileFacts;
  locate(span: Span): SourceSpan;
  /** Directives that run this chunk (none for a file only required). */
  entries?: readonly EntryPoint[];
  /** What the facts and their places are made from (a Lua file's digest: result-key.ts), when known: a partial relink
   *  compares it instead of the facts, which then need not be loaded (src/project/link-memory-file.ts). */
  digest?: string;
}

/** Each file's facts, by path (only what the resolver asks). */
export interface FactsSource {
  get(file: string): FileFacts | undefined;
  has(file: string): boolean;
}

export interface LinkUnit extends UnitInput {
  entries: readonly EntryPoint[];
  /** What the steps over every unit read of it (unit-header.ts). */
  header: UnitHeader;
  /** Phase methods of the gateway plugin the unit is (plugin-entries.ts): entries at function granularity,
   *  kept apart from `entries`, which run the unit's main chunk. */
  pluginEntries: readonly EntryPoint[];
  /** Required by another unit and returns a value: its top level runs once per worker. */
  isModule: boolean;
}

/** What the steps of a link that read every unit need of one (read from its facts once: unit-header.ts). */
export interface UnitHeader {
  /** module("a.b"): the name `require` finds it by too. */
  moduleName?: string;
  requires: readonly string[];
  returnsValue: boolean;
  moduleShaped: boolean;
  /** It assigns globals (read from the facts only for a unit that runs in init_by_lua*: build-model.ts). */
  hasGlobals: boolean;
  pluginEntries: readonly EntryPoint[];
  /** What its functions store in ngx.ctx slots, in the order of its events. */
  ctxStores: ReadonlyArray<{ slot: string; target: SymValue }>;
}
