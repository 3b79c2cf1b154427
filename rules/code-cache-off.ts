import type { Rule } from '../src/model/rule.ts';

export const rule: Rule = {
  meta: {
    id: 'code-cache-off',
    name: 'CodeCacheOff',
    shortDescription: 'lua_code_cache off: every request runs in a fresh Lua VM, so no connection is ever reused',
    fullDescription:
      '`lua_code_cache off;` makes ngx_lua create a new Lua VM for every request. Connection pools and every module-level cache live in the VM, so they are thrown away after each request.',
    help: {
      text:
        'Remove `lua_code_cache off;` (the default is on) outside local development. Measured on nginx + ngx_lua + Redis with every path calling set_keepalive(): ' +
        'with the cache off, 2000 requests opened 2000 connections and never reused one, and ran about 25 times slower. nginx only logs an alert at startup.',
      markdown:
        'Remove `lua_code_cache off;` (the default is `on`) outside local development. Measured on nginx + ngx_lua + Redis with every path calling `set_keepalive()`: ' +
        'with the cache off, 2000 requests opened 2000 connections and never reused one, and ran about 25 times slower. nginx only logs an alert at startup.',
    },
    defaultLevel: 'warning',
    tags: ['performance', 'nginx', 'openresty'],
    precision: 'very-high',
    example: { bad: 'lua_code_cache off;', good: '# lua_code_cache on; (the default)' },
  },
  check(model, report) {
    for (const c of model.nginx.codeCache) {
      if (c.value.toLowerCase() !== 'off') continue;
      report({
        message:
          'lua_code_cache off: no pooled connection is ever reused, as every request gets a fresh Lua VM. ' +
          'Connection pools and module-level caches are thrown away after each request, so set_keepalive() never leads to a reused connection ' +
          '(measured: 2000 requests, 2000 connections, 0 reused). Remove the directive (the default is on) outside local development.',
        location: c.location,
      });
    }
  },
};
