// `resty-lint pools` for terminals (an aligned table, then each pool's details) and for Markdown (the
// GitHub Action's step summary).
import { type IdleTimeout, type Loc, type PoolInventory, type PoolRow, type RedisRow } from '../pools/inventory-types.ts';

export interface PoolsTextOptions {
  filesAnalyzed: number;
}

const COLUMNS = ['KEY', 'CLIENT', 'SERVER', 'SIZE', 'IDLE', 'LONG', 'SHORT', 'ERROR', 'FINDINGS'] as const;
/** Columns right-aligned (counts). */
const NUMERIC = new Set([5, 6, 7, 8]);

/** The cells of a pool's table row, in COLUMNS order (plain text). */
export function poolCells(p: PoolRow): string[] {
  return [keyCell(p), p.clients.join(', '), p.server.text, sizeCell(p), idleCell(p.idleTimeouts), String(p.long.length), String(p.short.length), String(p.errorPath.length), String(p.findings.length)];
}

/** A pool's key as the table shows it: a family's expression with where its values come from. */
export function keyCell(p: PoolRow): string {
  return p.family ? `${p.family.expression} [${p.family.from}]` : p.key;
}

/** `long 2, short 1, error path 0, findings 1`: a family's sites and findings in one line. */
export function familyCounts(p: PoolRow): string {
  return `long ${p.long.length}, short ${p.short.length}, error path ${p.errorPath.length}, findings ${p.findings.length}`;
}

/** The literal sizes (first one first), or the assumed default marked with `*`. */
export function sizeCell(p: PoolRow): string {
  if (p.capacity.poolSizeAssumed) return `${p.capacity.poolSize}*`;
  const sizes = [...new Set(p.poolSizes.flatMap((s) => (s.size === null ? [] : [s.size])))];
  return sizes.join('/');
}

export function idleCell(timeouts: readonly IdleTimeout[]): string {
  if (timeouts.length === 0) return '-';
  return [...new Set(timeouts.map(idleText))].join(', ');
}

export function idleText(t: IdleTimeout): string {
  if (t.ms === null) return '?';
  return t.inherited ? `${duration(t.ms)} (inherited)` : duration(t.ms);
}

