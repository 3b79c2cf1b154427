import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { nodeConfFiles, parseNginxConf, type ConfFiles } from '../../src/nginx/include.ts';
import {
  buildNginxModel,
  luaPackageRoots,
  mapLuaFile,
  parseNginxTime,
  type LuaEntry,
  type NginxModel,
} from '../../src/nginx/nginx-model.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const APP = join(REPO_ROOT, 'fixtures', 'conf-model', 'app');

/** An in-memory file system: absolute paths → contents. */
function memFiles(files: Record<string, string>): ConfFiles {
  return {
    read: (path) => (files[path] === undefined ? undefined : Buffer.from(files[path], 'utf8')),
    list(dir) {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const names = new Set<string>();
      for (const p of Object.keys(files)) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
      return names.size > 0 ? [...names] : undefined;
    },
  };
}

function modelOf(text: string, extra: Record<string, string> = {}) {
  const conf = parseNginxConf(memFiles({ '/etc/nginx/nginx.conf': text, ...extra }), '/etc/nginx/nginx.conf');
  return { conf, model: buildNginxModel(conf) };
}

/** Line/column of a conf location. */
function pos(conf: ReturnType<typeof parseNginxConf>, at: { file: string; offset: number }) {
  return { file: at.file, ...conf.sources.get(at.file)!.position(at.offset) };
}

function entry(model: NginxModel, directive: string): LuaEntry {
  const found = model.entries.filter((e) => e.directive === directive);
  expect(found, directive).toHaveLength(1);
  return found[0];
}

describe('buildNginxModel on fixtures/conf-model/app', () => {
  const conf = parseNginxConf(nodeConfFiles, join(APP, 'nginx.conf'));
  const model = buildNginxModel(conf);
  const api = join(APP, 'conf.d', '10-api.conf');
  const plain = join(APP, 'conf.d', '20-plain.conf');

  it('follows the include glob in order and attributes each directive to its file', () => {
    expect(model.mainFile).toBe(join(APP, 'nginx.conf'));
    expect(model.errors).toEqual([]);
    expect(model.entries.map((e) => [e.directive, e.phase, e.form, e.cosocketAllowed, e.context])).toEqual([
      ['init_worker_by_lua_block', 'init_worker', 'block', false, ['http']],
      ['content_by_lua_file', 'content', 'file', true, ['http', 'server', 'location /api']],
      ['access_by_lua_block', 'access', 'block', true, ['http', 'server', 'location /other']],
      ['set_by_lua_block', 'set', 'block', false, ['http', 'server', 'location /', 'if ($arg_x)']],
      ['log_by_lua_block', 'log', 'block', false, ['http', 'server', 'location /']],
    ]);
    expect(pos(conf, entry(model, 'content_by_lua_file').location)).toEqual({ file: api, line: 8, column: 9 });
    expect(pos(conf, entry(model, 'set_by_lua_block').location)).toEqual({ file: plain, line: 6, column: 13 });
  });

  it('inherits lua_code_cache, keepalive timeout and pool size http → server → location → if', () => {
    const s = (d: string) => entry(model, d).settings;
    expect(s('init_worker_by_lua_block')).toEqual({ codeCache: true, keepaliveTimeoutMs: 30_000, poolSize: 30 });
    expect(s('content_by_lua_file')).toEqual({ codeCache: false, keepaliveTimeoutMs: 5000, poolSize: 100 });
    expect(s('access_by_lua_block')).toEqual({ codeCache: true, keepaliveTimeoutMs: 30_000, poolSize: 30 });
    expect(s('set_by_lua_block')).toEqual({ codeCache: true, keepaliveTimeoutMs: 30_000, poolSize: 30 });
  });

  it('maps block Lua offsets into the included file', () => {
    const access = entry(model, 'access_by_lua_block');
    const at = access.code!.text.indexOf('require');
    expect(at).toBeGreaterThan(0);
    expect(pos(conf, access.code!.toConf(at))).toEqual({ file: api, line: 14, column: 27 });
  });

  it('gives set_by_lua_block $v its body', () => {
    const set = entry(model, 'set_by_lua_block');
    expect(set.code!.text).toBe(' return 1 ');
    expect(pos(conf, set.code!.toConf(1))).toEqual({ file: plain, line: 6, column: 35 });
  });

  it('collects lua_code_cache, package path, timeouts and worker_processes with their files', () => {
    expect(model.codeCache.map((c) => ({ value: c.value, context: c.context, at: pos(conf, c.location) }))).toEqual([
      { value: 'off', context: ['http', 'server'], at: { file: api, line: 3, column: 5 } },
      { value: 'on', context: ['http', 'server', 'location /other'], at: { file: api, line: 12, column: 9 } },
    ]);
    expect(model.packagePaths.map((p) => p.pattern)).toEqual(['$prefix/lua/?.lua;/opt/lib/?/init.lua;;']);
    expect(luaPackageRoots(model.packagePaths[0].pattern)).toEqual(['$prefix/lua', '/opt/lib']);
    expect(model.keepaliveTimeouts.map((k) => [k.ms, k.raw, pos(conf, k.location).line])).toEqual([
      [30_000, '30s', 9],
      [5000, '5000ms', 6],
    ]);
    expect(model.workerProcesses?.value).toBe('4');
    expect(pos(conf, model.workerProcesses!.location)).toEqual({ file: join(APP, 'nginx.conf'), line: 1, column: 1 });
  });

  it('maps the *_by_lua_file path onto the scanned Lua file', () => {
    const file = entry(model, 'content_by_lua_file');
    expect(file.filePath).toBe('$prefix/lua/app.lua');
    expect(file.code).toBeUndefined();
    const scanned = ['fixtures/conf-model/app/lua/app.lua', 'fixtures/lua/classic-mix/app.lua'];
    expect(mapLuaFile(file.filePath!, scanned)).toBe('fixtures/conf-model/app/lua/app.lua');
  });
});

