// The connection-pool name ngx_lua will use for a connect call (shared/docs/semantics.md §2).
import type { ClientProfile } from './client-profiles.ts';
import { luaToString, type Env, type Resolved, type ValueResolver } from './resolver.ts';
import type { SymValue } from './sym-value.ts';
import type { PoolKey } from '../model/project-model.ts';

interface Ctx {
  resolver: ValueResolver;
  file: string;
  env: Env | null;
}

/** The pool key of `connect(args...)`, or null when it cannot be known (never guessed). */
export function poolKeyOf(profile: ClientProfile, args: SymValue[], ctx: Ctx): PoolKey | null {
  switch (profile.poolKey.kind) {
    case 'host-port':
      return hostPortKey(args, ctx, profile.poolKey.unixPrefixCaseSensitive);
    case 'mysql-options':
      return mysqlKey(args, ctx);
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
