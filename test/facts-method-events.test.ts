// A method call becomes a `method` event only where the link reads one (src/analysis/interpret/client-effects.ts):
// on a client object (yield-reach asks whether it does I/O) or when its arguments are kept (SELECT's db, AUTH's
// user, a timeout). A command on a parameter or a call result, mostly `self:helper()`, records none: it was 15 %
// of Kong's facts, and the call itself is still followed (a `call` event).
import { describe, expect, it } from 'vitest';
import { DEFAULT_LUA_SYNTAX } from '../src/lua/parse-lua.ts';
import { factsJob } from '../src/project/facts-job.ts';
import type { FileFacts } from '../src/analysis/file-facts.ts';

function factsOf(code: string): FileFacts {
  const r = factsJob(Buffer.from(code), DEFAULT_LUA_SYNTAX);
  if (!('facts' in r)) throw new Error(JSON.stringify(r));
  return r.facts;
}

const methods = (f: FileFacts) => f.events.flatMap((e) => (e.kind === 'method' ? [`${e.target.t}:${e.method}(${e.args.length})`] : []));

describe('method events in the facts', () => {
  it('a helper method on a parameter: a call event, no method event', () => {
    const f = factsOf('local M = {}\nfunction M:run(x)\n  return self:helper(x)\nend\nreturn M\n');
    expect(methods(f)).toEqual([]);
    expect(f.events.some((e) => e.kind === 'call' && e.callee.t === 'get' && e.callee.key === 'helper')).toBe(true);
  });

  it('a command on a client object is recorded (it may yield)', () => {
    const f = factsOf('local redis = require "resty.redis"\nlocal red = redis:new()\nred:connect("127.0.0.1", 6379)\nred:get("k")\nred:set_keepalive(10000, 10)\n');
    expect(methods(f)).toEqual(['obj:get(0)']);
  });

  it('a method whose arguments the link reads is recorded on a parameter too', () => {
    const f = factsOf('local function prepare(red)\n  red:select(2)\n  red:set_timeouts(100, 200, 300)\n  red:incr("n")\nend\nreturn prepare\n');
    expect(methods(f)).toEqual(['param:select(1)', 'param:set_timeouts(3)']);
  });
});
