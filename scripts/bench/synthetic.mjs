// Synthetic OpenResty projects for the benchmark: N Lua files (exactly), deterministic for a given seed.
//
// Layout of bench/cache/synthetic-N:
//   lua/config/settings.lua            pool endpoints as module constants (redis, mysql, http upstreams)
//   lua/store/redis_K.lua, mysql_K.lua wrappers: acquire() connects and returns the client, release() pools it
//   lua/util/uK.lua                    plain Lua (string and table code): parser and interpreter work, no pools
//   lua/app/areaA/hB.lua               handlers: require a store and some utils; keep alive, close (short path on
//                                      a pool another handler keeps alive: pool-mixed-lifecycle), error-path
//                                      close, never released, direct resty.redis with literal endpoints
//   conf/nginx.conf + conf/sites/*.conf  servers with content_by_lua_file / access_by_lua_block /
//                                      content_by_lua_block / log_by_lua_block entries requiring the handlers
import fs from 'node:fs';
import path from 'node:path';

export const GENERATOR_VERSION = 3;

/** mulberry32: small, fast, deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const WORDS = ['user', 'order', 'cart', 'item', 'token', 'session', 'quota', 'feed', 'rank', 'tag', 'price', 'stock', 'audit', 'flag', 'geo', 'rate'];
const REDIS_POOLS = [
  ['main', '10.0.0.1', 6379],
  ['cache', '10.0.0.2', 6379],
  ['queue', '10.0.0.3', 6380],
  ['session', 'unix:/run/redis/redis.sock', null],
];
const MYSQL_POOLS = [
  ['primary', '10.0.1.1', 3306, 'app'],
  ['replica', '10.0.1.2', 3306, 'reader'],
];

function settingsModule() {
  const lines = ['-- Endpoints of every backend (generated).', 'local _M = {}', ''];
  for (const [name, host, port] of REDIS_POOLS) {
    lines.push(port === null ? `_M.redis_${name} = { host = "${host}" }` : `_M.redis_${name} = { host = "${host}", port = ${port} }`);
  }
  for (const [name, host, port, user] of MYSQL_POOLS) {
    lines.push(`_M.mysql_${name} = { host = "${host}", port = ${port}, user = "${user}", password = "secret", database = "app" }`);
  }
  lines.push('_M.timeout_ms = 1000', '_M.idle_ms = 60000', '_M.pool_size = 100', '', 'return _M', '');
  return lines.join('\n');
}

function redisStore(k, r) {
  const [name, , port] = REDIS_POOLS[k % REDIS_POOLS.length];
  const connect = port === null ? `red:connect(settings.redis_${name}.host)` : `red:connect(settings.redis_${name}.host, settings.redis_${name}.port)`;
  const extra = r.chance(0.5)
    ? ['', 'function _M.with(fn, ...)', '  local red, err = _M.acquire()', '  if not red then', '    return nil, err', '  end', '  local res, ferr = fn(red, ...)', '  _M.release(red)', '  return res, ferr', 'end']
    : [];
  return [
    `-- Redis store ${k} (pool ${name}): acquire() connects, release() pools the connection (generated).`,
    'local redis = require "resty.redis"',
    'local settings = require "config.settings"',
    '',
    'local _M = {}',
    '',
    'function _M.acquire()',
    '  local red = redis:new()',
    '  red:set_timeout(settings.timeout_ms)',
    `  local ok, err = ${connect}`,
    '  if not ok then',
    '    ngx.log(ngx.ERR, "redis connect failed: ", err)',
    '    return nil, err',
    '  end',
    '  return red',
    'end',
    '',
    'function _M.release(red)',
    '  local ok, err = red:set_keepalive(settings.idle_ms, settings.pool_size)',
    '  if not ok then',
    '    ngx.log(ngx.WARN, "set_keepalive failed: ", err)',
    '  end',
    'end',
    '',
    'function _M.destroy(red)',
    '  red:close()',
    'end',
    ...extra,
    '',
    'return _M',
    '',
  ].join('\n');
}

function mysqlStore(k) {
  const [name] = MYSQL_POOLS[k % MYSQL_POOLS.length];
  return [
    `-- MySQL store ${k} (pool ${name}) (generated).`,
    'local mysql = require "resty.mysql"',
    'local settings = require "config.settings"',
    '',
    'local _M = {}',
    '',
    'function _M.acquire()',
    '  local db, err = mysql:new()',
    '  if not db then',
    '    return nil, err',
    '  end',
    '  db:set_timeout(settings.timeout_ms)',
    `  local cfg = settings.mysql_${name}`,
    '  local ok, cerr = db:connect{ host = cfg.host, port = cfg.port, user = cfg.user, password = cfg.password, database = cfg.database }',
    '  if not ok then',
    '    return nil, cerr',
    '  end',
    '  return db',
    'end',
    '',
    'function _M.release(db)',
    '  db:set_keepalive(settings.idle_ms, settings.pool_size)',
    'end',
    '',
    'return _M',
    '',
  ].join('\n');
}

/** Plain Lua with no connections: string building, loops, closures, tables. */
function utilModule(k, r) {
  const lines = [`-- Utility module ${k} (generated).`, 'local concat, insert, sort = table.concat, table.insert, table.sort', 'local fmt, sub, byte = string.format, string.sub, string.byte', '', 'local _M = { _VERSION = "0.' + k + '" }', ''];
  const fns = 3 + r.int(6);
  for (let f = 0; f < fns; f++) {
    const w = r.pick(WORDS);
    switch (r.int(5)) {
      case 0:
        lines.push(
          `function _M.${w}_key_${f}(id, ...)`,
          `  local parts = { "${w}", tostring(id) }`,
          '  for i = 1, select("#", ...) do',
          '    local v = select(i, ...)',
          '    if v ~= nil then insert(parts, tostring(v)) end',
          '  end',
          '  return concat(parts, ":")',
          'end',
          '',
        );
        break;
      case 1:
        lines.push(
          `function _M.sorted_${w}s_${f}(list, field)`,
          '  local out = {}',
          '  for i, v in ipairs(list or {}) do out[i] = v end',
          '  sort(out, function(a, b)',
          '    local x, y = a[field or "id"], b[field or "id"]',
          '    if x == y then return tostring(a) < tostring(b) end',
          '    return (x or 0) < (y or 0)',
          '  end)',
          '  return out',
          'end',
          '',
        );
        break;
      case 2:
        lines.push(
          `local function checksum_${f}(s)`,
          '  local h = 5381',
          '  for i = 1, #s do',
          '    h = (h * 33 + byte(s, i)) % 4294967296',
          '  end',
          '  return h',
          'end',
          `_M.checksum_${f} = checksum_${f}`,
          '',
        );
        break;
      case 3:
        lines.push(
          `function _M.render_${w}_${f}(row)`,
          '  if type(row) ~= "table" then',
          `    return fmt("<${w} invalid=%q>", tostring(row))`,
          '  end',
          `  local s = fmt("<${w} id=%d", row.id or 0)`,
          '  for k, v in pairs(row) do',
          '    if k ~= "id" and type(v) ~= "table" then',
          '      s = s .. " " .. k .. "=" .. fmt("%q", tostring(v))',
          '    end',
          '  end',
          '  return s .. ">"',
          'end',
          '',
        );
        break;
      default:
        lines.push(
          `function _M.parse_${w}_${f}(s)`,
          '  local t, n = {}, 0',
          '  for k, v in string.gmatch(s or "", "([%w_]+)=([^&]*)") do',
          '    n = n + 1',
          '    t[k] = ngx.unescape_uri(v)',
          '  end',
          `  if n > ${10 + r.int(90)} then return nil, "too many fields" end`,
          '  return t, n',
          'end',
          '',
        );
    }
  }
  lines.push('return _M', '');
  return lines.join('\n');
}

