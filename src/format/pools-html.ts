// `resty-lint pools --format html`: one self-contained page (inline CSS, inline JS, inline SVG; no fonts, no
// CDN, nothing fetched, a Content-Security-Policy that forbids fetching) with the pool table, each pool's
// sites linked to file#Lline, its findings, the capacity against Redis maxclients, and a diagram of entry
// points → modules → pools. Every text from the project (file names, keys, messages) is escaped.
import type { GraphEdge, GraphNode, Loc, PoolInventory, PoolRow, RedisRow } from '../pools/inventory-types.ts';
import { duration, idleText, poolCells, redisVerdict } from './pools-text.ts';

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
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Connection pools</h1>
<p class="meta">resty-lint ${esc(opts.toolVersion)} · ${plural(inv.pools.length, 'pool')}${inv.unknown.count > 0 ? ` · ${plural(inv.unknown.count, 'use')} with an unknown pool` : ''} · ${plural(opts.filesAnalyzed, 'file')} analyzed · ${esc(nginxText(inv))}</p>
</header>
<main>`);

  if (inv.redis.length > 0) {
    parts.push('<section id="capacity-summary">');
    for (const r of inv.redis) parts.push(`<p class="verdict ${verdictClass(r)}">${esc(`${r.file}: port ${r.port}, maxclients ${r.maxclients}${r.maxclientsAssumed ? ' (assumed)' : ''}`)} — ${esc(redisVerdict(r))}</p>`);
    parts.push('</section>');
  }

  parts.push('<section id="diagram"><h2>Entry points → modules → pools</h2>', diagram(inv), '</section>');

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
          `<td class="key"><a href="#pool-${i + 1}"><code>${esc(p.key)}</code></a></td>` +
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
<script>${SCRIPT}</script>
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
<h3><code>${esc(p.key)}</code>${p.symbolic ? ' <span class="tag">symbolic key</span>' : ''} <span class="tag">${esc(p.clients.join(', '))}</span> <span class="tag">${esc(p.server.text)}</span></h3>
<dl>
<dt>pool_size</dt><dd>${sizes}</dd>
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

// ---- the diagram ------------------------------------------------------------------------------------------

const NODE_W = 230;
const NODE_H = 40;
const COL_GAP = 90;
const ROW_GAP = 16;
const PAD = 16;
const TOP = 16;

const EDGE_STYLE: Record<GraphEdge['kind'], { stroke: string; width: number; dash?: string; label: string }> = {
  runs: { stroke: '#7a869a', width: 1.5, label: 'runs' },
  requires: { stroke: '#7a869a', width: 1.5, label: 'requires' },
  long: { stroke: '#2e7d32', width: 2.5, label: 'long: set_keepalive' },
  short: { stroke: '#c62828', width: 2.5, dash: '7 5', label: 'short: close / never released' },
  error: { stroke: '#ef6c00', width: 2, dash: '2 4', label: 'close on an error path' },
};

function diagram(inv: PoolInventory): string {
  const { nodes, edges } = inv.graph;
  if (nodes.length === 0) return '<p class="empty">No pool with a known key: nothing to draw.</p>';
  // Columns: entry points, then units by their distance from an entry's unit along requires, then pools.
  const depth = new Map<string, number>();
  const queue: string[] = [];
  for (const e of edges) if (e.kind === 'runs' && !depth.has(e.to)) (depth.set(e.to, 0), queue.push(e.to));
  for (let i = 0; i < queue.length; i++) {
    for (const e of edges) {
      if (e.kind !== 'requires' || e.from !== queue[i] || depth.has(e.to)) continue;
      depth.set(e.to, depth.get(queue[i])! + 1);
      queue.push(e.to);
    }
  }
  const unitCols = Math.max(1, ...nodes.filter((n) => n.kind === 'unit').map((n) => (depth.get(n.id) ?? 0) + 1));
  const columnOf = (n: GraphNode) => (n.kind === 'entry' ? 0 : n.kind === 'unit' ? 1 + (depth.get(n.id) ?? 0) : 1 + unitCols);
  const columns: GraphNode[][] = Array.from({ length: 2 + unitCols }, () => []);
  for (const n of nodes) columns[columnOf(n)].push(n);
  const pos = new Map<string, { x: number; y: number }>();
  columns.forEach((col, c) => col.forEach((n, r) => pos.set(n.id, { x: PAD + c * (NODE_W + COL_GAP), y: TOP + 22 + r * (NODE_H + ROW_GAP) })));
  const rowsMax = Math.max(...columns.map((c) => c.length));
  const legendY = TOP + 22 + rowsMax * (NODE_H + ROW_GAP) + 10;
  const width = PAD * 2 + columns.length * NODE_W + (columns.length - 1) * COL_GAP;
  const height = legendY + 40;
  const poolFindings = new Map(inv.pools.map((p) => [`pool:${p.key}`, p.findings.length]));

  const out: string[] = [];
  out.push(`<svg id="pool-diagram" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Entry points, modules and pools">`);
  const heads = ['Entry points', ...Array.from({ length: unitCols }, (_, i) => (i === 0 ? 'Lua run by nginx' : 'Modules')), 'Pools'];
  heads.forEach((h, c) => out.push(`<text class="colhead" x="${PAD + c * (NODE_W + COL_GAP)}" y="${TOP + 8}">${esc(h)}</text>`));
  // Edges first, under the nodes. Long, short and error edges between the same pair are offset to stay apart.
  const offset: Record<GraphEdge['kind'], number> = { runs: 0, requires: 0, long: -8, short: 0, error: 8 };
  for (const e of edges) {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2 + offset[e.kind];
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2 + offset[e.kind];
    const bend = Math.max(40, Math.abs(x2 - x1) / 2);
    const s = EDGE_STYLE[e.kind];
    out.push(
      `<path class="edge ${e.kind}" data-from="${esc(e.from)}" data-to="${esc(e.to)}" d="M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}" fill="none" stroke="${s.stroke}" stroke-width="${s.width}"${e.kind === 'short' || e.kind === 'error' ? ` stroke-dasharray="${s.dash}"` : ''} marker-end="url(#arrow-${e.kind})"><title>${esc(`${e.kind}: ${labelOf(nodes, e.from)} → ${labelOf(nodes, e.to)}`)}</title></path>`,
    );
  }
  out.push('<defs>');
  for (const [kind, s] of Object.entries(EDGE_STYLE)) {
    out.push(`<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${s.stroke}"/></marker>`);
  }
  out.push('</defs>');
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    const [line1, line2] = nodeLines(n);
    const bad = n.kind === 'pool' && (poolFindings.get(n.id) ?? 0) > 0 ? ' flagged' : '';
    out.push(
      `<g class="node ${n.kind}${bad}" data-id="${esc(n.id)}" transform="translate(${p.x} ${p.y})"><title>${esc(fullLabel(n))}</title>` +
        `<rect width="${NODE_W}" height="${NODE_H}" rx="6"/>` +
        `<text x="10" y="${line2 ? 16 : 25}" class="l1">${esc(line1)}</text>${line2 ? `<text x="10" y="32" class="l2">${esc(line2)}</text>` : ''}</g>`,
    );
  }
  // Legend.
  let lx = PAD;
  for (const kind of ['runs', 'long', 'short', 'error'] as const) {
    const s = EDGE_STYLE[kind];
    const label = kind === 'runs' ? 'runs / requires' : s.label;
    out.push(
      `<g class="legend" transform="translate(${lx} ${legendY})"><line x1="0" y1="10" x2="44" y2="10" stroke="${s.stroke}" stroke-width="${s.width}"${kind === 'short' || kind === 'error' ? ` stroke-dasharray="${s.dash}"` : ''}/><text x="52" y="14">${esc(label)}</text></g>`,
    );
    lx += 60 + label.length * 7;
  }
  out.push('</svg>');
  return out.join('\n');
}

