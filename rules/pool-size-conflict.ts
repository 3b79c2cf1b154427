import { literal } from '../src/core/message-text.ts';
import type { Rule } from '../src/model/rule.ts';
import type { SourceSpan } from '../src/core/findings.ts';
import type { PoolKey } from '../src/model/pool-key.ts';
import { describeKey, familyNote } from '../src/model/pool-key.ts';
import { firstByLocation } from '../src/model/pool-uses.ts';

export const rule: Rule = {
  meta: {
    id: 'pool-size-conflict',
    name: 'PoolSizeConflict',
    shortDescription: 'One pool is given different pool_size values',
    fullDescription:
      'The same pool key gets different pool_size values (set_keepalive second argument or connect opts.pool_size). A pool is sized once, when it is created, by whichever call runs first; the other values are ignored.',
    help: {
      text: 'Use one pool_size per pool key (a shared constant), or give the paths that need another size their own pool name with opts.pool.',
      markdown: 'Use one `pool_size` per pool key (a shared constant), or give the paths that need another size their own pool name with `opts.pool`.',
    },
    defaultLevel: 'note',
    tags: ['maintainability', 'connection-pool'],
    precision: 'high',
    example: {
      bad: [
        '-- users.lua',
        'red:connect("127.0.0.1", 6379)',
        'red:set_keepalive(10000, 100)',
        '',
        '-- sessions.lua: the same pool, another size',
        'red:connect("127.0.0.1", 6379)',
        'red:set_keepalive(10000, 10)  -- ignored when users.lua created the pool first',
      ].join('\n'),
      good: [
        '-- settings.lua: return { redis_pool_size = 100 }  -- one size for the pool',
        '',
        '-- users.lua and sessions.lua',
        'local settings = require "settings"',
        'red:connect("127.0.0.1", 6379)',
        'red:set_keepalive(10000, settings.redis_pool_size)',
      ].join('\n'),
    },
  },
  check(model, report) {
    const byKey = new Map<string, { key: string; note: string; size: number; location: SourceSpan }[]>();
    const add = (k: PoolKey, size: number | null | undefined, location: SourceSpan) => {
      if (typeof size !== 'number') return;
      const keyText = k.text;
      const list = byKey.get(keyText) ?? [];
      list.push({ key: describeKey(k), note: familyNote(k), size, location });
      byKey.set(keyText, list);
    };
    for (const u of model.poolUses) if (u.mode === 'long' && u.key) add(u.key, u.poolSize, u.location);
    for (const c of model.connects) add(c.key, c.poolSize, c.location);
    for (const sites of byKey.values()) {
      const first = firstByLocation(sites)!;
      for (const s of sites) {
        if (s.size === first.size) continue;
        report({
          message:
            `Pool ${literal(s.key)} is given pool_size ${s.size} here and ${first.size} [elsewhere](1). The pool is sized once, by whichever runs first, so one of them is ignored. ${s.note}` +
            'Use one pool_size per pool key, or give this path its own pool name with opts.pool.',
          location: s.location,
          related: [{ ...first.location, message: `pool_size ${first.size}` }],
        });
      }
    }
  },
};