describe('buildNginxModel', () => {
  it('applies a setting to its whole block, Lua written before it included', () => {
    const { model } = modelOf(
      'http {\n server {\n  location / {\n   content_by_lua_block { }\n   lua_code_cache off;\n  }\n }\n lua_socket_keepalive_timeout 1m;\n}\n',
    );
    expect(model.entries[0].settings).toEqual({ codeCache: false, keepaliveTimeoutMs: 60_000, poolSize: 30 });
    expect(model.keepaliveTimeouts.map((k) => k.ms)).toEqual([60_000]);
  });

  it('keeps sibling blocks apart and nested locations inheriting', () => {
    const { model } = modelOf(
      [
        'http {',
        '  lua_socket_pool_size 50;',
        '  server { lua_code_cache off; location /a { location /a/b { content_by_lua_block { } } } }',
        '  server { location /c { content_by_lua_block { } } }',
        '}',
      ].join('\n'),
    );
    expect(model.entries.map((e) => [e.context.at(-1), e.settings.codeCache, e.settings.poolSize])).toEqual([
      ['location /a/b', false, 50],
      ['location /c', true, 50],
    ]);
  });

  it('does not take template placeholders in lua_code_cache for off', () => {
    const { model } = modelOf(
      [
        'http {',
        '  lua_code_cache off;',
        '  server { lua_code_cache "{{ lua_code_cache }}"; location /a { content_by_lua_block { } } }',
        '  server { lua_code_cache ${LUA_CODE_CACHE}; location /b { content_by_lua_block { } } }',
        '  server { location /c { lua_code_cache OFF; content_by_lua_block { } } }',
        '}',
      ].join('\n'),
    );
    expect(model.codeCache.map((c) => c.value)).toEqual(['off', '{{ lua_code_cache }}', '${LUA_CODE_CACHE}', 'OFF']);
    expect(model.entries.map((e) => e.settings.codeCache)).toEqual([true, true, false]);
  });

  it('maps string-form Lua offsets through nginx escapes', () => {
    const text = String.raw`http {
    server {
        location /s {
            content_by_lua "local t = \"x\"\n ngx.say(t)";
        }
    }
}
`;
    const { conf, model } = modelOf(text);
    const e = entry(model, 'content_by_lua');
    expect(e).toMatchObject({ phase: 'content', form: 'string', cosocketAllowed: true, context: ['http', 'server', 'location /s'] });
    expect(e.code!.text).toBe('local t = "x"\n ngx.say(t)');
    const ngx = e.code!.text.indexOf('ngx');
    expect(ngx).toBe(15);
    expect(pos(conf, e.code!.toConf(ngx))).toEqual({ file: '/etc/nginx/nginx.conf', line: 4, column: 47 });
    expect(pos(conf, e.code!.toConf(11))).toEqual({ file: '/etc/nginx/nginx.conf', line: 4, column: 41 }); // x
    expect(pos(conf, e.location)).toEqual({ file: '/etc/nginx/nginx.conf', line: 4, column: 13 });
  });

  it('reads set_by_lua (string) with its arguments and keeps stream-lua phases', () => {
    const { model } = modelOf(
      [
        'http { server { location / { set_by_lua $sum "return ngx.arg[1] + ngx.arg[2]" $a $b; } } }',
        'stream { server { preread_by_lua_block { local s = ngx.socket.tcp() } content_by_lua_file lua/s.lua; } }',
      ].join('\n'),
    );
    expect(model.entries.map((e) => [e.directive, e.phase, e.form, e.cosocketAllowed, e.code?.text ?? e.filePath])).toEqual([
      ['set_by_lua', 'set', 'string', false, 'return ngx.arg[1] + ngx.arg[2]'],
      ['preread_by_lua_block', 'preread', 'block', true, ' local s = ngx.socket.tcp() '],
      ['content_by_lua_file', 'content', 'file', true, 'lua/s.lua'],
    ]);
  });

  it('reports duplicates like nginx and keeps the first value', () => {
    const { model } = modelOf(
      'worker_processes 2;\nworker_processes 8;\nhttp {\n  lua_code_cache off;\n  lua_code_cache on;\n  init_by_lua_block { }\n}\n',
    );
    expect(model.workerProcesses?.value).toBe('2');
    expect(model.entries[0].settings.codeCache).toBe(false);
    expect(model.errors).toEqual([
      { file: '/etc/nginx/nginx.conf', offset: 20, message: '"worker_processes" directive is duplicate' },
      { file: '/etc/nginx/nginx.conf', offset: 71, message: '"lua_code_cache" directive is duplicate' },
    ]);
  });

  it('passes parse errors through and skips a Lua block that never closes', () => {
    const { model } = modelOf('http {\n  server {\n    location / {\n      content_by_lua_block {\n        ngx.say(1)\n');
    expect(model.entries).toEqual([]);
    expect(model.errors.length).toBeGreaterThan(0);
    expect(model.errors[0].file).toBe('/etc/nginx/nginx.conf');
  });

  it('attributes directives from a non-glob include to the included file', () => {
    const { conf, model } = modelOf('http {\n  include lua.conf;\n}\n', {
      '/etc/nginx/lua.conf': 'lua_socket_keepalive_timeout 10;\nserver { location / { rewrite_by_lua_block { ngx.exit(200) } } }\n',
    });
    const e = entry(model, 'rewrite_by_lua_block');
    expect(pos(conf, e.location)).toEqual({ file: '/etc/nginx/lua.conf', line: 2, column: 23 });
    expect(pos(conf, e.code!.toConf(1))).toEqual({ file: '/etc/nginx/lua.conf', line: 2, column: 46 });
    expect(e.settings.keepaliveTimeoutMs).toBe(10_000);
    expect(pos(conf, model.keepaliveTimeouts[0].location)).toEqual({ file: '/etc/nginx/lua.conf', line: 1, column: 1 });
  });
});

