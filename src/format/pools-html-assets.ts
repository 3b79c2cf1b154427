// The static assets inlined into the pools HTML page: its stylesheet (page and diagram) and its script. Constant
// text, kept apart from the page assembly so pools-html.ts reads as markup; the page's Content-Security-Policy
// allows exactly these inline blocks and nothing fetched.

export const POOLS_PAGE_CSS = `
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
export const POOLS_PAGE_SCRIPT = `
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
