// Per-file abstract interpretation: walks each function's structured control flow once, tracking
// variable values and the lifecycle of client-like values, and records what it sees as FileFacts.
// Nothing here looks at other files: whatever depends on them stays symbolic (see sym-value.ts).
// This file drives it: the main chunk first, then every function body defined along the way.
import type { Chunk } from 'luaparse';
import type { FileFacts } from '../file-facts.ts';
import { UNKNOWN, paramValue, tableValue, type SymValue } from '../sym-value.ts';
import { Scope, declare, newFileState, newFnCtx, lazySite, newFunction, pathEnd, span, type FileState, type Pending } from './context.ts';
import { Flow } from './flow.ts';
import { block } from './statements.ts';

/** Passes over one file at most: each lets calls see summaries of helpers defined after them (chains of them). */
const MAX_PASSES = 4;

export function interpretChunk(chunk: Chunk): FileFacts {
  // Which functions of the file end the request on every path is known once their bodies are interpreted,
  // after the main chunk and the functions defined before them: a call that came earlier (a handler's top
  // level calling a local helper) is interpreted again, in another pass, once its callee is summarized.
  const ends = new Map<number, 'exit' | 'error'>();
  for (let pass = 1; ; pass++) {
    const file = newFileState(ends);
    const facts = interpretOnce(chunk, file);
    if (pass === MAX_PASSES || ![...file.calledEarly].some((start) => ends.has(start))) return facts;
  }
}

function interpretOnce(chunk: Chunk, file: FileState): FileFacts {
  const facts = file.facts;
  const main = newFunction(file, '<main chunk>', -1, 0, span(chunk));
  const scope = new Scope(null);
  const flow = new Flow();
  const ctx = newFnCtx(file, main.id);
  block(chunk.body, flow, ctx, scope);
  const fnMain = facts.functions[main.id];
  const last = chunk.body[chunk.body.length - 1];
  if (last && last.type === 'ReturnStatement' && last.arguments.length > 0) {
    facts.returnsValue = true;
    facts.exports = fnMain.returns[fnMain.returns.length - 1]?.[0] ?? UNKNOWN;
  }
  const shaped = file.moduleReturns.find(moduleLike);
  if (shaped) {
    facts.moduleShaped = true;
    if (!facts.returnsValue) facts.exports = shaped;
  }
  if (file.moduleTable !== undefined) {
    // module(): the file is a module, and `require` returns the module table unless the chunk returns a
    // value itself (a non-nil return replaces package.loaded[name]: LuaJIT lj_cf_package_require).
    facts.moduleShaped = true;
    if (!facts.returnsValue) facts.exports = tableValue(file.moduleTable);
  }
  if (!flow.dead) pathEnd(flow, ctx, 'end', lazySite(file, () => [span(chunk)[1], span(chunk)[1]]));
  // Function bodies run after their definer has been seen, so module-level upvalues hold final values.
  for (let i = 0; i < file.pending.length; i++) functionBody(file, file.pending[i]);
  facts.requires.sort();
  return facts;
}

/** A value a module hands out: a table, a function, a client object or another module (not a call's result
 *  such as `return ngx.exit(200)`, nor a constant). */
function moduleLike(v: SymValue): boolean {
  if (v.t === 'phi') return v.options.some(moduleLike);
  return v.t === 'table' || v.t === 'fn' || v.t === 'obj' || v.t === 'require';
}

function functionBody(file: FileState, p: Pending): void {
  const scope = new Scope(p.scope);
  const flow = new Flow();
  const ctx = newFnCtx(file, p.id);
  let index = 0;
  if (p.hasSelf) declare(ctx, scope, 'self', paramValue(index++), flow);
  for (const prm of p.node.parameters) {
    if (prm.type === 'Identifier') declare(ctx, scope, prm.name, paramValue(index++), flow);
  }
  block(p.node.body, flow, ctx, scope);
  if (!flow.dead) {
    ctx.ended.normal = true;
    pathEnd(flow, ctx, 'end', lazySite(file, () => [span(p.node)[1] - 3, span(p.node)[1]]));
  }
  // No path returns to the caller: a call of it ends the caller's path (normally if some path here does).
  const f = file.facts.functions[p.id];
  const ends = ctx.ended.normal ? undefined : ctx.ended.exit ? 'exit' : ctx.ended.error ? 'error' : undefined;
  if (ends) {
    f.ends = ends;
    file.ends.set(f.spanStart, ends);
  } else file.ends.delete(f.spanStart);
}