describe('luaPackageRoots', () => {
  it('takes each template up to its `?` segment', () => {
    expect(luaPackageRoots('/usr/local/app/lua/?.lua;/x/?/init.lua;;')).toEqual(['/usr/local/app/lua', '/x']);
    expect(luaPackageRoots(';;/a/?.lua;/a/?/init.lua;/b/lib_?.lua')).toEqual(['/a', '/b']);
  });

  it('keeps $prefix / ${prefix} as a literal segment', () => {
    expect(luaPackageRoots('$prefix/lua/?.lua;${prefix}lib/?.lua;${prefix}/site/?.lua;$prefix?.lua')).toEqual([
      '$prefix/lua',
      '$prefix/lib',
      '$prefix/site',
      '$prefix',
    ]);
  });

  it('handles relative templates and the bare root', () => {
    expect(luaPackageRoots('./?.lua;lua/?.lua;./src/?.lua;../lib/?.lua;/?.lua;?.lua')).toEqual(['.', 'lua', 'src', '../lib', '/']);
    expect(luaPackageRoots(';;')).toEqual([]);
    expect(luaPackageRoots('')).toEqual([]);
  });
});

describe('parseNginxTime', () => {
  it('parses nginx millisecond times', () => {
    expect(parseNginxTime('60s')).toBe(60_000);
    expect(parseNginxTime('10')).toBe(10_000);
    expect(parseNginxTime('500ms')).toBe(500);
    expect(parseNginxTime('1m')).toBe(60_000);
    expect(parseNginxTime('1h')).toBe(3_600_000);
    expect(parseNginxTime('1d')).toBe(86_400_000);
    expect(parseNginxTime('1w')).toBe(604_800_000);
    expect(parseNginxTime('1m30s')).toBe(90_000);
    expect(parseNginxTime('1m 30s')).toBe(90_000);
    expect(parseNginxTime('1s 500ms')).toBe(1500);
    expect(parseNginxTime('1m 5')).toBe(65_000);
    expect(parseNginxTime('0')).toBe(0);
    expect(parseNginxTime('5 5')).toBe(10_000); // a space ends a unit-less number, counted as seconds
  });

  it('rejects what nginx rejects', () => {
    for (const bad of ['', 's', '1y', '1M', '10x', '1s1m', '1ms1s', '-1', '1.5s', '5 5 5', '25d']) {
      expect(parseNginxTime(bad), bad).toBeNull();
    }
  });
});

