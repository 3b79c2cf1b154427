// `resty-lint pools --format html`: one self-contained page (inline CSS, inline JS, inline SVG; no fonts, no
// CDN, nothing fetched, a Content-Security-Policy that forbids fetching) with the pool table, each pool's
// sites linked to file#Lline, its findings, the capacity against Redis maxclients, and a diagram of entry
// points → modules → pools. Every text from the project (file names, keys, messages) is escaped.
import type { Loc, PoolInventory, PoolRow, RedisRow } from '../pools/inventory-types.ts';
import { esc } from './html-escape.ts';
import { poolDiagram } from './pools-diagram.ts';
import { POOLS_PAGE_CSS, POOLS_PAGE_SCRIPT } from './pools-html-assets.ts';
import { duration, familyCounts, idleText, poolCells, redisVerdict } from './pools-text.ts';

export interface PoolsHtmlOptions {
  toolVersion: string;
  filesAnalyzed: number;
  /** Path from the directory of the HTML file to the directory the file paths are relative to (`/`-separated,
   *  '' when they are the same): source links are `${linkBase}/${file}#L${line}`. */
  linkBase: string;
}

export function formatPoolsHtml(inv: PoolInventory, opts: PoolsHtmlOptions): string {
  const link = (l: Loc, text = `${l.file}:${l.line}`) => `<a class="loc" href="${esc(href(opts.linkBase, l))}">${esc(text)}</a>`;
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<link rel="icon" href="data:,">
<meta name="generator" content="resty-lint ${esc(opts.toolVersion)}">
<title>resty-lint pools</title>
<style>${POOLS_PAGE_CSS}</style>
</head>
<body>
<header>
<h1>Connection pools</h1>
<p class="meta">resty-lint ${esc(opts.toolVersion)} · ${plural(inv.pools.length, 'pool')}${inv.families > 0 ? ` (${inv.families} ${inv.families === 1 ? 'family' : 'families'})` : ''}${inv.unknown.count > 0 ? ` · ${plural(inv.unknown.count, 'use')} with an unknown pool` : ''} · ${plural(opts.filesAnalyzed, 'file')} analyzed · ${esc(nginxText(inv))}</p>
</header>
<main>`);

  if (inv.redis.length > 0) {
    parts.push('<section id="capacity-summary">');
    for (const r of inv.redis) parts.push(`<p class="verdict ${verdictClass(r)}">${esc(`${r.file}: port ${r.port}, maxclients ${r.maxclients}${r.maxclientsAssumed ? ' (assumed)' : ''}`)} — ${esc(redisVerdict(r))}</p>`);
    parts.push('</section>');
  }

  parts.push('<section id="diagram"><h2>Entry points → modules → pools</h2>', poolDiagram(inv), '</section>');

  parts.push(`<section id="pools"><h2>Pools</h2>
<p id="filter-box" hidden><label>Filter <input id="filter" type="search" placeholder="key, file, client…" autocomplete="off"></label></p>`);
  if (inv.pools.length === 0) {
    parts.push('<p class="empty">No connection pool with a known key.</p>');
  } else {
    parts.push(`<table id="pool-table">
<thead><tr><th>Pool</th><th>Client</th><th>Server</th><th class="num">Size</th><th>Idle</th><th class="num">Long</th><th class="num">Short</th><th class="num">Error path</th><th class="num">Findings</th><th>Idle connections</th></tr></thead>
<tbody>`);
    inv.pools.forEach((p, i) => {
      const cells = poolCells(p);
      const search = [...new Set([p.key, ...p.clients, p.server.text, ...sitesOf(p).map((s) => s.file)])].join(' ').toLowerCase();
      parts.push(
        `<tr class="pool-row" data-key="${esc(p.key)}" data-search="${esc(search)}">` +
          `<td class="key"><a href="#pool-${i + 1}"><code>${esc(p.family ? p.family.expression : p.key)}</code></a>${p.family ? ` <span class="tag">family: ${esc(p.family.from)}</span>` : ''}</td>` +
          `<td>${esc(cells[1])}</td><td>${p.server.kind === 'named' ? '<em>named pool</em>' : `<code>${esc(cells[2])}</code>`}</td>` +
          `<td class="num${p.capacity.poolSizeAssumed ? ' assumed" title="assumed: lua_socket_pool_size default' : ''}">${esc(cells[3])}</td>` +
          `<td>${esc(cells[4])}</td>` +
          `<td class="num long">${cells[5]}</td><td class="num short">${cells[6]}</td><td class="num">${cells[7]}</td>` +
          `<td class="num">${findingBadge(p)}</td>` +
          `<td>${esc(p.capacity.formula)}${p.assumptions.length > 0 ? ' <span class="assumed" title="rests on assumptions: see the pool">*</span>' : ''}</td></tr>`,
      );
    });
    parts.push('</tbody></table>');
    if (inv.pools.some((p) => p.capacity.poolSizeAssumed)) parts.push('<p class="foot">* assumed: lua_socket_pool_size’s default (no literal pool_size in the code).</p>');
  }
  parts.push('</section>');

  inv.pools.forEach((p, i) => parts.push(poolArticle(p, i + 1, link)));

  if (inv.unknown.count > 0) {
    parts.push(`<section id="unknown"><h2>Uses whose pool cannot be known (${inv.unknown.count})</h2>
<p>The pool key depends on a value resty-lint does not know (a request argument, a computed host): these sites are in no row above.</p>
<table><thead><tr><th>Where</th><th>Function</th><th>Client</th><th>What</th></tr></thead><tbody>`);
    for (const s of inv.unknown.sites) parts.push(`<tr><td>${link(s)}</td><td><code>${esc(s.function)}</code></td><td>${esc(s.client)}</td><td>${esc(`${s.via} (${s.errorPath ? 'error path' : s.mode})`)}</td></tr>`);
    parts.push('</tbody></table></section>');
  }

  if (inv.servers.length > 0 || inv.redis.length > 0) {
    parts.push('<section id="capacity"><h2>Capacity</h2>');
    if (inv.servers.length > 0) {
      parts.push('<h3>Servers</h3><table><thead><tr><th>Server</th><th>Pools</th><th>Idle connections</th><th>redis.conf</th><th>Assumptions</th></tr></thead><tbody>');
      for (const s of inv.servers) {
        parts.push(`<tr><td><code>${esc(s.server)}</code></td><td>${s.pools.map((k) => `<code>${esc(k)}</code>`).join(', ')}</td><td>${esc(s.formula)}</td><td>${s.redisConf ? link({ file: s.redisConf, line: 1, column: 1 }, s.redisConf) : '—'}</td><td>${list(s.assumptions)}</td></tr>`);
      }
      parts.push('</tbody></table>');
    }
    if (inv.redis.length > 0) {
      parts.push('<h3>Redis maxclients</h3><table><thead><tr><th>redis.conf</th><th>Port</th><th class="num">maxclients</th><th>Servers</th><th>Idle connections</th><th>Verdict</th><th>Assumptions</th></tr></thead><tbody>');
      for (const r of inv.redis) {
        const verdict = r.exceeds === true ? 'exceeds' : r.exceeds === false ? 'fits' : `exceeds when ${r.exceedsWhen}`;
        parts.push(
          `<tr><td>${link({ file: r.file, line: 1, column: 1 }, r.file)}</td><td>${r.port}</td><td class="num${r.maxclientsAssumed ? ' assumed' : ''}">${r.maxclients}${r.maxclientsAssumed ? '*' : ''}</td>` +
            `<td>${r.servers.map((k) => `<code>${esc(k)}</code>`).join(', ') || '—'}</td><td>${esc(r.formula)}</td><td class="${verdictClass(r)}">${esc(verdict)}</td><td>${list(r.assumptions)}</td></tr>`,
        );
      }
      parts.push('</tbody></table>');
    }
    parts.push('</section>');
  }

  parts.push(`<section id="notes"><h2>Notes</h2>${list(inv.notes)}</section>
</main>
<script>${POOLS_PAGE_SCRIPT}</script>
</body>
</html>
`);
  return parts.join('\n');
}

function poolArticle(p: PoolRow, n: number, link: (l: Loc, text?: string) => string): string {
  const rows: string[] = [];
  const row = (kind: string, cls: string, l: Loc, fn: string, what: string) =>
    rows.push(`<tr class="${cls}"><td>${esc(kind)}</td><td>${link(l)}</td><td><code>${esc(fn)}</code></td><td>${esc(what)}</td></tr>`);
  for (const s of p.connects) row('connect', 'connect', s, s.function, `${s.client} connect()`);
  for (const s of p.long) row('long', 'long', s, s.function, `${s.via}()`);
  for (const s of p.short) row(s.kind === 'close' ? 'short' : 'never released', 'short', s, s.function, s.reason);
  for (const s of p.errorPath) row('error path', 'error', s, s.function, `${s.via}()${s.errorOp ? ` after a failed ${s.errorOp}()` : ' on an error path'}`);
  const sizes = p.poolSizes.length > 0 ? p.poolSizes.map((s) => `${s.size ?? '?'} (${esc(s.source)}, ${link(s.at)})`).join('; ') : `${p.capacity.poolSize} <span class="assumed">(assumed: lua_socket_pool_size default)</span>`;
  const idle = p.idleTimeouts.length > 0 ? p.idleTimeouts.map((t) => `${esc(idleText(t))} (${link(t.at)})`).join('; ') : '—';
  const entries = p.entries.length > 0 ? `<ul>${p.entries.map((e) => `<li><code>${esc(e.directive)}</code> <span class="phase${e.cosocketAllowed ? '' : ' nocosocket'}">${esc(e.phase)}</span> ${link(e)}</li>`).join('')}</ul>` : '<p class="empty">none found (no nginx directive runs or requires this code)</p>';
  const findings =
    p.findings.length > 0
      ? `<ul class="findings">${p.findings.map((f) => `<li><span class="level ${f.level}">${f.level}</span> <code>${esc(f.ruleId)}</code> ${link(f)}<br>${esc(f.message)}</li>`).join('')}</ul>`
      : '<p class="empty">none</p>';
  return `<article class="pool" id="pool-${n}">
<h3><code>${esc(p.family ? p.family.expression : p.key)}</code>${p.family ? ` <span class="tag">pool family: ${esc(p.family.from)}</span>` : p.symbolic ? ' <span class="tag">symbolic key</span>' : ''} <span class="tag">${esc(p.clients.join(', '))}</span> <span class="tag">${esc(p.server.text)}</span></h3>
<dl>
${p.family ? `<dt>family</dt><dd>every site reached with the parameters of ${esc(p.family.from)} shares one pool, whatever its configuration: ${esc(familyCounts(p))}</dd>
` : ''}<dt>pool_size</dt><dd>${sizes}</dd>
<dt>idle timeout</dt><dd>${idle}</dd>
<dt>idle connections</dt><dd>${esc(p.capacity.pooled ? p.capacity.formula : 'not pooled')}</dd>
<dt>entry points</dt><dd>${entries}</dd>
</dl>
<table class="sites"><thead><tr><th>Site</th><th>Where</th><th>Function</th><th>What</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<h4>Findings (${p.findings.length})</h4>
${findings}
${p.assumptions.length > 0 ? `<h4>Assumptions</h4>${list(p.assumptions)}` : ''}
</article>`;
}

// ---- helpers ---------------------------------------------------------------------------------------------

function sitesOf(p: PoolRow): Loc[] {
  return [...p.connects, ...p.long, ...p.short, ...p.errorPath];
}

function findingBadge(p: PoolRow): string {
  if (p.findings.length === 0) return '0';
  const worst = p.findings.some((f) => f.level === 'error') ? 'error' : p.findings.some((f) => f.level === 'warning') ? 'warning' : 'note';
  return `<span class="level ${worst}">${p.findings.length}</span>`;
}

function verdictClass(r: RedisRow): string {
  return r.exceeds === true ? 'bad' : r.exceeds === false ? 'good' : 'maybe';
}

function nginxText(inv: PoolInventory): string {
  const wp = inv.nginx.workerProcesses;
  return `worker_processes ${wp ? wp.value : 'not set (W)'}; lua_socket_keepalive_timeout ${duration(inv.nginx.keepaliveTimeoutMs)}`;
}

function list(items: readonly string[]): string {
  return items.length === 0 ? '—' : `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
}

/** A relative link to a source line; each path segment percent-encoded (`#`, `?`, `%` and spaces in names). */
export function href(base: string, l: Loc): string {
  const path = base ? `${base.replace(/\/+$/, '')}/${l.file}` : l.file;
  const encode = (seg: string) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${path.split('/').map((seg) => (seg === '..' || seg === '.' ? seg : encode(seg))).join('/')}#L${l.line}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
