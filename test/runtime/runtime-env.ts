// The OpenResty runtime the suite needs (nginx, ngx_lua, lua-resty-redis, redis-server): finding it, describeRuntime.
//
// The runtime suite runs a fixture app (fixtures/runtime/<claim>/{bad,fixed}/) on a real nginx + ngx_lua +
// lua-resty-redis against a real redis-server, so the rules' claims are checked against the runtime.
//
// Needs (Debian 12): apt-get install -y --no-install-recommends nginx libnginx-mod-http-lua lua-nginx-redis redis-server
// (lua-nginx-redis pulls nginx-extras; `ss` from iproute2 is optional). Never install Debian's `luajit` or
// `libluajit-5.1-2`: they remove libnginx-mod-http-lua. RESTY_LINT_RUNTIME_ROOT=<dir> uses the same Debian packages
// unpacked with `apt-get download` + `dpkg-deb -x` into <dir> instead (modules, Lua files and libluajit2 from there).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOracle } from '../nginx/oracle.ts';

export interface RuntimeEnv {
  nginx: string;
  nginxVersion: string;
  /** Directory holding ndk_http_module.so and ngx_http_lua_module.so. */
  moduleDir: string;
  /** Directory holding resty/core.lua and nginx/redis.lua (or resty/redis.lua). */
  luaShare: string;
  /** Whether `require "resty.redis"` needs the shim (Debian's lua-nginx-redis installs `nginx.redis`). */
  needShim: boolean;
  redisServer: string;
  redisVersion: string;
  /** iproute2 `ss`, for TIME_WAIT counts (optional). */
  ss?: string;
  /** Extra environment for nginx (LD_LIBRARY_PATH to an unpacked libluajit2 in RESTY_LINT_RUNTIME_ROOT mode). */
  nginxEnv: Record<string, string>;
}

const INSTALL = 'apt-get install -y --no-install-recommends nginx libnginx-mod-http-lua lua-nginx-redis redis-server';

function which(name: string, extra: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin', ...extra];
  for (const d of dirs) {
    if (!d) continue;
    const p = join(d, name);
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Finds everything the runtime suite needs, or names the first missing piece and why it is needed. */
export function findRuntime(): { env: RuntimeEnv } | { missing: string; why: string } {
  const root = process.env.RESTY_LINT_RUNTIME_ROOT;
  let nginx: string;
  let nginxVersion: string;
  let moduleDir: string;
  let luaShare: string;
  const nginxEnv: Record<string, string> = {};
  if (root) {
    const n = process.env.RESTY_LINT_NGINX ?? which('nginx');
    if (!n) return { missing: 'nginx', why: `the runtime suite runs the fixture apps on nginx (${INSTALL})` };
    nginx = n;
    nginxVersion = /nginx\/(\S+)/.exec(spawnSync(n, ['-v'], { encoding: 'utf8' }).stderr ?? '')?.[1] ?? 'unknown';
    moduleDir = join(root, 'usr/lib/nginx/modules');
    luaShare = join(root, 'usr/share/lua/5.1');
    nginxEnv.LD_LIBRARY_PATH = join(root, 'usr/lib/x86_64-linux-gnu');
  } else {
    const found = findOracle();
    if ('reason' in found) return { missing: found.reason.startsWith('nginx binary') ? 'nginx' : 'ngx_lua module', why: found.reason };
    nginx = found.env.nginx;
    nginxVersion = found.env.version;
    if (found.env.modules.length === 0) {
      return { missing: 'ngx_lua dynamic module', why: `this nginx has ngx_lua built in; the runtime fixtures load it with load_module (${INSTALL})` };
    }
    moduleDir = dirname(found.env.modules[1]);
    luaShare = '/usr/share/lua/5.1';
  }
  for (const m of ['ndk_http_module.so', 'ngx_http_lua_module.so']) {
    if (!existsSync(join(moduleDir, m))) return { missing: join(moduleDir, m), why: `nginx needs ngx_lua and NDK to run Lua (${INSTALL})` };
  }
  if (!existsSync(join(luaShare, 'resty/core.lua'))) {
    return { missing: join(luaShare, 'resty/core.lua'), why: `ngx_lua 0.10.23 refuses to start without lua-resty-core (${INSTALL})` };
  }
  const hasResty = existsSync(join(luaShare, 'resty/redis.lua'));
  if (!hasResty && !existsSync(join(luaShare, 'nginx/redis.lua'))) {
    return { missing: join(luaShare, 'nginx/redis.lua'), why: `the fixture apps talk to Redis with lua-resty-redis (package lua-nginx-redis; ${INSTALL})` };
  }
  const override = process.env.RESTY_LINT_REDIS_SERVER;
  const redisServer = override ? (existsSync(override) ? override : undefined) : which('redis-server');
  if (!redisServer) {
    return { missing: override ? `redis-server (RESTY_LINT_REDIS_SERVER=${override})` : 'redis-server', why: `the fixture apps need a real Redis server (${INSTALL})` };
  }
  const rv = spawnSync(redisServer, ['--version'], { encoding: 'utf8' });
  const redisVersion = /v=(\S+)/.exec(rv.stdout ?? '')?.[1] ?? 'unknown';
  return { env: { nginx, nginxVersion, moduleDir, luaShare, needShim: !hasResty, redisServer, redisVersion, ss: which('ss'), nginxEnv } };
}

/** Whether a missing runtime must fail the run instead of skipping it. */
export const REQUIRE_RUNTIME = process.env.CI === 'true';

/**
 * describe() for runtime tests: runs them when the runtime is present; otherwise skips them with a console.warn
 * naming the missing binary, except under CI=true, where the missing runtime is a failing test.
 */
export function describeRuntime(name: string, body: (env: RuntimeEnv) => void): void {
  const found = findRuntime();
  if ('env' in found) {
    describe(name, () => body(found.env));
    return;
  }
  const reason = `${found.missing} is missing: ${found.why}`;
  if (REQUIRE_RUNTIME) {
    describe(name, () => {
      it('has the OpenResty runtime (nginx + ngx_lua + lua-resty-redis + redis-server); required when CI=true', () => {
        expect.fail(`runtime suite cannot run under CI: ${reason}`);
      });
    });
    return;
  }
  console.warn(`[runtime] skipping "${name}": ${reason}`);
  describe.skip(name, () => body(undefined as unknown as RuntimeEnv));
}