/** A request handler: one or two functions using a store; the release style decides the findings. */
function handlerModule(name, stores, utils, r) {
  const store = r.pick(stores);
  const util = utils.length ? r.pick(utils) : undefined;
  const lines = [`-- Handler ${name} (generated).`, `local store = require "${store.module}"`];
  if (util) lines.push(`local util = require "${util}"`);
  lines.push('local cjson = require "cjson.safe"', '', 'local _M = {}', '');
  const w = r.pick(WORDS);
  const db = store.kind === 'mysql';
  const op = db ? `conn:query("select * from ${w}s where id = " .. ngx.quote_sql_str(id))` : `conn:hgetall("${w}:" .. id)`;
  const fns = 1 + r.int(3);
  for (let f = 0; f < fns; f++) {
    const style = r.next();
    lines.push(`function _M.${w}_${f}(id)`, '  local conn, err = store.acquire()', '  if not conn then', '    return nil, err', '  end');
    lines.push(`  local res, qerr = ${op}`);
    if (style < 0.55) {
      lines.push('  store.release(conn)');
    } else if (style < 0.7) {
      lines.push('  if not res then', '    conn:close()', '    return nil, qerr', '  end', '  store.release(conn)');
    } else if (style < 0.8 && !db) {
      lines.push('  conn:close()');
    } else if (style < 0.85) {
      lines.push('  if not res then', '    return nil, qerr', '  end');
    } else {
      lines.push('  store.release(conn)');
    }
    lines.push('  return res', 'end', '');
  }
  if (r.chance(0.1)) {
    const [, host, port] = REDIS_POOLS[r.int(2)];
    lines.push(
      '-- Talks to redis directly, with the literal endpoint.',
      'function _M.ping()',
      '  local redis = require "resty.redis"',
      '  local red = redis:new()',
      `  local ok, err = red:connect("${host}", ${port})`,
      '  if not ok then return nil, err end',
      '  local pong = red:ping()',
      r.chance(0.5) ? '  red:set_keepalive(10000, 10)' : '  red:close()',
      '  return pong',
      'end',
      '',
    );
  }
  lines.push(
    'function _M.run()',
    '  local args = ngx.req.get_uri_args()',
    `  local res, err = _M.${w}_0(args.id or "0")`,
    '  if not res then',
    '    ngx.status = 502',
    '    ngx.say(cjson.encode({ error = err }))',
    '    return ngx.exit(502)',
    '  end',
  );
  if (util) lines.push('  ngx.header["X-Trace"] = tostring(util._VERSION)');
  lines.push('  ngx.say(cjson.encode(res))', 'end', '', 'return _M', '');
  return lines.join('\n');
}

