// The ngx_lua directives that carry Lua code, and the non-Lua directives the analyzer reads.
//
// Source: lua-nginx-module src/ngx_http_lua_module.c (command table) and src/ngx_http_lua_util.h
// (NGX_HTTP_LUA_CONTEXT_YIELDABLE), pinned in docs/semantics.md §0 (LNM-MOD, LNM-UTILH), and §3 / §5.3 there.

/** The phase (ngx_lua "context") a piece of Lua runs in. */
export type LuaPhase =
  | 'init'
  | 'init_worker'
  | 'exit_worker'
  | 'set'
  | 'server_rewrite'
  | 'rewrite'
  | 'access'
  | 'precontent'
  | 'content'
  | 'header_filter'
  | 'body_filter'
  | 'log'
  | 'balancer'
  | 'ssl_client_hello'
  | 'ssl_certificate'
  | 'ssl_session_fetch'
  | 'ssl_session_store'
  | 'proxy_ssl_certificate'
  | 'proxy_ssl_verify';

/** How the code is given: `x_by_lua_block { code }`, `x_by_lua 'code'` or `x_by_lua_file path`. */
export type LuaForm = 'block' | 'string' | 'file';

/** nginx configuration contexts, as in the C command masks (`if` inside `server` / `location` kept apart). */
export type NginxContext = 'http' | 'server' | 'server_if' | 'location' | 'location_if' | 'upstream';

export interface LuaDirectiveInfo {
  name: string;
  phase: LuaPhase;
  form: LuaForm;
  /**
   * Arguments before the code (block body, code string or file path): 1 for `set_by_lua*` (`$res`), else 0.
   * The code / path is `args[argsBefore]` for the string and file forms.
   */
  argsBefore: number;
  /** `set_by_lua` and `set_by_lua_file` accept extra arguments after the code (NGX_CONF_2MORE). */
  extraArgs: boolean;
  /** Whether cosocket APIs (`ngx.socket.tcp`, hence resty.redis & co.) may run in this phase (C yieldable mask). */
  cosocket: boolean;
  /** Where nginx accepts the directive (C command mask). */
  contexts: readonly NginxContext[];
  /**
   * Whether an empty code / path fails the config load with "invalid location config: no runnable Lua code"
   * (`content_by_lua_block {}`); the handlers of init, server_rewrite, rewrite, access, precontent, content,
   * header_filter, body_filter and log check it.
   */
  emptyCodeRejected: boolean;
  /**
   * lua-nginx-module version that first has the directive, where newer than the 0.10.x line most installs have
   * (Debian bookworm ships 0.10.23).
   */
  since?: string;
}

interface PhaseRow {
  phase: LuaPhase;
  forms: readonly LuaForm[];
  cosocket: boolean;
  contexts: readonly NginxContext[];
  since?: string;
}

const MAIN: readonly NginxContext[] = ['http'];
const MSLL: readonly NginxContext[] = ['http', 'server', 'location', 'location_if'];
const LOC: readonly NginxContext[] = ['location', 'location_if'];
const MS: readonly NginxContext[] = ['http', 'server'];

// One row per phase; the directive name is `<phase>_by_lua` + `_block` / `` / `_file`.
const PHASES: readonly PhaseRow[] = [
  { phase: 'init', forms: ['block', 'string', 'file'], cosocket: false, contexts: MAIN },
  { phase: 'init_worker', forms: ['block', 'string', 'file'], cosocket: false, contexts: MAIN },
  { phase: 'exit_worker', forms: ['block', 'file'], cosocket: false, contexts: MAIN },
  { phase: 'set', forms: ['block', 'string', 'file'], cosocket: false, contexts: ['server', 'server_if', 'location', 'location_if'] },
  { phase: 'server_rewrite', forms: ['block', 'file'], cosocket: true, contexts: MS, since: '0.10.23' },
  { phase: 'rewrite', forms: ['block', 'string', 'file'], cosocket: true, contexts: MSLL },
  { phase: 'access', forms: ['block', 'string', 'file'], cosocket: true, contexts: MSLL },
  { phase: 'precontent', forms: ['block', 'file'], cosocket: true, contexts: MSLL, since: '0.10.30' },
  { phase: 'content', forms: ['block', 'string', 'file'], cosocket: true, contexts: LOC },
  { phase: 'header_filter', forms: ['block', 'string', 'file'], cosocket: false, contexts: MSLL },
  { phase: 'body_filter', forms: ['block', 'string', 'file'], cosocket: false, contexts: MSLL },
  { phase: 'log', forms: ['block', 'string', 'file'], cosocket: false, contexts: MSLL },
  { phase: 'balancer', forms: ['block', 'file'], cosocket: false, contexts: ['upstream'] },
  { phase: 'ssl_client_hello', forms: ['block', 'file'], cosocket: true, contexts: MS, since: '0.10.21' },
  { phase: 'ssl_certificate', forms: ['block', 'file'], cosocket: true, contexts: MS },
  { phase: 'ssl_session_fetch', forms: ['block', 'file'], cosocket: true, contexts: MAIN },
  { phase: 'ssl_session_store', forms: ['block', 'file'], cosocket: false, contexts: MAIN },
  // Only with an nginx carrying OpenResty's proxy-ssl patch (HAVE_LUA_PROXY_SSL).
  { phase: 'proxy_ssl_certificate', forms: ['block', 'file'], cosocket: true, contexts: LOC, since: '0.10.30' },
  { phase: 'proxy_ssl_verify', forms: ['block', 'file'], cosocket: true, contexts: LOC, since: '0.10.29' },
];

