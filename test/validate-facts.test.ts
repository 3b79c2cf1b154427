// What the facts cache accepts back (src/analysis/validate-facts.ts): the facts the analyzer makes, and nothing
// that breaks their shape: sites are start/end offsets two by two, a function's span its two offsets in order,
// every site index in range, optional call fields only in their one allowed form.
import { describe, expect, it } from 'vitest';
import { isCachedFactsValue } from '../src/analysis/validate-facts.ts';
import { DEFAULT_LUA_SYNTAX } from '../src/lua/parse-lua.ts';
import { factsJob } from '../src/project/facts-job.ts';

const SOURCE = [
  'local redis = require "resty.redis"',
  'local helper = require "helper"',
  'local function go()',
  '  local red = redis:new()',
  '  red:connect("127.0.0.1", 6379)',
  '  helper.run(function() return 1 end)',
  '  ngx.timer.at(0, function() end)',
  '  red:set_keepalive(10000, 100)',
  'end',
  'return { go = go }',
].join('\n');

function facts(): Record<string, unknown> & { sites: number[]; events: Array<Record<string, unknown>>; functions: Array<Record<string, unknown>> } {
  const r = factsJob(Buffer.from(SOURCE), DEFAULT_LUA_SYNTAX);
  if (!('facts' in r)) throw new Error('no facts');
  return JSON.parse(JSON.stringify(r.facts));
}

const accepted = (f: unknown) => isCachedFactsValue({ facts: f });

describe('cached facts validation', () => {
  it('accepts what the analyzer makes, calls with and without callbacks, a timer call', () => {
    const f = facts();
    const calls = f.events.filter((e) => e.kind === 'call');
    expect(calls.some((e) => e.callbacks === undefined)).toBe(true);
    expect(calls.some((e) => Array.isArray(e.callbacks))).toBe(true);
    expect(calls.some((e) => e.deferred === true)).toBe(true);
    expect(f.sites.length % 2).toBe(0);
    expect(accepted(f)).toBe(true);
  });

  it('refuses sites that are not start/end pairs, and a site index past them', () => {
    const odd = facts();
    odd.sites.push(7);
    expect(accepted(odd)).toBe(false);
    const reversed = facts();
    [reversed.sites[0], reversed.sites[1]] = [reversed.sites[1] + 1, reversed.sites[0]];
    expect(accepted(reversed)).toBe(false);
    const past = facts();
    past.events[0].site = past.sites.length / 2;
    expect(accepted(past)).toBe(false);
  });

  it('refuses a function whose span is not two offsets in order, or is the old pair', () => {
    const f = facts();
    expect(f.functions.length).toBeGreaterThan(1);
    expect(f.functions.every((fn) => typeof fn.spanStart === 'number' && (fn.spanStart as number) <= (fn.spanEnd as number))).toBe(true);
    const reversed = facts();
    reversed.functions[1].spanEnd = (reversed.functions[1].spanStart as number) - 1;
    expect(accepted(reversed)).toBe(false);
    const missing = facts();
    delete missing.functions[1].spanEnd;
    expect(accepted(missing)).toBe(false);
    const pair = facts();
    pair.functions[1].span = [pair.functions[1].spanStart, pair.functions[1].spanEnd];
    delete pair.functions[1].spanStart;
    delete pair.functions[1].spanEnd;
    expect(accepted(pair)).toBe(false);
  });

  it('refuses call fields in a form the analyzer never writes', () => {
    const notDeferred = facts();
    const call = notDeferred.events.find((e) => e.kind === 'call')!;
    call.deferred = false;
    expect(accepted(notDeferred)).toBe(false);
    const badCallback = facts();
    badCallback.events.find((e) => e.kind === 'call')!.callbacks = [999];
    expect(accepted(badCallback)).toBe(false);
  });
});
