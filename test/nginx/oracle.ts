// A real nginx with ngx_lua as an oracle for the tokenizer (docs/semantics.md §0.2 and §5).
//
// Needs: apt-get install -y --no-install-recommends nginx libnginx-mod-http-lua
// (pulls libnginx-mod-http-ndk, lua-resty-core, lua-resty-lrucache and OpenResty's libluajit2-5.1-2; never
// install Debian's `luajit` / `libluajit-5.1-2`, which conflicts and removes the module).
//
// Every case runs in its own temporary prefix: `nginx -t -e <prefix>/error.log -p <prefix>/ -c <prefix>/conf/...`.
// Nothing under /etc/nginx is read, no service is touched, and `-t` starts no server.
//
// `nginx -t` does not run any Lua (ngx_http_lua_init returns early when ngx_test_config is set), so the body
// check needs one more step: `luaBodyCheck` starts nginx in the foreground (`daemon off; master_process off;`)
// with a configuration that has no `server` block (so no listening socket) and an `init_by_lua_block` whose
// first statement compares the running chunk with our extracted body and then calls os.exit(0) while nginx is
// still loading its configuration. The child is killed if it is still alive after a timeout.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface OracleEnv {
  nginx: string;
  version: string;
  modules: string[]; // load_module paths, NDK first (Debian's modules-enabled order: 10-mod-http-ndk, 50-mod-http-lua)
}

const MODULE_DIRS = ['/usr/lib/nginx/modules', '/usr/share/nginx/modules'];
const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx', '/usr/local/openresty/nginx/sbin/nginx'];

/**
 * Finds nginx and the ngx_lua + NDK dynamic modules (or an nginx with ngx_lua built in, such as OpenResty's), or
 * says why the oracle cannot run. RESTY_LINT_NGINX=/path/to/nginx picks the binary.
 */
export function findOracle(): { env: OracleEnv } | { reason: string } {
  const override = process.env.RESTY_LINT_NGINX;
  const nginx = override ? (existsSync(override) ? override : undefined) : NGINX_CANDIDATES.find((p) => existsSync(p));
  if (!nginx) {
    return {
      reason: `nginx binary not found (${override ? `RESTY_LINT_NGINX=${override}` : NGINX_CANDIDATES.join(', ')}); ` +
        'apt-get install -y --no-install-recommends nginx libnginx-mod-http-lua',
    };
  }
  const v = spawnSync(nginx, ['-V'], { encoding: 'utf8' });
  const info = `${v.stderr ?? ''}${v.stdout ?? ''}`;
  const version = /nginx\/(\S+)/.exec(info)?.[1] ?? 'unknown';
  // ngx_lua compiled in (OpenResty): no load_module needed.
  if (/--add-module=\S*(ngx_lua|lua-nginx-module)/.test(info)) return { env: { nginx, version, modules: [] } };
  const find = (file: string) => MODULE_DIRS.map((d) => join(d, file)).find((p) => existsSync(p));
  const lua = find('ngx_http_lua_module.so');
  const ndk = find('ndk_http_module.so');
  if (!lua || !ndk) {
    return { reason: `ngx_lua / NDK module not found under ${MODULE_DIRS.join(', ')} (apt-get install -y libnginx-mod-http-lua)` };
  }
  return { env: { nginx, version, modules: [ndk, lua] } };
}

export interface Prefix {
  dir: string; // ends without a slash
  confPath: string;
  cleanup(): void;
}

