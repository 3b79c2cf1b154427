// Where a yield fails on the runtime: functions that C code calls back (a yield inside them raises "attempt to
// yield across C-call boundary"), and the calls that yield. Confirmed case by case on nginx + ngx_lua 0.10.23 +
// OpenResty's LuaJIT 2.1 (Debian 12): test/runtime/yield-boundary-probe.test.ts runs every case below, and
// docs/semantics.md §11 records the results. Data for the cosocket-in-c-callback rule.

/** A library function that calls the Lua function given as argument `arg` (0-based, without self) from C. */
export interface CCallback {
  /** Global path (`table.sort`), or `:name` for a method call on any value (`s:gsub(p, f)`). */
  callee: string;
  arg: number;
  /** How the message names the boundary. */
  what: string;
}

/** Confirmed failing: a yield inside the callback raises "attempt to yield across C-call boundary". */
export const C_CALLBACKS: readonly CCallback[] = [
  { callee: 'table.sort', arg: 1, what: 'a table.sort comparator' },
  { callee: 'string.gsub', arg: 2, what: 'a string.gsub replacement function' },
  { callee: ':gsub', arg: 1, what: 'a string.gsub replacement function' },
  { callee: 'load', arg: 0, what: 'a load() reader function' },
];

/** Confirmed to allow a yield inside (LuaJIT resumes across them): never flagged. Listed so the probe keeps
 *  checking them: pcall, xpcall, metamethods called by the VM, coroutine.wrap, ngx.re.gsub (FFI, lua-resty-core),
 *  table.foreach. */
export const YIELD_SAFE_CALLBACKS: readonly string[] = [
  'pcall', 'xpcall', '__index', '__newindex', '__tostring', '__eq', '__lt', '__le', '__concat', '__call', '__add',
  'coroutine.wrap', 'for-in iterator', 'ngx.re.gsub', 'ngx.re.sub', 'table.foreach', 'table.foreachi',
];

/** The main chunk of a module runs inside `require`, a C function: a yield in it fails the same way. */
export const REQUIRE_BOUNDARY = 'require';

/** ngx_lua functions that yield the request's coroutine (ngx.thread.spawn inside a C callback crashed the
 *  Lua VM on the probe: "lua atpanic: Lua VM crashed"). */
export const YIELDING_CALLS: ReadonlySet<string> = new Set([
  'ngx.sleep',
  'ngx.location.capture',
  'ngx.location.capture_multi',
  'ngx.thread.wait',
  'ngx.thread.spawn',
]);

/** Methods of a cosocket client that do no I/O (settings, counters, pipelining buffers): they do not yield.
 *  Connect, keepalive and close methods come from the client profile (connect yields; the others do not). */
export const NON_YIELDING_METHODS: ReadonlySet<string> = new Set([
  'set_timeout', 'set_timeouts', 'settimeout', 'settimeouts', 'setoption', 'get_reused_times', 'getreusedtimes',
  'init_pipeline', 'cancel_pipeline', 'add_commands', 'set_keepalive', 'setkeepalive', 'close', 'new',
]);

/** The C callback a call hands a function to: `global` the callee's global path, `method` the `:` method. */
export function cCallbackOf(global: string | null, method: string | null): CCallback | undefined {
  if (global !== null) return C_CALLBACKS.find((c) => c.callee === global);
  if (method !== null) return C_CALLBACKS.find((c) => c.callee === `:${method}`);
  return undefined;
}
