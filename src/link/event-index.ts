// Lookups into one file's lifecycle events, built once per file: the link asks "the connects of this
// client", "the events of this function", "the pass at this site" for every release, and scanning all
// events each time made linking quadratic in the clients of a file.
import type { FileFacts, LifecycleEvent } from '../analysis/file-facts.ts';
import { valueKey } from '../analysis/sym-value.ts';
import { EMPTY_LIST } from '../core/empty-list.ts';

type Ev<K extends LifecycleEvent['kind']> = Extract<LifecycleEvent, { kind: K }>;

export class EventIndex {
  private readonly byFn = new Map<number, LifecycleEvent[]>();
  // Most files have no connect, constructor or escape (many no pass): each of these is made on its first
  // event, since the index of every file lives as long as the link.
  private connectsByTarget: Map<string, Ev<'connect'>[]> | undefined;
  private newBySite: Map<number, Ev<'new'>> | undefined;
  private passBySiteTarget: Map<string, Ev<'pass'>> | undefined;
  private escaped: Set<string> | undefined;

  constructor(facts: FileFacts) {
    for (const e of facts.events) {
      push(this.byFn, e.fn, e);
      if (e.kind === 'connect') push((this.connectsByTarget ??= new Map()), valueKey(e.target), e);
      else if (e.kind === 'new') (this.newBySite ??= new Map()).set(e.site, e);
      else if (e.kind === 'pass') (this.passBySiteTarget ??= new Map()).set(`${e.site}|${valueKey(e.target)}`, e);
      else if (e.kind === 'escape') (this.escaped ??= new Set()).add(valueKey(e.target));
    }
    // Each function's list at its length: push leaves room for half as many again.
    for (const [fn, list] of this.byFn) this.byFn.set(fn, list.slice());
  }

  connectsOf(targetKey: string): readonly Ev<'connect'>[] {
    return this.connectsByTarget?.get(targetKey) ?? EMPTY_LIST;
  }

  eventsOf(fn: number): readonly LifecycleEvent[] {
    return this.byFn.get(fn) ?? EMPTY_LIST;
  }

  /** The value is stored or captured beyond the function that holds it somewhere in the file. */
  escapes(targetKey: string): boolean {
    return this.escaped?.has(targetKey) ?? false;
  }

  newAt(site: number): Ev<'new'> | undefined {
    return this.newBySite?.get(site);
  }

  passAt(site: number, targetKey: string): Ev<'pass'> | undefined {
    return this.passBySiteTarget?.get(`${site}|${targetKey}`);
  }
}

const cache = new WeakMap<FileFacts, EventIndex>();

export function eventIndex(facts: FileFacts): EventIndex {
  let index = cache.get(facts);
  if (!index) {
    index = new EventIndex(facts);
    cache.set(facts, index);
  }
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
