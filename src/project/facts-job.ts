// One file's facts from its bytes: the per-file work of a run, the same on the main thread and in a worker
// (src/project/facts-workers.ts), so where it runs never changes a result.
import { interpretChunk } from '../analysis/interpret/chunk.ts';
import { compactFacts } from '../analysis/compact-facts.ts';
import { parseLua, type LuaSyntax } from '../lua/parse-lua.ts';
import { SourceText } from '../source/source-text.ts';
import type { CachedFacts } from './facts-cache.ts';

/** Facts or a syntax error (both cacheable), or a bug of ours on this file (never cached). */
export type FactsJobResult = CachedFacts | { internalError: string };

export function factsJob(bytes: Uint8Array, syntax: LuaSyntax): FactsJobResult {
  try {
    const parsed = parseLua(new SourceText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), syntax);
    if (!parsed.ok) return { syntaxError: { offset: parsed.offset, message: parsed.message } };
    return { facts: compactFacts(interpretChunk(parsed.chunk)) };
  } catch (e) {
    // A bug of ours on one file must not lose the rest of the project.
    return { internalError: (e as Error).message };
  }
}