function labelOf(nodes: readonly GraphNode[], id: string): string {
  const n = nodes.find((x) => x.id === id);
  return n ? fullLabel(n) : id;
}

function fullLabel(n: GraphNode): string {
  if (n.kind === 'entry') return `${n.label} (${n.phase}) at ${n.at.file}:${n.at.line}`;
  if (n.kind === 'pool') return `pool ${n.label}`;
  return n.label;
}

const MAX_CHARS = 31;

function nodeLines(n: GraphNode): [string, string?] {
  if (n.kind === 'entry') return [fit(n.label), fit(`${n.phase} · ${n.at.file.slice(n.at.file.lastIndexOf('/') + 1)}:${n.at.line}`, true)];
  if (n.kind === 'pool') return [fit(n.label)];
  const slash = n.label.lastIndexOf('/');
  if (slash < 0) return [fit(n.label)];
  return [fit(n.label.slice(slash + 1)), fit(n.label.slice(0, slash + 1), true)];
}

/** Cut to what fits a node; paths keep their end (`…/lua/app/`), names their start. */
function fit(s: string, keepEnd = false): string {
  if (s.length <= MAX_CHARS) return s;
  return keepEnd ? `…${s.slice(s.length - MAX_CHARS + 1)}` : `${s.slice(0, MAX_CHARS - 1)}…`;
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

/** Text and attribute values: the five characters HTML gives a meaning. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--green:#2e7d32;--red:#c62828;--orange:#ef6c00;--blue:#0969da}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
header{padding:16px 24px;border-bottom:1px solid var(--line);background:var(--soft)}
h1{margin:0 0 4px;font-size:22px}
h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:0 0 8px}
h4{font-size:13px;margin:12px 0 4px;color:var(--muted)}
main{padding:0 24px 40px;max-width:1400px}
.meta{margin:0;color:var(--muted)}
code{font:12.5px/1.3 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
table{border-collapse:collapse;width:100%;margin:6px 0}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
.num{text-align:right}
td.long{color:var(--green);font-weight:600}
td.short{color:var(--red);font-weight:600}
a{color:var(--blue);text-decoration:none}
a:hover{text-decoration:underline}
a.loc{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
.assumed{color:var(--orange)}
.foot{color:var(--muted);font-size:12px}
.empty{color:var(--muted)}
.verdict{padding:8px 12px;border-radius:6px;margin:12px 0 0;font-weight:600}
.verdict.bad,td.bad{background:#ffebe9;color:var(--red)}
.verdict.good,td.good{background:#dafbe1;color:var(--green)}
.verdict.maybe,td.maybe{background:#fff8c5;color:#7d4e00}
.level{display:inline-block;padding:0 6px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
.level.error{background:var(--red)}.level.warning{background:#bf8700}.level.note{background:var(--blue)}
.tag{display:inline-block;font-size:12px;font-weight:400;color:var(--muted);border:1px solid var(--line);border-radius:10px;padding:0 8px;margin-left:4px}
.phase{font-size:12px;border-radius:4px;padding:0 5px;background:#ddf4ff}
.phase.nocosocket{background:#ffebe9}
article.pool{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:14px 0}
article.pool:target{outline:2px solid var(--blue)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0 0 8px}
dt{color:var(--muted)}dd{margin:0}dd ul{margin:0;padding-left:18px}
tr.long td:first-child{color:var(--green);font-weight:600}
tr.short td:first-child{color:var(--red);font-weight:600}
tr.error td:first-child{color:var(--orange);font-weight:600}
ul.findings{padding-left:18px}ul.findings li{margin-bottom:6px}
#diagram{overflow-x:auto}
#pool-diagram{display:block;max-width:none}
#pool-diagram .colhead{font-size:12px;font-weight:600;fill:var(--muted)}
#pool-diagram .node rect{stroke-width:1.5}
#pool-diagram .node.entry rect{fill:#ddf4ff;stroke:#54aeff}
#pool-diagram .node.unit rect{fill:#f6f8fa;stroke:#afb8c1}
#pool-diagram .node.pool rect{fill:#fff8c5;stroke:#d4a72c}
#pool-diagram .node.pool.flagged rect{stroke:var(--red);stroke-width:2.5}
#pool-diagram .node text.l1{font:600 12px ui-monospace,Menlo,Consolas,monospace;fill:var(--fg)}
#pool-diagram .node text.l2{font:11px ui-monospace,Menlo,Consolas,monospace;fill:var(--muted)}
#pool-diagram .legend text{font-size:12px;fill:var(--fg)}
#pool-diagram.focus .edge{opacity:.12}
#pool-diagram.focus .edge.on{opacity:1}
#pool-diagram .node{cursor:default}
`;

// Filters the pool table (the filter box is shown only when the script runs); hovering a diagram node
// highlights its edges. No external code, no network.
const SCRIPT = `
(function () {
  'use strict';
  // The filter needs this script: shown only when it runs.
  var box = document.getElementById('filter-box');
  if (box) box.hidden = false;
  var input = document.getElementById('filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#pool-table tbody tr'));
  if (input) input.addEventListener('input', function () {
    var q = input.value.trim().toLowerCase();
    rows.forEach(function (r) { r.hidden = q !== '' && r.getAttribute('data-search').indexOf(q) < 0; });
  });
  var svg = document.getElementById('pool-diagram');
  if (!svg) return;
  var edges = Array.prototype.slice.call(svg.querySelectorAll('.edge'));
  Array.prototype.forEach.call(svg.querySelectorAll('.node'), function (node) {
    var id = node.getAttribute('data-id');
    node.addEventListener('mouseenter', function () {
      svg.classList.add('focus');
      edges.forEach(function (e) { if (e.getAttribute('data-from') === id || e.getAttribute('data-to') === id) e.classList.add('on'); });
    });
    node.addEventListener('mouseleave', function () {
      svg.classList.remove('focus');
      edges.forEach(function (e) { e.classList.remove('on'); });
    });
  });
})();
`;
