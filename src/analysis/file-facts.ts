// Everything the linker needs to know about one Lua file: a pure, JSON-serializable function of its text.
import type { SymValue } from './sym-value.ts';

/** A span in the analyzed text: [start, end) offsets into SourceText.latin1 (bytes after a BOM). */
export type Span = [number, number];

export interface FunctionFacts {
  id: number;
  /** Display name: `_M.get_redis`, `<anonymous>`, `<main chunk>`. */
  name: string;
  /** Function that lexically contains this one (-1 for the main chunk). */
  parent: number;
  /** Number of parameters, counting an implicit `self` for `function a:b()`. */
  paramCount: number;
  span: Span;
  /** One entry per return statement: the values it returns. */
  returns: SymValue[][];
}

/** Why a connected client was still unreleased where a path ended. */
export type PathEnd = 'return' | 'end' | 'exit';

export type LifecycleEvent =
  | { kind: 'new'; fn: number; site: number; target: SymValue; client: string }
  | { kind: 'connect'; fn: number; site: number; target: SymValue; method: string; args: SymValue[]; errorPath: boolean }
  | {
      kind: 'release';
      fn: number;
      site: number;
      target: SymValue;
      mode: 'long' | 'short';
      method: string;
      /** Arguments after self. */
      args: SymValue[];
      errorPath: boolean;
    }
  /** A tracked value handed to a function the file cannot see into: the link decides what it does. */
  | { kind: 'pass'; fn: number; site: number; target: SymValue; callee: SymValue; argIndex: number; errorPath: boolean }
  /** A path of `fn` ends (at `site`) while `target` may still be connected and was not returned or stored. */
  | {
      kind: 'unreleased';
      fn: number;
      site: number;
      target: SymValue;
      end: PathEnd;
      /** The value may only be live (result of a call the link resolves), not known connected. */
      onlyIfConnectedElsewhere: boolean;
      /** Sites of `pass` events on this path: if the callee releases, the path is released. */
      passSites: number[];
    }
  /** Any other method called on a client-like value (for use-after-release and session-state rules). */
  | { kind: 'method'; fn: number; site: number; target: SymValue; method: string; args: SymValue[]; errorPath: boolean };

export interface FileFacts {
  /** Parse failure, if any: then everything else is empty. */
  syntaxError?: { offset: number; message: string };
  /** The top level returns a value (candidate module). */
  returnsValue: boolean;
  /** The value the main chunk returns (first value of its last top-level return). */
  exports: SymValue;
  requires: string[];
  functions: FunctionFacts[];
  /** Fields of tables created in this file, by table id. */
  tables: Record<string, SymValue>[];
  sites: Span[];
  events: LifecycleEvent[];
}