function inlineBlock(directive, handler, r) {
  const body = [];
  if (directive === 'log_by_lua_block') {
    body.push('local n = ngx.shared.stats', 'if n then n:incr(ngx.var.uri, 1, 0) end');
  } else if (directive === 'access_by_lua_block') {
    body.push('if not ngx.var.http_authorization then', '    return ngx.exit(401)', 'end');
  } else {
    body.push(`local h = require "${handler}"`, 'h.run()');
    if (r.chance(0.05)) {
      body.push('local redis = require "resty.redis"', 'local red = redis:new()', 'local ok = red:connect("10.0.0.1", 6379)', 'if ok then red:close() end');
    }
  }
  return [`            ${directive} {`, ...body.map((l) => `                ${l}`), '            }'];
}

/**
 * Writes the project into `dir` (replacing it) and returns { files, luaFiles, lines, bytes }.
 * `files` is the exact number of .lua files.
 */
export function generateProject(dir, files, seed = 42) {
  const r = rng(seed ^ files);
  fs.rmSync(dir, { recursive: true, force: true });
  const out = new Map();
  out.set('lua/config/settings.lua', settingsModule());
  const nRedis = Math.max(4, Math.round(files / 250));
  const nMysql = Math.max(2, Math.round(files / 500));
  const nUtil = Math.max(5, Math.round(files * 0.15));
  const stores = [];
  for (let k = 0; k < nRedis; k++) {
    out.set(`lua/store/redis_${k}.lua`, redisStore(k, r));
    stores.push({ module: `store.redis_${k}`, kind: 'redis' });
  }
  for (let k = 0; k < nMysql; k++) {
    out.set(`lua/store/mysql_${k}.lua`, mysqlStore(k));
    stores.push({ module: `store.mysql_${k}`, kind: 'mysql' });
  }
  const utils = [];
  for (let k = 0; k < nUtil; k++) {
    out.set(`lua/util/u${k}.lua`, utilModule(k, r));
    utils.push(`util.u${k}`);
  }
  const handlers = [];
  const nHandlers = files - out.size;
  const perArea = 50;
  for (let h = 0; h < nHandlers; h++) {
    const area = Math.floor(h / perArea);
    const rel = `lua/app/area${area}/h${h % perArea}.lua`;
    out.set(rel, handlerModule(`area${area}.h${h % perArea}`, stores, utils, r));
    handlers.push({ rel, module: `app.area${area}.h${h % perArea}` });
  }

  // nginx: one location per 20 handlers, half by file and half inline; sites of 100 locations each.
  const nLocations = Math.max(10, Math.round(files / 20));
  const sites = [];
  let site = [];
  for (let l = 0; l < nLocations; l++) {
    const h = handlers[(l * 7919) % handlers.length];
    const loc = [`        location /api/${l} {`];
    if (r.chance(0.3)) loc.push(...inlineBlock('access_by_lua_block', h.module, r));
    if (l % 2 === 0) loc.push(`            content_by_lua_file ${h.rel};`);
    else loc.push(...inlineBlock('content_by_lua_block', h.module, r));
    if (r.chance(0.2)) loc.push(...inlineBlock('log_by_lua_block', h.module, r));
    loc.push('        }');
    site.push(...loc);
    if (site.length > 0 && (l + 1) % 100 === 0) {
      sites.push(site);
      site = [];
    }
  }
  if (site.length) sites.push(site);
  sites.forEach((body, s) => {
    out.set(`conf/sites/site${s}.conf`, ['    server {', `        listen ${8000 + s};`, `        server_name s${s}.example.test;`, '', ...body, '    }', ''].join('\n'));
  });
  out.set(
    'conf/nginx.conf',
    [
      '# Generated benchmark project.',
      'worker_processes auto;',
      'events { worker_connections 1024; }',
      'http {',
      '    lua_package_path "$prefix/lua/?.lua;$prefix/lua/?/init.lua;;";',
      '    lua_shared_dict stats 10m;',
      '    lua_socket_keepalive_timeout 60s;',
      '    init_by_lua_block {',
      '        require "config.settings"',
      '    }',
      '    include sites/*.conf;',
      '}',
      '',
    ].join('\n'),
  );

  let lines = 0;
  let bytes = 0;
  let luaFiles = 0;
  for (const [rel, text] of out) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    if (rel.endsWith('.lua')) {
      luaFiles++;
      lines += countLines(text);
      bytes += Buffer.byteLength(text);
    }
  }
  if (luaFiles !== files) throw new Error(`generator bug: ${luaFiles} Lua files instead of ${files}`);
  return { files: luaFiles, lines, bytes, confFiles: out.size - luaFiles };
}

function countLines(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return text.length > 0 && text.charCodeAt(text.length - 1) !== 10 ? n + 1 : n;
}

/** Generates `bench/cache/synthetic-N` unless an identical one (same generator version, size, seed) is there. */
export function ensureProject(cacheDir, files, seed = 42) {
  const dir = path.join(cacheDir, `synthetic-${files}`);
  const stampFile = path.join(cacheDir, `synthetic-${files}.stamp.json`);
  const want = { generator: GENERATOR_VERSION, files, seed };
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    if (stamp.generator === want.generator && stamp.files === files && stamp.seed === seed && fs.existsSync(dir)) return { dir, ...stamp.stats, generated: false };
  } catch {
    // no stamp: generate
  }
  fs.rmSync(stampFile, { force: true });
  const stats = generateProject(dir, files, seed);
  fs.writeFileSync(stampFile, JSON.stringify({ ...want, stats }, null, 2));
  return { dir, ...stats, generated: true };
}
