// Calls of library functions that rules reason about by name (src/clients/blocking-calls.ts,
// src/clients/yield-boundaries.ts): recorded in FileFacts.libraryCalls only when a call matches, so files
// without them carry nothing.
import type { LibraryCall } from '../file-facts.ts';
import type { SymValue } from '../sym-value.ts';
import { blockingLibrary } from '../../clients/blocking-calls.ts';
import { YIELDING_CALLS, cCallbackOf } from '../../clients/yield-boundaries.ts';
import type { FnCtx } from './context.ts';

/** `global`: the callee's global path (null when it is not one); `method`: the `:` method name; `args`:
 *  the arguments without self. */
export function recordLibraryCall(callee: SymValue, global: string | null, method: string | null, args: readonly SymValue[], site: number, ctx: FnCtx): void {
  if (global !== null && YIELDING_CALLS.has(global)) return add(ctx, { kind: 'yield', fn: ctx.id, site, name: global });
  const cb = cCallbackOf(global, method);
  if (cb) {
    const f = args[cb.arg];
    if (f?.t === 'fn') add(ctx, { kind: 'c-callback', fn: ctx.id, site, callee: cb.callee, callback: f.id });
    return;
  }
  // `require("socket.http").request(...)`, through a local holding the module; a field path below the module
  // names a submodule (`socket.dns.toip` is socket.dns's toip).
  const fromModule = global === null ? modulePath(callee) : undefined;
  if (global === null && fromModule === undefined) return;
  const fnName = callee.t === 'get' ? callee.key : undefined;
  const lib = blockingLibrary(global, fromModule, fnName);
  if (lib) add(ctx, { kind: 'blocking', fn: ctx.id, site, name: global ?? `${fromModule}.${fnName}`, library: lib.name });
}

function modulePath(callee: SymValue): string | undefined {
  if (callee.t !== 'get') return undefined;
  let path = '';
  let cur = callee.base;
  while (cur.t === 'get') {
    path = `.${cur.key}${path}`;
    cur = cur.base;
  }
  return cur.t === 'require' ? cur.name + path : undefined;
}

function add(ctx: FnCtx, call: LibraryCall): void {
  const list = (ctx.file.facts.libraryCalls ??= []);
  // A loop body interpreted twice records its calls once.
  if (list.some((c) => c.site === call.site && c.kind === call.kind)) return;
  list.push(call);
}
