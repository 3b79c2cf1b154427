// Rendering a fixture app into an app's prefix: the fixture's canonical ports and paths replaced by the real ones.
//
// The fixture files are real, analyzable code written with canonical values, and are copied into the prefix with
// exactly these substitutions (each checked to happen where it must):
//   127.0.0.1:8080                      -> 127.0.0.1:<http port>       (nginx.conf listen)
//   6379 (a whole number)               -> <redis port>                (Lua, nginx.conf, redis.conf)
//   /usr/lib/nginx/modules/             -> the module directory found
//   /usr/share/lua/5.1/                 -> the Lua share directory found
//   127.0.0.1:5353 (nginx.conf)         -> 127.0.0.1:<dns port>         (only when the test starts a DNS responder)
// Debian installs lua-resty-redis as `nginx.redis`; when `resty/redis.lua` is missing, a one-line shim
// (`return require "nginx.redis"`) is written to <prefix>/shim (by runtime-app.ts), which the fixtures put on
// lua_package_path.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeEnv } from './runtime-env.ts';

/** Copies a fixture app into the prefix with the substitutions listed at the top of this file. */
export function renderFixture(env: RuntimeEnv, src: string, dest: string, ports: { httpPort: number; redisPort: number; dnsPort?: number }): void {
  cpSync(src, dest, { recursive: true });
  const conf = join(dest, 'nginx.conf');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of walk(dest)) {
    if (!/\.(lua|conf)$/.test(file)) continue;
    let text = readFileSync(file, 'utf8');
    text = text.replace(/\b6379\b/g, String(ports.redisPort));
    if (file === conf) {
      if (!/^\s*daemon\s+off\s*;/m.test(text) || !/^\s*pid\s+logs\//m.test(text) || !/^\s*error_log\s+logs\//m.test(text)) {
        throw new Error(`${src}/nginx.conf must have daemon off; and pid/error_log under logs/ (the harness tracks the master by pid)`);
      }
      if (!text.includes('listen 127.0.0.1:8080;')) throw new Error(`${src}/nginx.conf must listen on 127.0.0.1:8080 (replaced by a free port)`);
      text = text
        .replaceAll('listen 127.0.0.1:8080;', `listen 127.0.0.1:${ports.httpPort};`)
        .replaceAll('/usr/lib/nginx/modules/', `${env.moduleDir}/`)
        .replaceAll('/usr/share/lua/5.1/', `${env.luaShare}/`);
      if (ports.dnsPort !== undefined) {
        if (!text.includes('127.0.0.1:5353')) throw new Error(`${src}/nginx.conf must name its resolver 127.0.0.1:5353 (replaced by the DNS responder's port)`);
        text = text.replaceAll('127.0.0.1:5353', `127.0.0.1:${ports.dnsPort}`);
      }
    }
    writeFileSync(file, text);
  }
}
