// The linked, whole-project view that rules read. Rules never see ASTs.
import type { FileFacts, Span } from '../analysis/file-facts.ts';
import type { SourceSpan } from '../findings.ts';

/** One analyzed Lua chunk: a .lua file (later also Lua inside nginx.conf). */
export interface LuaUnit {
  /** Path relative to the working directory, `/`-separated. */
  path: string;
  facts: FileFacts;
  /** Required by another unit and returns a value: its top level runs once per worker. */
  isModule: boolean;
  locate(span: Span): SourceSpan;
}

/** A pool name as ngx_lua computes it: a literal string, or a stable symbolic expression. */
export interface PoolKey {
  text: string;
  symbolic: boolean;
}

export type PoolUseMode = 'long' | 'short' | 'unreleased';

/** One place where connections of a pool are handed back (long), closed (short) or left to request cleanup. */
export interface PoolUse {
  key: PoolKey;
  client: string;
  mode: PoolUseMode;
  /** On a branch guarded by a failed operation on the client (`if not ok then red:close() end`). */
  errorPath: boolean;
  /** The release call, or for `unreleased` the connect (or the call that returned the connected client). */
  location: SourceSpan;
  /** Where the path ended without a release (unreleased only). */
  pathEnd?: SourceSpan;
  /** Method or wrapper that released it (`set_keepalive`, `close`, `store.release`). */
  via: string;
  unit: string;
  functionName: string;
}

export interface ProjectModel {
  units: LuaUnit[];
  poolUses: PoolUse[];
}
