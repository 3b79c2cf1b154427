// The Bad and Good examples of every rule's documentation (`meta.example` in rules/<id>.ts, rendered into
// docs/rules/<id>.md) run through the analyzer: Bad must produce a finding of that rule, Good must not.
// Examples are snippets, so each one is written into a minimal temporary project: Lua snippets into
// example.lua, nginx snippets into nginx.conf, plus whatever context a snippet takes for granted (CONTEXT below).
// Neither project may contain a syntax error: a Good example that does not parse would pass vacuously.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from './support/analyze.ts';
import { discoverProject } from '../src/project/discover-project.ts';
import type { RuleMeta } from '../src/model/rule.ts';
import { RULES } from '../rules/index.ts';

type Project = Record<string, string>;

/** A resty.redis client named `red`, as most snippets assume; connected, unless the snippet connects it itself. */
function withRedisClient(code: string): string {
  const client = 'local redis = require "resty.redis"\nlocal red = redis:new()\n';
  return `${client}${code.includes('red:connect(') ? '' : 'assert(red:connect("127.0.0.1", 6379))\n'}${code}\n`;
}

/** nginx snippets are directives of a location: put them in a complete nginx.conf. */
function inLocation(code: string): string {
  const body = code.replace(/\n/g, '\n      ');
  return `events {}\nhttp {\n  server {\n    listen 8080;\n    location / {\n      ${body}\n    }\n  }\n}\n`;
}

/**
 * What a rule's examples take for granted, by rule id: each entry builds the project for one snippet.
 * A rule not listed gets its snippet alone in example.lua.
 */
const CONTEXT: Record<string, (code: string, kind: 'bad' | 'good') => Project> = {
  // nginx.conf snippets (a directive; a *_by_lua_block).
  'code-cache-off': (code) => ({ 'nginx.conf': inLocation(code) }),
  'cosocket-disabled-phase': (code) => ({ 'nginx.conf': inLocation(code) }),
  'blocking-call': (code) => ({ 'nginx.conf': inLocation(code) }),
  'cosocket-in-c-callback': (code) => ({ 'nginx.conf': inLocation(code) }),
  'resolver-missing': (code) => ({ 'nginx.conf': inLocation(code) }),
  // `redis:new()` with no `local redis = require "resty.redis"`.
  'connection-not-released': (code) => ({ 'example.lua': `local redis = require "resty.redis"\n${code}\n` }),
  'pool-mixed-lifecycle': (code) => ({ 'example.lua': `local redis = require "resty.redis"\n${code}\n` }),
  // The snippet is the error branch of a read on `sock`, a connected ngx.socket.tcp; when the read succeeds the
  // socket is pooled after it (without that line every project also has a connection-not-released finding).
  'keepalive-after-error': (code) => ({
    'example.lua': `local sock = ngx.socket.tcp()\nassert(sock:connect("127.0.0.1", 6379))\n${code}\nsock:setkeepalive(10000, 100)\n`,
  }),
  // `red` is a connected resty.redis client.
  'keepalive-unbounded-idle': (code) => ({ 'example.lua': withRedisClient(code) }),
  // `red` as above; and "the next user of the pool" exists: another file pools 127.0.0.1:6379 without select().
  'pooled-session-state': (code) => ({
    'example.lua': withRedisClient(code),
    'next-user.lua': withRedisClient('local v = red:get("k")\nred:set_keepalive(10000, 100)'),
  }),
  'use-after-release': (code) => ({ 'example.lua': withRedisClient(code) }),
  'timeout-unit-confusion': (code) => ({ 'example.lua': withRedisClient(code) }),
  // `red` as above, and the `-- redis.conf: timeout 60` line is the redis server's configuration.
  'keepalive-exceeds-server-timeout': (code) => ({
    'example.lua': withRedisClient(code),
    'redis.conf': `${[...code.matchAll(/^-- redis\.conf: (.*)$/gm)].map((m) => m[1]).join('\n')}\n`,
  }),
  // The snippets are modules: a module's top level runs once per worker only when something requires it.
  'shared-cosocket': (code) => ({ 'example.lua': `${code}\n`, 'app.lua': 'local example = require "example"\nngx.say(example.get("k"))\n' }),
  // Bad is two files (`-- users.lua`, `-- sessions.lua: ...`) sharing one pool; Good is the code of both files
  // plus settings.lua, whose content its first comment gives. `red` is a resty.redis client in each file.
  'pool-size-conflict': (code, kind): Project => {
    const client = (body: string) => `local redis = require "resty.redis"\nlocal red = redis:new()\n${body}\n`;
    if (kind === 'bad') {
      const [users, sessions] = code.split('\n\n');
      return { 'users.lua': client(users), 'sessions.lua': client(sessions) };
    }
    const [settings, shared] = code.split('\n\n');
    return {
      'settings.lua': `${/^-- settings\.lua: (return \{[^}]*\})/.exec(settings)![1]}\n`,
      'users.lua': client(shared),
      'sessions.lua': client(shared),
    };
  },
};

/**
 * Examples the analyzer gets wrong today, `<rule id> <bad|good>` and what happens: run with it.fails so the suite
 * stays green and the entry must go once the rule or the example is fixed (it.fails fails when the case passes).
 */
const KNOWN_WRONG: Record<string, string> = {};

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-examples-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function analyzeExample(meta: RuleMeta, kind: 'bad' | 'good') {
  const code = meta.example![kind];
  const files = CONTEXT[meta.id]?.(code, kind) ?? { 'example.lua': `${code}\n` };
  const dir = join(tmp, meta.id, kind);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const found = discoverProject(dir, ['.']);
  const result = analyze({ cwd: dir, files: found.lua, nginxConfs: found.nginx, redisConfs: found.redis });
  const findings = result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.startLine}: ${f.message}`);
  return { ruleIds: result.findings.map((f) => f.ruleId), shown: `project:\n${JSON.stringify(files, null, 1)}\nfindings:\n${findings.join('\n')}` };
}

describe('rule documentation examples', () => {
  it('CONTEXT and KNOWN_WRONG only name rules with examples', () => {
    const withExamples = RULES.filter((r) => r.meta.example).map((r) => r.meta.id);
    expect(Object.keys(CONTEXT).filter((id) => !withExamples.includes(id))).toEqual([]);
    expect(Object.keys(KNOWN_WRONG).filter((k) => !withExamples.includes(k.split(' ')[0]))).toEqual([]);
  });

  for (const { meta } of RULES) {
    if (!meta.example) continue;
    for (const kind of ['bad', 'good'] as const) {
      const known = KNOWN_WRONG[`${meta.id} ${kind}`];
      const test = known ? it.fails : it;
      const title = `${meta.id}: ${kind === 'bad' ? 'Bad is reported' : 'Good is not reported'}${known ? ` (known wrong: ${known})` : ''}`;
      test(title, () => {
        const { ruleIds, shown } = analyzeExample(meta, kind);
        if (meta.id !== 'syntax-error') expect(ruleIds, `the example does not parse\n${shown}`).not.toContain('syntax-error');
        if (kind === 'bad') expect(ruleIds, shown).toContain(meta.id);
        else expect(ruleIds, shown).not.toContain(meta.id);
      });
    }
  }
});
