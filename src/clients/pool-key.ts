// The connection-pool name ngx_lua will use for a connect call (shared/docs/semantics.md §2).
import type { ClientProfile } from '../analysis/client-profiles.ts';
import { luaToString, type Env, type Resolved, type ValueResolver } from '../link/resolver.ts';
import type { SymValue } from '../analysis/sym-value.ts';
import type { PoolKey } from '../model/project-model.ts';

export interface KeyCtx {
  resolver: ValueResolver;
  file: string;
  env: Env | null;
  /** Constructor arguments of a client object created in `file` at a site (pgmoon's config, the connector's). */
  ctorArgs: (site: number) => SymValue[] | undefined;
  /** The site where the connected object was created. */
  objSite: number;
}
type Ctx = KeyCtx;

/** The pool key of `connect(args...)`, or null when it cannot be known (never guessed). */
export function poolKeyOf(profile: ClientProfile, args: SymValue[], ctx: Ctx): PoolKey | null {
  // Exhaustive over PoolKeyRule kinds.
  switch (profile.poolKey.kind) {
    case 'host-port':
      return hostPortKey(args, ctx, profile.poolKey.unixPrefixCaseSensitive);
    case 'mysql-options':
      return mysqlKey(args, ctx);
    case 'http':
      return httpKey(args, ctx);
    case 'pgmoon-config':
      return pgmoonKey(ctx);
    case 'websocket-uri':
      return websocketKey(args, ctx);
    case 'redis-connector':
      return connectorKey(args, ctx);
  }
}

function one(ctx: Ctx, v: SymValue | undefined): Resolved | undefined {
  return v === undefined ? undefined : ctx.resolver.resolveOne(ctx.file, v, ctx.env);
}

/** A resolved value as key text: strings and numbers as Lua prints them, symbols as `${name}`. */
function keyPart(r: Resolved | undefined): PoolKey | null {
  if (!r) return null;
  if (r.r === 'const' && (typeof r.v === 'string' || typeof r.v === 'number')) return { text: luaToString(r.v), symbolic: false };
  if (r.r === 'sym') return { text: r.text.includes('${') ? r.text : `\${${r.text}}`, symbolic: true };
  return null;
}

function join(parts: Array<PoolKey | null>): PoolKey | null {
  if (parts.some((p) => p === null)) return null;
  const ps = parts as PoolKey[];
  return { text: ps.map((p) => p.text).join(':'), symbolic: ps.some((p) => p.symbolic) };
}

function isAbsent(r: Resolved | undefined): boolean {
  return r === undefined || (r.r === 'const' && r.v === null);
}

/** opts.pool when opts is given: a key, `undefined` when opts has no pool, null when opts is unknowable. */
function optsPool(ctx: Ctx, opts: Resolved | undefined): PoolKey | null | undefined {
  if (isAbsent(opts)) return undefined;
  if (opts!.r !== 'table') return null;
  const field = ctx.resolver.factsOf(opts!.file)?.tables[opts!.id]?.pool;
  if (field === undefined) return undefined;
  const pool = ctx.resolver.resolveOne(opts!.file, field, null);
  if (pool.r === 'const' && pool.v === null) return undefined;
  return keyPart(pool);
}

function hostPortKey(args: SymValue[], ctx: Ctx, unixCaseSensitive: boolean): PoolKey | null {
  const host = one(ctx, args[0]);
  const second = one(ctx, args[1]);
  const hostText = host?.r === 'const' && typeof host.v === 'string' ? host.v : undefined;
  const portIsNumber = second?.r === 'const' && typeof second.v === 'number';
  const isUnix =
    hostText !== undefined &&
    !portIsNumber &&
    (unixCaseSensitive ? hostText.startsWith('unix:') : hostText.toLowerCase().startsWith('unix:'));
  const pool = optsPool(ctx, isUnix ? second : one(ctx, args[2]));
  if (pool !== undefined) return pool;
  if (isUnix) return { text: hostText!, symbolic: false };
  return join([keyPart(host), keyPart(second)]);
}

function mysqlKey(args: SymValue[], ctx: Ctx): PoolKey | null {
  const opts = one(ctx, args[0]);
  if (!opts || opts.r !== 'table') return null;
  const fields = ctx.resolver.factsOf(opts.file)?.tables[opts.id] ?? {};
  const get = (name: string): Resolved | undefined =>
    fields[name] === undefined ? undefined : ctx.resolver.resolveOne(opts.file, fields[name], null);
  const pool = optsPool(ctx, opts);
  if (pool !== undefined) return pool;
  const user = get('user');
  const database = get('database');
  const path = get('path');
  const prefix = [keyPart(user ?? { r: 'const', v: '' }), keyPart(database ?? { r: 'const', v: '' })];
  if (!isAbsent(path)) return join([...prefix, keyPart(path)]);
  const port = get('port');
  return join([...prefix, keyPart(get('host')), keyPart(isAbsent(port) ? { r: 'const', v: 3306 } : port)]);
}

