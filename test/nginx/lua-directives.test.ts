import { describe, expect, it } from 'vitest';

import {
  LUA_CONFIG_DIRECTIVES,
  LUA_DIRECTIVES,
  configDirective,
  luaDirective,
  luaDirectiveArgCountOk,
  phaseAllowsCosocket,
  type LuaPhase,
} from '../../src/nginx/lua-directives.ts';

describe('LUA_DIRECTIVES', () => {
  it('lists every Lua-carrying directive of lua-nginx-module (src/ngx_http_lua_module.c)', () => {
    // The names in ngx_http_lua_cmds that carry Lua code, at the pinned commit.
    const expected = [
      'init_by_lua_block', 'init_by_lua', 'init_by_lua_file',
      'init_worker_by_lua_block', 'init_worker_by_lua', 'init_worker_by_lua_file',
      'exit_worker_by_lua_block', 'exit_worker_by_lua_file',
      'set_by_lua_block', 'set_by_lua', 'set_by_lua_file',
      'server_rewrite_by_lua_block', 'server_rewrite_by_lua_file',
      'rewrite_by_lua', 'rewrite_by_lua_block', 'rewrite_by_lua_file',
      'access_by_lua', 'access_by_lua_block', 'access_by_lua_file',
      'precontent_by_lua_block', 'precontent_by_lua_file',
      'content_by_lua', 'content_by_lua_block', 'content_by_lua_file',
      'log_by_lua', 'log_by_lua_block', 'log_by_lua_file',
      'header_filter_by_lua', 'header_filter_by_lua_block', 'header_filter_by_lua_file',
      'body_filter_by_lua', 'body_filter_by_lua_block', 'body_filter_by_lua_file',
      'balancer_by_lua_block', 'balancer_by_lua_file',
      'ssl_client_hello_by_lua_block', 'ssl_client_hello_by_lua_file',
      'ssl_certificate_by_lua_block', 'ssl_certificate_by_lua_file',
      'ssl_session_store_by_lua_block', 'ssl_session_store_by_lua_file',
      'ssl_session_fetch_by_lua_block', 'ssl_session_fetch_by_lua_file',
      'proxy_ssl_certificate_by_lua_block', 'proxy_ssl_certificate_by_lua_file',
      'proxy_ssl_verify_by_lua_block', 'proxy_ssl_verify_by_lua_file',
    ];
    expect(LUA_DIRECTIVES.map((d) => d.name).sort()).toEqual([...expected].sort());
    for (const d of LUA_DIRECTIVES) {
      const suffix = { block: '_by_lua_block', string: '_by_lua', file: '_by_lua_file' }[d.form];
      expect(d.name).toBe(d.phase + suffix);
    }
  });

  it('cosockets follow the C mask NGX_HTTP_LUA_CONTEXT_YIELDABLE (docs/semantics.md §3)', () => {
    const yes: LuaPhase[] = [
      'server_rewrite', 'rewrite', 'access', 'precontent', 'content',
      'ssl_client_hello', 'ssl_certificate', 'ssl_session_fetch', 'proxy_ssl_certificate', 'proxy_ssl_verify',
    ];
    const no: LuaPhase[] = [
      'init', 'init_worker', 'exit_worker', 'set', 'header_filter', 'body_filter', 'log', 'balancer', 'ssl_session_store',
    ];
    for (const p of yes) expect(phaseAllowsCosocket(p), p).toBe(true);
    for (const p of no) expect(phaseAllowsCosocket(p), p).toBe(false);
    for (const d of LUA_DIRECTIVES) expect(d.cosocket).toBe(phaseAllowsCosocket(d.phase));
  });

  it('argument shapes: set_by_lua* take $var first; the string and file forms of set take extra args', () => {
    expect(luaDirective('set_by_lua_block')).toMatchObject({ argsBefore: 1, extraArgs: false, form: 'block' });
    expect(luaDirective('set_by_lua')).toMatchObject({ argsBefore: 1, extraArgs: true, form: 'string' });
    expect(luaDirective('set_by_lua_file')).toMatchObject({ argsBefore: 1, extraArgs: true, form: 'file' });
    expect(luaDirective('content_by_lua')).toMatchObject({ argsBefore: 0, extraArgs: false });
    expect(luaDirective('lua_package_path')).toBeUndefined();
    expect(luaDirective('exit_worker_by_lua')).toBeUndefined(); // no string form

    const ok = (name: string, n: number) => luaDirectiveArgCountOk(luaDirective(name)!, n);
    expect([0, 1].map((n) => ok('content_by_lua_block', n))).toEqual([true, false]);
    expect([0, 1, 2].map((n) => ok('set_by_lua_block', n))).toEqual([false, true, false]);
    expect([0, 1, 2].map((n) => ok('access_by_lua', n))).toEqual([false, true, false]);
    expect([1, 2, 5].map((n) => ok('set_by_lua', n))).toEqual([false, true, true]);
  });

  it('contexts from the C command masks', () => {
    expect(luaDirective('content_by_lua_block')!.contexts).toEqual(['location', 'location_if']);
    expect(luaDirective('init_by_lua_block')!.contexts).toEqual(['http']);
    expect(luaDirective('balancer_by_lua_block')!.contexts).toEqual(['upstream']);
    expect(luaDirective('ssl_certificate_by_lua_block')!.contexts).toEqual(['http', 'server']);
    expect(luaDirective('set_by_lua')!.contexts).toEqual(['server', 'server_if', 'location', 'location_if']);
  });

  it('which handlers refuse empty code', () => {
    expect(luaDirective('content_by_lua_block')!.emptyCodeRejected).toBe(true);
    expect(luaDirective('init_by_lua')!.emptyCodeRejected).toBe(true);
    expect(luaDirective('init_worker_by_lua_block')!.emptyCodeRejected).toBe(false);
    expect(luaDirective('set_by_lua_block')!.emptyCodeRejected).toBe(false);
  });
});

describe('LUA_CONFIG_DIRECTIVES', () => {
  it('has the non-Lua directives the analyzer reads', () => {
    expect(LUA_CONFIG_DIRECTIVES.map((d) => d.name)).toEqual(
      expect.arrayContaining(['lua_package_path', 'lua_code_cache', 'lua_socket_pool_size', 'lua_socket_keepalive_timeout', 'worker_processes']),
    );
    expect(configDirective('lua_socket_pool_size')).toMatchObject({ default: '30' });
    expect(configDirective('lua_code_cache')).toMatchObject({ default: 'on', args: 'flag' });
    expect(configDirective('lua_socket_keepalive_timeout')).toMatchObject({ default: '60s' });
    expect(configDirective('content_by_lua')).toBeUndefined();
  });
});