describe('mapLuaFile', () => {
  const files = ['lua/app.lua', 'lua/lib/util.lua', 'vendor/lua/lib/util.lua', 'a/x.lua', 'b/x.lua', 'init.lua'];

  it('matches by path suffix at a segment boundary', () => {
    expect(mapLuaFile('$prefix/lua/app.lua', files)).toBe('lua/app.lua');
    expect(mapLuaFile('${prefix}lua/app.lua', files)).toBe('lua/app.lua');
    expect(mapLuaFile('./lua/app.lua', files)).toBe('lua/app.lua');
    expect(mapLuaFile('/usr/local/openresty/nginx/lua/app.lua', files)).toBe('lua/app.lua');
    expect(mapLuaFile('app.lua', files)).toBe('lua/app.lua');
    expect(mapLuaFile('lua/lib/util.lua', files)).toBe('lua/lib/util.lua');
    expect(mapLuaFile('/srv/init.lua', files)).toBe('init.lua');
  });

  it('does not match inside a segment, and gives up on ties and variables', () => {
    expect(mapLuaFile('lua/myapp.lua', files)).toBeUndefined();
    expect(mapLuaFile('pp.lua', files)).toBeUndefined();
    expect(mapLuaFile('x.lua', files)).toBeUndefined();
    expect(mapLuaFile('lua/$uri.lua', files)).toBeUndefined();
    expect(mapLuaFile('$document_root/app.lua', files)).toBeUndefined();
    expect(mapLuaFile('', files)).toBeUndefined();
  });
});