const EMPTY_CODE_REJECTED = new Set<LuaPhase>([
  'init',
  'server_rewrite',
  'rewrite',
  'access',
  'precontent',
  'content',
  'header_filter',
  'body_filter',
  'log',
]);

const SUFFIX: Record<LuaForm, string> = { block: '_by_lua_block', string: '_by_lua', file: '_by_lua_file' };

/** Every Lua-carrying directive, in phase order (block, string, file within a phase). */
export const LUA_DIRECTIVES: readonly LuaDirectiveInfo[] = PHASES.flatMap((row) =>
  row.forms.map((form): LuaDirectiveInfo => {
    const isSet = row.phase === 'set';
    const info: LuaDirectiveInfo = {
      name: row.phase + SUFFIX[form],
      phase: row.phase,
      form,
      argsBefore: isSet ? 1 : 0,
      extraArgs: isSet && form !== 'block',
      cosocket: row.cosocket,
      contexts: row.contexts,
      emptyCodeRejected: EMPTY_CODE_REJECTED.has(row.phase),
    };
    if (row.since) info.since = row.since;
    return info;
  }),
);

const BY_NAME = new Map(LUA_DIRECTIVES.map((d) => [d.name, d]));

/** The table row for a directive name, or undefined when it carries no Lua. */
export function luaDirective(name: string): LuaDirectiveInfo | undefined {
  return BY_NAME.get(name);
}

/** Whether cosockets are allowed in a phase (the C mask NGX_HTTP_LUA_CONTEXT_YIELDABLE; `init` has no request). */
export function phaseAllowsCosocket(phase: LuaPhase): boolean {
  return PHASES.some((row) => row.phase === phase && row.cosocket);
}

/** nginx's argument-count check (ngx_conf_handler) for a Lua directive given its argument count (name excluded). */
export function luaDirectiveArgCountOk(info: LuaDirectiveInfo, argCount: number): boolean {
  if (info.form === 'block') return argCount === info.argsBefore; // NGX_CONF_NOARGS, or TAKE1 for set_by_lua_block
  if (info.extraArgs) return argCount >= 2; // NGX_CONF_2MORE
  return argCount === 1; // NGX_CONF_TAKE1
}

/** Non-Lua directives whose values matter to the analyzer. */
export interface ConfigDirectiveInfo {
  name: string;
  contexts: readonly (NginxContext | 'main')[];
  /** nginx's argument-count rule for it. */
  args: 'one' | 'flag';
  /** The value nginx uses when the directive is absent, as written in a config. */
  default?: string;
  note: string;
}

export const LUA_CONFIG_DIRECTIVES: readonly ConfigDirectiveInfo[] = [
  {
    name: 'lua_package_path',
    contexts: ['http'],
    args: 'one',
    note: '";;" stands for the default path; "$prefix" / "${prefix}" become the server prefix; a second one is "is duplicate".',
  },
  {
    name: 'lua_package_cpath',
    contexts: ['http'],
    args: 'one',
    note: 'Same rules as lua_package_path.',
  },
  {
    name: 'lua_code_cache',
    contexts: ['http', 'server', 'location', 'location_if'],
    args: 'flag',
    default: 'on',
    note: '"off" gives every request a fresh Lua VM, so pooled cosocket connections are never reused.',
  },
  {
    name: 'lua_socket_pool_size',
    contexts: ['http', 'server', 'location', 'location_if'],
    args: 'one',
    default: '30',
    note: 'Size of a cosocket pool when it is created lazily by the first setkeepalive; per worker.',
  },
  {
    name: 'lua_socket_keepalive_timeout',
    contexts: ['http', 'server', 'location', 'location_if'],
    args: 'one',
    default: '60s',
    note: 'Idle timeout of pooled connections (unit defaults to seconds; setkeepalive() takes milliseconds).',
  },
  {
    name: 'worker_processes',
    contexts: ['main'],
    args: 'one',
    default: '1',
    note: 'Pools are per worker: total connections = workers x pool size. "auto" = number of CPUs.',
  },
];

const CONFIG_BY_NAME = new Map(LUA_CONFIG_DIRECTIVES.map((d) => [d.name, d]));

export function configDirective(name: string): ConfigDirectiveInfo | undefined {
  return CONFIG_BY_NAME.get(name);
}
