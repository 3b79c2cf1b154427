// Summary of a V8 .cpuprofile (from `node --cpu-prof`): self time and total (inclusive) time per function.
// Frames in an esbuild bundle are named after their source module (esbuild's `// src/x.ts` marker lines).
import fs from 'node:fs';
import path from 'node:path';

/** For a bundle: sorted [line (1-based), module] of esbuild's module marker comments. */
function bundleModules(file) {
  const out = [];
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return out;
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\/\/ ((?:src|rules|node_modules)\/\S+)$/.exec(lines[i]);
    if (m) out.push([i + 1, m[1]]);
  }
  return out;
}

function moduleAt(marks, line) {
  let lo = 0;
  let hi = marks.length - 1;
  let best;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid][0] <= line) {
      best = marks[mid][1];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** { totalMs, self: [{ fn, ms, pct }], inclusive: [{ fn, ms, pct }] }, sorted by time, descending. */
export function summarizeProfile(file, root) {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
  const bundles = new Map();
  const keyOf = (cf) => {
    const name = cf.functionName || '(anonymous)';
    if (!cf.url) return name;
    const abs = cf.url.replace(/^file:\/\//, '');
    const line = cf.lineNumber + 1;
    if (abs.endsWith('.cjs')) {
      if (!bundles.has(abs)) bundles.set(abs, bundleModules(abs));
      const mod = moduleAt(bundles.get(abs), line);
      if (mod) return `${name} (${mod})`;
    }
    return `${name} (${root && abs.startsWith(root) ? path.relative(root, abs) : abs}:${line})`;
  };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const keys = new Map(prof.nodes.map((n) => [n.id, keyOf(n.callFrame)]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const incl = new Map();
  let total = 0;
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = (prof.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const id = prof.samples[i];
    const k = keys.get(id);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined && byId.has(at); at = parent.get(at)) {
      const key = keys.get(at);
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + dt);
    }
  }
  const rows = (m) =>
    [...m]
      .map(([fn, ms]) => ({ fn, ms, pct: (100 * ms) / total }))
      .sort((a, b) => b.ms - a.ms);
  // Inclusive: the project's own functions, without the CLI's wrappers around analyze() (each close to 100%).
  const inclusive = rows(incl).filter((r) => /\((src|rules)\//.test(r.fn) && !/\(src\/(cli|main)\.ts\)$/.test(r.fn));
  return { totalMs: total, self: rows(self), inclusive };
}
