// Everything the linker needs to know about one Lua file: a pure, JSON-serializable function of its text.
import type { SymValue } from './sym-value.ts';
import type { PathEnd, SessionState, SharedHow } from '../model/vocabulary.ts';

export type { PathEnd, SharedHow };

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
  /** The parameters' names, in order (`self` first for `function a:b()`); a parameter after `...` has none. */
  params?: string[];
  /** Where it is: [spanStart, spanEnd) (functionSpan). Two numbers, not a pair array: a pair costs more memory
   *  than the numbers it holds (synthetic-10000: 47k functions). */
  spanStart: number;
  spanEnd: number;
  /** The table of this file the function was defined on (`function M.f()` / `function M:f()`). */
  ownerTable?: number;
  /** One entry per return statement: the values it returns. */
  returns: SymValue[][];
  /** Every path of it ends the request (no path returns to the caller): `exit` when some path ends it
   *  normally (ngx.exit with a non-5xx or unknown status, ngx.redirect, ngx.exec, a call of such a function),
   *  `error` when all of them fail (error(), ngx.exit(5xx)). */
  ends?: 'exit' | 'error';
  /** Parameters it hands to ngx.timer.at/every (the callback, or an argument of it): they run in a timer. */
  defers?: number[];
  /** Parameters it calls (directly, through pcall/xpcall, or from a closure it defines). */
  invokes?: number[];
}


export type LifecycleEvent =
  /** A client object is created (`args`: the constructor's arguments, e.g. pgmoon's config table). */
  | { kind: 'new'; fn: number; site: number; target: SymValue; client: string; args: SymValue[] }
  | {
      kind: 'connect';
      fn: number;
      site: number;
      target: SymValue;
      method: string;
      args: SymValue[];
      errorPath: boolean;
      /** The client profile whose pool-key rule applies when it is not the target's own (resty.redis.connector). */
      keyRule?: string;
    }
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
      /** The failed operation whose error branch this release is in (`receive`, `request`, ...). */
      errorOp?: string;
      /** Redis session state the connection carries at this release. */
      session: SessionState;
      /** resty.http: a response body may still be unread on this path. */
      unreadBody: boolean;
      /** A library method that released by itself (`request_uri`), not an explicit release call. */
      implicit?: boolean;
      /** Sites of calls every path reaching this release went through, where the path ends if the callee
       *  always ends the request (the `unreleased` events with `ifEnds` there): then it never runs. */
      after?: number[];
    }
  /** A tracked value handed to a function the file cannot see into: the link decides what it does. */
  | {
      kind: 'pass';
      fn: number;
      site: number;
      target: SymValue;
      callee: SymValue;
      /** Position in the full argument list, counting self (index 0) for `a:f(x)` calls. */
      argIndex: number;
      /** A `:` call (or `a.f(a, ...)`): argument 0 is self. */
      selfCall: boolean;
      errorPath: boolean;
      /** The failed operation whose error branch this call is in. */
      errorOp?: string;
      /** The call's arguments (counting self) when some are literals, the others unknown. */
      args?: SymValue[];
      /** The value is a subscribed Redis connection on every path here (see SessionState.subscribed). */
      subscribed?: true;
    }
  /** A path of `fn` ends (at `site`) while `target` may still be connected and was not returned or stored. */
  | {
      kind: 'unreleased';
      fn: number;
      site: number;
      target: SymValue;
      end: PathEnd;
      /** The path ends here only if this callee (a function of another file, or one the file cannot name
       *  yet) ends the request on every path (FunctionFacts.ends = exit): the link decides. */
      ifEnds?: SymValue;
      /** Sites of `pass` events on this path: if the callee releases, the path is released. */
      passSites: number[];
      /** Sites where the value was connected on the paths reaching this end. */
      connectSites: number[];
      session: SessionState;
      /** The path ends inside a branch or loop (an early return or exit), not at the function's main end. */
      early?: true;
      /** That branch handles another operation's failure (another backend, a subrequest): the operation. */
      afterFailureOf?: string;
    }
  /** Any other method called on a client-like value. */
  /** fresh: inside a reuse guard (`get_reused_times() == 0`): only a fresh connection gets here. */
  | { kind: 'method'; fn: number; site: number; target: SymValue; method: string; args: SymValue[]; errorPath: boolean; fresh?: true }
  /** A method other than connect called on a value released on every path reaching it; or connect on a
   *  value connected on every path reaching it (`method` = connect). */
  | { kind: 'use-after-release'; fn: number; site: number; target: SymValue; method: string; previous: number[]; reconnect: boolean }
  /** A call of something that may be a Lua function of the project (for phase reachability).
   *  `callbacks`: functions of this file passed as arguments (pcall(f), ngx.timer.at(0, f)). */
  | {
      kind: 'call';
      fn: number;
      site: number;
      callee: SymValue;
      /** Functions of this file passed as arguments (absent: none; most calls pass none, and facts stay small). */
      callbacks?: number[];
      /** A timer call (ngx.timer.at/every): its callbacks run later. Absent: not one. */
      deferred?: true;
      /** Position of each of `callbacks` in the full argument list (self counted): the callee's parameter that
       *  receives it, whose fate (FunctionFacts.defers / invokes) says when it runs. Not for deferred calls. */
      callbackArgs?: number[];
      /** `[argument position, parameter index]`: parameters of `fn` handed on as arguments of this call. */
      forwards?: Array<[number, number]>;
    }
  /** A parameter, or a client the function created, stored or captured beyond the call: its fate is unknown
   *  to callers. */
  | { kind: 'escape'; fn: number; site: number; target: SymValue }
  /** A client stored in a per-request `ngx.ctx` slot (other functions of the request may use and release it),
   *  or the slot cleared with nil. */
  | { kind: 'ctx-store'; fn: number; site: number; slot: string; target: SymValue }
  /** A client value shared beyond the request that created it (how: see SharedHow). */
  | { kind: 'shared'; fn: number; site: number; target: SymValue; how: SharedHow; via?: string };