/** `10s`, `1500ms`, `0 (no limit)`. */
export function duration(ms: number): string {
  if (ms === 0) return '0 (no limit)';
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

export function formatPoolsText(inv: PoolInventory, opts: PoolsTextOptions): string {
  const out: string[] = [];
  const unknown = inv.unknown.count > 0 ? `, ${plural(inv.unknown.count, 'use')} with an unknown pool` : '';
  const families = inv.families > 0 ? ` (${plural(inv.families, 'family', 'families')})` : '';
  out.push(`resty-lint pools: ${plural(inv.pools.length, 'pool')}${families}${unknown}, ${plural(opts.filesAnalyzed, 'file')} analyzed`);
  out.push(nginxLine(inv));
  out.push('');

  if (inv.pools.length === 0) {
    out.push('No connection pool with a known key.');
  } else {
    const rows = [[...COLUMNS] as string[], ...inv.pools.map((p) => poolCells(p).map(clean))];
    const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) {
      out.push(r.map((cell, i) => (NUMERIC.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd());
    }
    if (inv.pools.some((p) => p.capacity.poolSizeAssumed)) out.push(`* assumed: lua_socket_pool_size's default (no literal pool_size in the code)`);
    for (const p of inv.pools) out.push('', ...poolDetails(p));
  }

  if (inv.families > 0) {
    out.push('', `Pool families (${inv.families}): keys over values known only at runtime; each origin's sites share one pool, whatever its configuration`);
    for (const p of inv.pools) if (p.family) out.push(`  ${clean(p.family.expression)}  from ${clean(p.family.from)}: ${familyCounts(p)}`);
  }
  if (inv.unknown.count > 0) {
    out.push('', `Uses whose pool cannot be known (${inv.unknown.count}): not in any row above`);
    for (const s of inv.unknown.sites) out.push(`  ${clean(at(s))}  ${clean(s.function)}  ${clean(s.via)} (${s.errorPath ? 'error path' : s.mode})`);
  }
  if (inv.servers.length > 0) {
    out.push('', 'Servers (idle connections the pools may keep)');
    const w = Math.max(...inv.servers.map((s) => s.server.length));
    for (const s of inv.servers) {
      const conf = s.redisConf ? `  redis.conf ${clean(s.redisConf)}` : '';
      out.push(`  ${clean(s.server.padEnd(w))}  ${s.formula}  (${s.pools.map(clean).join(', ')})${conf}`);
    }
  }
  if (inv.redis.length > 0) {
    out.push('', 'Redis maxclients');
    for (const r of inv.redis) {
      out.push(`  ${clean(r.file)} (port ${r.port}, maxclients ${r.maxclients}${r.maxclientsAssumed ? '*' : ''}): ${redisVerdict(r)}`);
      for (const a of r.assumptions) out.push(`    assumes: ${clean(a)}`);
    }
  }
  out.push('', 'Notes:', ...inv.notes.map((n) => `  - ${n}`));
  return `${out.join('\n')}\n`;
}

export function nginxLine(inv: PoolInventory): string {
  const wp = inv.nginx.workerProcesses;
  const workers = wp ? `worker_processes ${clean(wp.value)} (${clean(at(wp))})` : 'worker_processes not set (W)';
  return `nginx: ${workers}; lua_socket_keepalive_timeout ${duration(inv.nginx.keepaliveTimeoutMs)} for modules`;
}

/** `127.0.0.1:6379 + localhost:6379: 4 × (50 + 30) = 320 > 100: exceeds maxclients`. */
export function redisVerdict(r: RedisRow): string {
  if (r.servers.length === 0) return 'no pool connects to this port';
  const head = `${r.servers.join(' + ')}: ${r.formula}`;
  if (r.exceeds === true) return `${head} > ${r.maxclients}: EXCEEDS maxclients`;
  if (r.exceeds === false) return `${head} <= ${r.maxclients}: fits`;
  return `${head}: exceeds maxclients when ${r.exceedsWhen}`;
}

function poolDetails(p: PoolRow): string[] {
  const out = [clean(p.key) + (p.family ? '  (pool family)' : p.symbolic ? '  (symbolic key)' : '')];
  const field = (name: string, lines: string[]) => {
    const list = lines.length > 0 ? lines : ['none'];
    out.push(`  ${name.padEnd(11)} ${clean(list[0])}`);
    for (const l of list.slice(1)) out.push(`  ${' '.repeat(11)} ${clean(l)}`);
  };
  if (p.family) field('family', [`${p.family.expression}  from ${p.family.from}`]);
  field('client', [p.clients.join(', ')]);
  field('server', [p.server.text]);
  field('pool_size', p.poolSizes.length > 0 ? p.poolSizes.map((s) => `${s.size ?? '?'}  ${s.source}  ${at(s.at)}`) : [`${p.capacity.poolSize} (assumed)`]);
  field('idle', p.idleTimeouts.map((t) => `${idleText(t)}  ${at(t.at)}`));
  field('capacity', [p.capacity.pooled ? `${p.capacity.formula} idle connections` : 'not pooled']);
  field('entries', p.entries.map((e) => `${e.directive} (${e.phase})  ${at(e)}`));
  field('connect', p.connects.map((s) => `${at(s)}  ${s.function}`));
  field('long', p.long.map((s) => `${at(s)}  ${s.function}  ${s.via}()`));
  field('short', p.short.map((s) => `${at(s)}  ${s.function}  ${s.reason}`));
  field('error path', p.errorPath.map((s) => `${at(s)}  ${s.function}  ${s.via}()${s.errorOp ? ` after a failed ${s.errorOp}()` : ''}`));
  field('findings', p.findings.map((f) => `${at(f)}  ${f.level}  ${f.ruleId}`));
  if (p.assumptions.length > 0) field('assumes', p.assumptions);
  return out;
}

/** A Markdown table of the pools, then the Redis capacity lines: the Action's step summary. */
export function formatPoolsMarkdown(inv: PoolInventory): string {
  const lines = ['### Connection pools', ''];
  if (inv.pools.length === 0) {
    lines.push('No connection pool with a known key.');
  } else {
    lines.push('| Pool | Client | Server | Size | Idle | Long | Short | Error path | Findings |', '| --- | --- | --- | ---: | --- | ---: | ---: | ---: | ---: |');
    for (const p of inv.pools) lines.push(`| ${poolCells(p).map(mdText).join(' | ')} |`);
    if (inv.pools.some((p) => p.capacity.poolSizeAssumed)) lines.push('', mdText("* assumed: lua_socket_pool_size's default (no literal pool_size in the code)."));
  }
  if (inv.unknown.count > 0) lines.push('', `${plural(inv.unknown.count, 'use')} whose pool cannot be known: ${inv.unknown.sites.slice(0, 3).map((s) => mdText(`${s.file}:${s.line}`)).join(', ')}${inv.unknown.count > 3 ? ', ...' : ''}`);
  for (const r of inv.redis) lines.push('', mdText(`${r.file} (port ${r.port}, maxclients ${r.maxclients}${r.maxclientsAssumed ? ' assumed' : ''}): ${redisVerdict(r)}`));
  lines.push('');
  return `${lines.join('\n')}\n`;
}

/** Plain text in a Markdown table cell: Markdown and HTML syntax characters (and `|`) escaped. */
function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#+!|~&]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}

function at(l: Loc): string {
  return `${l.file}:${l.line}`;
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** Control characters (from file names or keys) would drive the terminal: shown as Unicode control pictures. */
function clean(s: string): string {
  return s.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}