/** Fields of a resolved option table, each resolved to a single value (undefined when absent). */
function fieldsOf(ctx: Ctx, table: Resolved | undefined): ((name: string) => Resolved | undefined) | null {
  if (!table || table.r !== 'table') return null;
  const fields = ctx.resolver.factsOf(table.file)?.tables[table.id] ?? {};
  return (name) => (fields[name] === undefined ? undefined : ctx.resolver.resolveOne(table.file, fields[name], null));
}

function lit(v: string | number): Resolved {
  return { r: 'const', v };
}

/** lua-resty-http: table-form connect keys on scheme, host, port, TLS settings and proxy (semantics.md §1);
 *  the text below is not the library's exact string but is equal exactly when its inputs are. */
function httpKey(args: SymValue[], ctx: Ctx): PoolKey | null {
  const first = one(ctx, args[0]);
  if (first?.r === 'table') {
    const get = fieldsOf(ctx, first)!;
    const pool = optsPool(ctx, first);
    if (pool !== undefined) return pool;
    const scheme = get('scheme') ?? lit('http');
    const https = scheme.r === 'const' && scheme.v === 'https';
    const host = get('host');
    const port = get('port') ?? lit(https ? 443 : 80);
    const sni = get('ssl_server_name') ?? (https ? host : lit(''));
    const verify = get('ssl_verify') ?? lit(https ? 'true' : 'nil');
    // Proxy settings enter the key in ways not modelled here: such a key is unknown.
    const proxy = get('proxy_opts') === undefined ? lit('') : undefined;
    return join([keyPart(scheme), keyPart(host), keyPart(port), keyPart(lit(https ? 'true' : 'nil')), keyPart(sni), keyPart(verify), keyPart(proxy)]);
  }
  if (first?.r === 'const' && typeof first.v === 'string' && /^https?:\/\//.test(first.v)) {
    // request_uri("http://host:port/path", params)
    const m = /^(https?):\/\/(\[[^\]]*\]|[^/:?#]+)(?::(\d+))?/.exec(first.v);
    if (!m) return null;
    const https = m[1] === 'https';
    const params = fieldsOf(ctx, one(ctx, args[1]));
    return join([
      keyPart(lit(m[1])),
      keyPart(lit(m[2])),
      keyPart(lit(m[3] ?? (https ? '443' : '80'))),
      keyPart(lit(https ? 'true' : 'nil')),
      keyPart(params?.('ssl_server_name') ?? (https ? lit(m[2]) : lit(''))),
      keyPart(params?.('ssl_verify') ?? lit(https ? 'true' : 'nil')),
      keyPart(lit('')),
    ]);
  }
  return hostPortKey(args, ctx, false);
}

function pgmoonKey(ctx: Ctx): PoolKey | null {
  const config = ctx.ctorArgs(ctx.objSite)?.[0];
  const get = fieldsOf(ctx, one(ctx, config));
  if (!get) return null;
  const name = get('pool_name');
  if (name && !(name.r === 'const' && name.v === null)) return keyPart(name);
  return join([
    keyPart(get('host') ?? lit('127.0.0.1')),
    keyPart(get('port') ?? lit('5432')),
    keyPart(get('database') ?? lit('')),
    keyPart(get('user') ?? lit('postgres')),
  ]);
}

function websocketKey(args: SymValue[], ctx: Ctx): PoolKey | null {
  const pool = optsPool(ctx, one(ctx, args[1]));
  if (pool !== undefined) return pool;
  const uri = one(ctx, args[0]);
  if (!(uri?.r === 'const' && typeof uri.v === 'string')) return null;
  const m = /^(wss?):\/\/(\[[^\]]*\]|[^/:?#]+)(?::(\d+))?/.exec(uri.v);
  if (!m) return null;
  return { text: `${m[2]}:${m[3] ?? (m[1] === 'wss' ? '443' : '80')}`, symbolic: false };
}

/** resty.redis.connector: params given to rc:connect() override the config given to new(). */
function connectorKey(args: SymValue[], ctx: Ctx): PoolKey | null {
  const connector = args[0];
  const params = fieldsOf(ctx, one(ctx, args[1]));
  const config = connector?.t === 'obj' ? fieldsOf(ctx, one(ctx, ctx.ctorArgs(connector.site)?.[0])) : null;
  if (connector?.t !== 'obj' || (!params && args[1] !== undefined && one(ctx, args[1])?.r !== 'const')) return null;
  const get = (name: string) => params?.(name) ?? config?.(name);
  if (get('sentinels') !== undefined || get('master_name') !== undefined) return null;
  const connOpts = get('connection_options');
  const pool = connOpts ? optsPool(ctx, connOpts) : undefined;
  if (pool !== undefined) return pool;
  const url = get('url');
  if (url) {
    if (!(url.r === 'const' && typeof url.v === 'string')) return null;
    const m = /^redis:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^/:]+)(?::(\d+))?/.exec(url.v);
    if (!m) return null;
    return { text: `${m[1]}:${m[2] ?? '6379'}`, symbolic: false };
  }
  const path = get('path');
  if (path && !isAbsent(path)) return keyPart(path);
  return join([keyPart(get('host') ?? lit('127.0.0.1')), keyPart(get('port') ?? lit(6379))]);
}
