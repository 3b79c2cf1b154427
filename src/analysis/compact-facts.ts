// What a file's facts keep once its interpretation is done: one traversal that (1) detaches their strings from
// the file's text and shares equal ones, and (2) empties the tables nothing can reach.
//
// (1) V8 makes a substring of 13 characters or more (an identifier, a string literal, as luaparse cuts them from
// the source) a slice that points into the whole source string, so one such name in the facts kept every
// file's text in memory for the whole run (10 MB of Kong's 86 MB heap after linking). Each such string is
// replaced by a copy of its own; shorter ones V8 copies anyway. Facts read back from the cache (JSON.parse) have
// fresh strings already.
//
// (2) Every table constructor of the file is in `tables`, but the link reads a table only through a value that
// names it (`{ t: 'table', id }`) somewhere in the facts, or as the table a function was defined on
// (`ownerTable`): from the events, returns, exports, globals and fields of tables it reads. A table no such
// chain reaches (`cjson.encode({ error = err })`, a local list of constants) is never read. Kong: 10k of 44k
// tables are reachable; the others were a quarter of its facts in memory. Their slots stay (ids are indexes)
// and hold one shared empty table, as does every table left empty (`local cache = {}`).
import type { FileFacts } from './file-facts.ts';
import { EMPTY_LIST } from '../core/empty-list.ts';

/** V8's SlicedString::kMinLength: shorter substrings are copies. */
const MIN_SLICE = 13;
/** Distinct strings kept for sharing; past this the table starts over (a language server runs for days). */
const MAX_SHARED = 100_000;
/** What the slot of an unreachable or empty table holds: never written to (interpretation is over, and the link
 *  only reads tables). */
const EMPTY_TABLE: Record<string, never> = Object.freeze({});

/** One copy of each distinct string across the facts of a run: names such as `ngx`, `get` or `id` recur
 *  in every file (synthetic-10000: 344k strings, 33k distinct, 10 MB of a 117 MB heap). */
let shared = new Map<string, string>();

export function compactFacts(facts: FileFacts): FileFacts {
  const tables = facts.tables;
  const reached = new Uint8Array(tables.length);
  const waiting: number[] = [];
  const reach = (id: number): void => {
    if (reached[id] === 1) return;
    reached[id] = 1;
    waiting.push(id);
  };
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (typeof v === 'string') x[i] = own(v);
        else if (isEmptyList(v)) x[i] = EMPTY_LIST;
        else visit(v);
      }
      return;
    }
    const o = x as Record<string, unknown>;
    if (o.t === 'table' && typeof o.id === 'number') reach(o.id);
    for (const k in o) {
      const v = o[k];
      // A value's or an event's kind (`t`, `kind`) is a literal of this program's, one string already.
      if (typeof v === 'string') {
        if (k !== 't' && k !== 'kind') o[k] = own(v);
      } else if (isEmptyList(v)) o[k] = EMPTY_LIST;
      else visit(v);
    }
  };
  for (const k in facts) if (k !== 'tables') visit(facts[k as keyof FileFacts]);
  for (const f of facts.functions) if (f.ownerTable !== undefined) reach(f.ownerTable);
  while (waiting.length > 0) visit(tables[waiting.pop()!]);
  for (let i = 0; i < tables.length; i++) if (reached[i] === 0 || isEmpty(tables[i])) tables[i] = EMPTY_TABLE;
  // The lists the interpreter grew by push, at their length (room for half as many again otherwise).
  facts.sites = facts.sites.slice();
  facts.events = facts.events.slice();
  return facts;
}

/** Facts read back from the cache (JSON) have an object of their own for each empty table: the shared one
 *  again, as compactFacts left them (8 copies of Kong: 270k of them). */
export function shareEmptyTables(facts: FileFacts): void {
  const tables = facts.tables;
  for (let i = 0; i < tables.length; i++) if (isEmpty(tables[i])) tables[i] = EMPTY_TABLE;
}

function isEmptyList(v: unknown): boolean {
  return Array.isArray(v) && v.length === 0;
}

function isEmpty(table: Record<string, unknown>): boolean {
  for (const _ in table) return false;
  return true;
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
