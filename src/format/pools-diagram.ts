// The SVG diagram of the pools page: entry points → the Lua they run → required modules → pools, one column
// each, with edges styled by how a pool's connections end (long, short, error path) and a legend. The page's
// CSS (pools-html-assets.ts) styles it and its script highlights a hovered node's edges by the data-* attributes.
import type { GraphEdge, GraphNode, PoolInventory } from '../pools/inventory-types.ts';
import { esc } from './html-escape.ts';

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

/** The diagram as inline SVG, or a note when there is no pool to draw. */
export function poolDiagram(inv: PoolInventory): string {
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
