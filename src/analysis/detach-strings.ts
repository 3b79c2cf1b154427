// Facts must not keep the file's text alive. V8 makes a substring of 13 characters or more (an identifier, a
// string literal, as luaparse cuts them from the source) a slice that points into the whole source string, so
// one such name in the facts kept every file's text in memory for the whole run (10 MB of Kong's 86 MB heap
// after linking). Each such string is replaced by a copy of its own; shorter ones V8 copies anyway. (Trimming
// the arrays that grew by push to their length as well saved 7 % of peak memory on a 10k-file project but cost
// 10 % more CPU: not done.) Facts read back from the cache (JSON.parse) have fresh strings already.
import type { FileFacts } from './file-facts.ts';

/** V8's SlicedString::kMinLength: shorter substrings are copies. */
const MIN_SLICE = 13;
/** Distinct strings kept for sharing; past this the table starts over (a language server runs for days). */
const MAX_SHARED = 100_000;

/** One copy of each distinct string across the facts of a run: names such as `ngx`, `get` or `id` recur
 *  in every file (synthetic-10000: 344k strings, 33k distinct, 10 MB of a 117 MB heap). */
let shared = new Map<string, string>();

export function detachStrings(facts: FileFacts): FileFacts {
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (typeof v === 'string') x[i] = own(v);
        else visit(v);
      }
      return;
    }
    const o = x as Record<string, unknown>;
    for (const k in o) {
      const v = o[k];
      // A value's or an event's kind (`t`, `kind`) is a literal of this program's, one string already.
      if (typeof v === 'string') {
        if (k !== 't' && k !== 'kind') o[k] = own(v);
      } else visit(v);
    }
  };
  visit(facts);
  return facts;
}

/** The run's copy of `s`: a flat string of its own, shared by every equal string of the facts. */
function own(s: string): string {
  const known = shared.get(s);
  if (known !== undefined) return known;
  if (shared.size >= MAX_SHARED) shared = new Map();
  // A concatenation is flattened into a new string, and the slice is of that.
  const copy = s.length >= MIN_SLICE ? (s + ' ').slice(0, -1) : s;
  shared.set(copy, copy);
  return copy;
}