export interface FileFacts {
  /** The top level returns a value (candidate module). */
  returnsValue: boolean;
  /** The value the main chunk returns (first value of its last top-level return, else of the first
   *  return that returns a module-like value). */
  exports: SymValue;
  /** The main chunk returns a module-like value (a table, a function, a client, a required module) on some
   *  path: the file is a module even when nothing in the tree requires it (it may be deployed apart). */
  moduleShaped?: true;
  /** Globals the main chunk assigns (`cache = require "cache"`): in init_by_lua* code they are the values
   *  every handler of the worker sees. After a `module()` call they are the module's fields, which the
   *  file's own code still reads as globals (docs/semantics.md §3.2). */
  globals?: Record<string, SymValue>;
  /** The constant name the main chunk gives `module("a.b", ...)` (Lua 5.1): `require "a.b"` finds this file by
   *  it when no file path answers the name. */
  moduleName?: string;
  /** Fields the main chunk sets on a value that is not a table of this file, by the value's key (valueKey):
   *  `local H = Base:extend(); H.PRIORITY = 10; function H:log() end`, `local _M = policy.new(...)`. Only
   *  call results are recorded; gateway plugins are recognised by these fields (src/gateways/). */
  callFields?: Record<string, Record<string, SymValue>>;
  requires: string[];
  functions: FunctionFacts[];
  /** Fields of tables created in this file, by table id. */
  tables: Record<string, SymValue>[];
  /** Where each site is: site i spans [sites[2i], sites[2i+1]) (siteSpan). Flat: a pair array per site cost
   *  more memory than the numbers it held (Kong: 120k sites). */
  sites: number[];
  events: LifecycleEvent[];
  /** Calls of library functions named in src/clients/blocking-calls.ts and yield-boundaries.ts: blocking I/O,
   *  yielding ngx_lua calls, functions that call a Lua function back from C. Absent when the file has none. */
  libraryCalls?: LibraryCall[];
}

export type LibraryCall =
  /** `library`: the BlockingLibrary's name; `name`: the function called (`socket.http.request`). */
  | { kind: 'blocking'; fn: number; site: number; name: string; library: string }
  | { kind: 'yield'; fn: number; site: number; name: string }
  /** A function of this file (`callback`) handed to a C function that calls it (`callee`: CCallback.callee). */
  | { kind: 'c-callback'; fn: number; site: number; callee: string; callback: number };

/** Where a function is. */
export function functionSpan(fn: FunctionFacts): Span {
  return [fn.spanStart, fn.spanEnd];
}

/** The span of site `site` of a file's facts. */
export function siteSpan(facts: FileFacts, site: number): Span {
  return [facts.sites[2 * site], facts.sites[2 * site + 1]];
}