/** A fresh prefix directory with conf/, logs/, lua/ and tmp/. */
export function makePrefix(): Prefix {
  const dir = mkdtempSync(join(tmpdir(), 'resty-lint-oracle-'));
  for (const sub of ['conf', 'logs', 'lua', 'tmp']) mkdirSync(join(dir, sub));
  return { dir, confPath: join(dir, 'conf', 'nginx.conf'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The main-context and http-level lines every case needs, keeping every file nginx writes inside the prefix. */
export function preamble(env: OracleEnv, prefix: string): { main: string; http: string } {
  const main = [
    ...env.modules.map((m) => `load_module ${m};`),
    `error_log ${prefix}/logs/error.log;`,
    `pid ${prefix}/logs/nginx.pid;`,
    'events {}',
  ].join('\n');
  const http = [
    'access_log off;',
    `client_body_temp_path ${prefix}/tmp/body;`,
    `proxy_temp_path ${prefix}/tmp/proxy;`,
    `fastcgi_temp_path ${prefix}/tmp/fastcgi;`,
    `uwsgi_temp_path ${prefix}/tmp/uwsgi;`,
    `scgi_temp_path ${prefix}/tmp/scgi;`,
    `lua_package_path "${prefix}/lua/?.lua;;";`,
  ].join('\n');
  return { main, http };
}

export interface NginxVerdict {
  ok: boolean;
  /** The first `[emerg]` (or `[error]`) message without the ` in file:line` tail. */
  message?: string;
  file?: string;
  line?: number;
  output: string;
}

/**
 * Writes `files` (paths relative to the prefix) and runs `nginx -t` on `<prefix>/conf/nginx.conf`, or on `confPath`
 * (absolute, or relative to the prefix as nginx resolves `-c`).
 */
export function nginxTest(env: OracleEnv, prefix: Prefix, files: Record<string, string | Buffer>, confPath = prefix.confPath): NginxVerdict {
  writeFiles(prefix, files);
  const r = spawnSync(env.nginx, ['-t', '-e', `${prefix.dir}/logs/error.log`, '-p', `${prefix.dir}/`, '-c', confPath], {
    encoding: 'latin1',
    cwd: prefix.dir, // a crash (nginx -t segfaults on include cycles) leaves any core file in the prefix
    timeout: 30_000,
    killSignal: 'SIGKILL',
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const verdict: NginxVerdict = { ok: r.status === 0, output };
  const m = /\[(?:emerg|error)\] (.*?)(?: in (\S+):(\d+))?$/m.exec(output);
  if (m) {
    verdict.message = m[1];
    if (m[2]) verdict.file = m[2];
    if (m[3]) verdict.line = Number(m[3]);
  }
  return verdict;
}

function writeFiles(prefix: Prefix, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(prefix.dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === 'string' ? Buffer.from(content, 'latin1') : content);
  }
}

const CHECKER = `-- written by resty-lint's oracle harness
local M = {}
function M.check(ours_path, out_path)
  local info = debug.getinfo(2, "fS")
  local theirs = string.dump(info.func)
  local out = assert(io.open(out_path, "wb"))
  local fh = io.open(ours_path, "rb")
  if not fh then
    out:write("NO-OURS")
  else
    local src = fh:read("*a")
    fh:close()
    -- same chunk name, so the dumps (debug info and line numbers included) compare equal iff the code does
    local f, err = loadstring(src, info.source)
    if not f then
      out:write("OURS-DOES-NOT-LOAD ", err)
    elseif string.dump(f) == theirs then
      out:write("SAME")
    else
      out:write("DIFFERENT")
    end
  end
  out:close()
  os.exit(0)
end
return M
`;

/** The statement a body-check block must start with (it ends nginx before anything else runs). */
export function checkerCall(prefix: string): string {
  return `require("oracle_check").check("${prefix}/ours.lua", "${prefix}/verdict");`;
}

export interface BodyCheck {
  /** SAME: the Lua chunk nginx loaded compiles to the same bytecode (debug info included) as our body. */
  result: 'SAME' | 'DIFFERENT' | 'NO-OURS' | 'OURS-DOES-NOT-LOAD' | 'NGINX-FAILED' | 'NO-VERDICT';
  detail: string;
}

/**
 * Compares our extracted Lua with the chunk ngx_lua loads. `conf` must contain an `init_by_lua_block` (or
 * `init_by_lua '...'`) whose code starts with checkerCall(prefix.dir), inside an http block with no server.
 */
export function luaBodyCheck(env: OracleEnv, prefix: Prefix, conf: string, ours: string): BodyCheck {
  writeFiles(prefix, { 'conf/nginx.conf': conf, 'lua/oracle_check.lua': CHECKER, 'ours.lua': ours });
  rmSync(join(prefix.dir, 'verdict'), { force: true });
  const r = spawnSync(env.nginx, ['-e', `${prefix.dir}/logs/error.log`, '-p', `${prefix.dir}/`, '-c', prefix.confPath], {
    encoding: 'latin1',
    cwd: prefix.dir,
    timeout: 20_000,
    killSignal: 'SIGKILL',
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const verdictPath = join(prefix.dir, 'verdict');
  if (!existsSync(verdictPath)) {
    return { result: r.status === 0 ? 'NO-VERDICT' : 'NGINX-FAILED', detail: output };
  }
  const verdict = readFileSync(verdictPath, 'latin1');
  const result = verdict.split(' ')[0] as BodyCheck['result'];
  return { result, detail: verdict };
}

/** The main context for a body check: foreground, single process, no server block anywhere. */
export function bodyCheckMain(env: OracleEnv, prefix: string): string {
  return [
    ...env.modules.map((m) => `load_module ${m};`),
    `error_log ${prefix}/logs/error.log;`,
    `pid ${prefix}/logs/nginx.pid;`,
    'daemon off;',
    'master_process off;',
    'events {}',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// The conf cases in fixtures/nginx/tokenizer, shared by fixtures.test.ts (our parser) and oracle.test.ts (nginx).

export const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures/nginx/tokenizer');

export interface FixtureExpectation {
  note: string;
  /** Lua directives and the exact code each carries. */
  lua?: { directive: string; body: string }[];
  /** The directive expected right after the (first) Lua directive, at the same level. */
  after?: string;
  /** Expected errors (line within the fixture file, message); empty when nginx accepts the snippet. */
  errors: { line: number; message: string }[];
}

/** The fixture files are server-level snippets (nginx embeds them in `server { ... }`). */
export function loadFixtures(): { name: string; text: string; expected: FixtureExpectation }[] {
  const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, 'expected.json'), 'utf8')) as Record<string, FixtureExpectation>;
  const names = readdirSync(FIXTURE_DIR)
    .filter((n) => n.endsWith('.conf'))
    .sort();
  return names.map((name) => ({ name, text: readFileSync(join(FIXTURE_DIR, name), 'latin1'), expected: expected[name] }));
}
