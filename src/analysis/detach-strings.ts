// Facts must not keep the file's text alive. V8 makes a substring of 13 characters or more (an identifier, a
// string literal, as luaparse cuts them from the source) a slice that points into the whole source string, so
// one such name in the facts kept every file's text in memory for the whole run (10 MB of Kong's 86 MB heap
// after linking). Each such string is replaced by a copy of its own; shorter ones V8 copies anyway. (Trimming
// the arrays that grew by push to their length as well saved 7 % of peak memory on a 10k-file project but cost
// 10 % more CPU: not done.) Facts read back from the cache (JSON.parse) have fresh strings already.
import type { FileFacts } from './file-facts.ts';

/** V8's SlicedString::kMinLength: shorter substrings are copies. */
const MIN_SLICE = 13;

export function detachStrings(facts: FileFacts): FileFacts {
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (typeof v === 'string') {
          if (v.length >= MIN_SLICE) x[i] = copy(v);
        } else visit(v);
      }
      return;
    }
    const o = x as Record<string, unknown>;
    for (const k in o) {
      const v = o[k];
      if (typeof v === 'string') {
        if (v.length >= MIN_SLICE) o[k] = copy(v);
      } else visit(v);
    }
  };
  visit(facts);
  return facts;
}

/** A flat string of its own: the concatenation is flattened into a new string, and the slice is of that. */
function copy(s: string): string {
  return (s + ' ').slice(0, -1);
}
