// `npm run bench`: resty-lint against the luaparse parse-only floor and Debian's luacheck, on real Lua from Debian
// packages and on synthetic OpenResty projects. Method: bench/README.md. Writes bench/results/latest.{json,md}
// and prints the Markdown. `npm run bench -- --profile` instead runs resty-lint once under `node --cpu-prof` on
// the real corpus and the 10k project and prints the functions with the most self time (profiles stay in
// bench/cache/profiles, which is not committed).
//
// Environment:
//   BENCH_MAX_FILES     synthetic projects larger than this are skipped (default 10000; 50000 runs the 50k
//                       project too, about 15 more minutes on 2 vCPUs)
//   BENCH_SIZES         synthetic sizes, comma-separated (default 1000,10000,50000)
//   BENCH_REPEAT        runs per tool and data set; the median is reported (default 3)
//   BENCH_SEED          generator seed (default 42)
//   BENCH_SKIP_LUACHECK 1: do not run luacheck
//   BENCH_CLI           the CLI to measure (default bin/resty-lint.cjs), e.g. another build's bundle
//   BENCH_TREES         real project trees to measure too, comma-separated directories (a Kong or APISIX
//                       checkout); every directory under bench/cache/trees/ is measured as well
//   BENCH_TREE_COPIES   N > 1: each real tree is also measured as N copies side by side in one project (issue
//                       15's memory row: 8 copies of Kong, 10.5k files), copied once into bench/cache/
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus } from './bench/corpus.mjs';
import { ensureGnuTime, luaStats, median, timed } from './bench/measure.mjs';
import { projectParseOptions } from './bench/parse-floor.mjs';
import { summarizeProfile } from './bench/profile.mjs';
import { ensureProject } from './bench/synthetic.mjs';
import { editorLatency, latencyLines } from './bench/lsp-latency.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, 'bench/cache');
const RESULTS = path.join(ROOT, 'bench/results');
/** What runs: bin/resty-lint.cjs's bundle, copied at start (see snapshotBundle), or BENCH_CLI as it is. */
let CLI = path.resolve(ROOT, process.env.BENCH_CLI ?? 'bin/resty-lint.cjs');
const PARSE_FLOOR = path.join(ROOT, 'scripts/bench/parse-floor.mjs');
/** The file whose hash is recorded: the bundle bin/resty-lint.cjs loads (or BENCH_CLI itself). */
const CLI_BUNDLE = process.env.BENCH_CLI ? CLI : path.join(ROOT, 'dist/resty-lint.cjs');

/**
 * bin/resty-lint.cjs only requires dist/resty-lint.cjs, a self-contained bundle. The bench runs a copy taken at
 * start, so a rebuild of dist/ during a long run cannot mix two builds in one report.
 */
function snapshotBundle() {
  const hash = distHash();
  if (process.env.BENCH_CLI) return hash;
  const dir = path.join(CACHE, 'bundle');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  CLI = path.join(dir, `resty-lint.${hash}.cjs`);
  fs.copyFileSync(CLI_BUNDLE, CLI);
  return hash;
}

const MAX_FILES = Number(process.env.BENCH_MAX_FILES ?? 10000);
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number).filter((n) => n > 0);
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const SEED = Number(process.env.BENCH_SEED ?? 42);
const SKIP_LUACHECK = process.env.BENCH_SKIP_LUACHECK === '1';
const PROFILE = process.argv.includes('--profile');

// The goals of issue 15: ratios in one run, so a noisy machine moves both sides alike. Peak RSS: 400 MB up to
// the size of 8 copies of Kong (10.5k files), 600 MB for the 50k project.
const TARGETS = { vsParseFloor: 1.5, vsLuacheck: 0.3, warmVsCold: 0.15, rssMB: (files) => (files > 20000 ? 600 : 400) };

const log = (s) => process.stderr.write(`${s}\n`);

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  return { ok: !r.error && r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

function machineInfo() {
  const cpus = os.cpus();
  let osName = `${os.type()} ${os.release()}`;
  try {
    const m = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(fs.readFileSync('/etc/os-release', 'utf8'));
    if (m) osName = m[1];
  } catch {
    // keep uname
  }
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName,
    node: process.version,
  };
}

function ensureLuacheck() {
  if (SKIP_LUACHECK) return undefined;
  let v = sh('luacheck', ['--version']);
  if (!v.ok) {
    log('bench: luacheck missing, apt-get install -y lua-check');
    if (!sh('apt-get', ['install', '-y', 'lua-check']).ok) {
      sh('apt-get', ['update']);
      sh('apt-get', ['install', '-y', 'lua-check']);
    }
    v = sh('luacheck', ['--version']);
  }
  if (!v.ok) return undefined;
  const field = (name) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(v.out)?.[1]?.trim();
  return { version: field('Luacheck'), lua: field('Lua'), lanes: field('LuaLanes') ?? 'unknown' };
}

/** Rebuilds the bundle into bench/cache and compares: the bench measures dist/, which may lag behind src/. */
function distStatus() {
  // scripts/build.mjs takes an output directory (or, in older versions, an output file) as its argument.
  const out = path.join(CACHE, 'dist-check');
  fs.rmSync(out, { recursive: true, force: true });
  const r = sh(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), out], { cwd: ROOT });
  try {
    if (!r.ok) return `unknown (build failed: ${r.out.split('\n')[0]})`;
    const built = fs.statSync(out).isDirectory() ? path.join(out, 'resty-lint.cjs') : out;
    const same = fs.readFileSync(built).equals(fs.readFileSync(path.join(ROOT, 'dist/resty-lint.cjs')));
    return same ? 'yes' : 'NO (dist/ differs from a fresh build of src/: run npm run build)';
  } catch (e) {
    return `unknown (${e.message})`;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function distHash() {
  try {
    return createHash('sha256').update(fs.readFileSync(CLI_BUNDLE)).digest('hex').slice(0, 16);
  } catch {
    return 'unknown';
  }
}

function gitInfo() {
  const head = sh('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT });
  const dirty = sh('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT });
  return head.ok ? `${head.out}${dirty.ok && dirty.out ? ' (with uncommitted changes)' : ''}` : 'unknown';
}

/**
 * How this CLI caches, from its --help: the option that turns the cache on (and whether it takes a directory),
 * and whether `--no-cache` exists (then cold runs pass it, in case caching is on by default).
 */
function cacheOptions() {
  const help = sh(process.execPath, [CLI, '--help']).out;
  const m = /(--cache(?:-dir)?)\b(?:[ =]+(<[^>]+>|[A-Z]+\b))?/.exec(help);
  return { flag: m?.[1], takesValue: Boolean(m?.[2]), noCache: /--no-cache\b/.test(help) };
}

function restyVersion() {
  return sh(process.execPath, [CLI, '--version']).out || 'unknown';
}

function dataSets() {
  const sets = [];
  const corpus = ensureCorpus(CACHE, log);
  sets.push({ name: 'debian-corpus', kind: 'real', dir: corpus.dir, packages: corpus.packages });
  const copies = Number(process.env.BENCH_TREE_COPIES ?? 0);
  for (const dir of realTrees()) {
    sets.push({ name: path.basename(dir), kind: 'real', dir });
    if (copies > 1) sets.push({ name: `${path.basename(dir)}-x${copies}`, kind: 'real', dir: treeCopies(dir, copies) });
  }
  const skipped = [];
  for (const n of SIZES) {
    if (n > MAX_FILES) {
      skipped.push(n);
      continue;
    }
    log(`bench: synthetic project of ${n} files`);
    const p = ensureProject(CACHE, n, SEED);
    sets.push({ name: `synthetic-${n}`, kind: 'synthetic', dir: p.dir, size: n });
  }
  return { sets, skipped };
}

/** Real trees given in BENCH_TREES or placed in bench/cache/trees/ (not committed: fetched code stays local). */
function realTrees() {
  const given = (process.env.BENCH_TREES ?? '').split(',').filter(Boolean).map((d) => path.resolve(d));
  const local = path.join(CACHE, 'trees');
  const placed = fs.existsSync(local) ? fs.readdirSync(local, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(local, e.name)) : [];
  return [...given, ...placed.sort()].filter((d) => fs.existsSync(d));
}

/** `n` copies of a tree side by side (`copy1/` ... `copyN/`), made once in bench/cache/ and reused. */
function treeCopies(dir, n) {
  const out = path.join(CACHE, `${path.basename(dir)}-x${n}`);
  const stamp = path.join(out, '.complete');
  if (fs.existsSync(stamp)) return out;
  log(`bench: ${n} copies of ${dir} into ${out}`);
  fs.rmSync(out, { recursive: true, force: true });
  for (let i = 1; i <= n; i++) fs.cpSync(dir, path.join(out, `copy${i}`), { recursive: true, verbatimSymlinks: true });
  fs.writeFileSync(stamp, '');
  return out;
}

/** `run` with `line` added at the top of the file the warm runs edit (fileToTouch; after a `#!` line), put back
 *  after. */
async function editedRun(set, line, run) {
  const file = fileToTouch(set.dir);
  const original = fs.readFileSync(file);
  const text = original.toString('latin1');
  const at = text.startsWith('#') ? text.indexOf('\n') + 1 : 0;
  fs.writeFileSync(file, `${text.slice(0, at)}${line}\n${text.slice(at)}`, 'latin1');
  try {
    return await run();
  } finally {
    fs.writeFileSync(file, original);
  }
}

/** The file the warm run edits: the middle one of the sorted .lua list. */
function fileToTouch(dir) {
  const list = [];
  const walk = (d, rel) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else if (e.isFile() && e.name.endsWith('.lua')) list.push(r);
    }
  };
  walk(dir, '');
  list.sort();
  return path.join(dir, list[Math.floor(list.length / 2)]);
}

async function benchSet(set, tools, useGnuTime, cacheOpts) {
  const stats = luaStats(set.dir);
  log(`bench: ${set.name}: ${stats.files} files, ${stats.lines} lines`);
  // One untimed run: warms the page cache, checks that the CLI works, and counts the findings.
  const outDir = path.join(CACHE, 'out');
  fs.mkdirSync(outDir, { recursive: true });
  const report = path.join(outDir, `${set.name}.json`);
  const check = await timed({ cmd: process.execPath, args: [CLI, '.', '-f', 'json', '-o', report, ...(cacheOpts.noCache ? ['--no-cache'] : [])], cwd: set.dir, okStatus: [0, 1] }, useGnuTime);
  let summary;
  if (check.ok) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    summary = { ...r.summary, findings: r.findings.length, byRule: countBy(r.findings.map((f) => f.ruleId)) };
  }
  const runs = Object.fromEntries(tools.map((t) => [t.id, []]));
  for (let rep = 0; rep < REPEAT; rep++) {
    for (const t of tools) {
      if (!t.available) continue;
      const r = await t.run(set, rep, useGnuTime);
      log(`  ${set.name} ${t.id} #${rep + 1}: ${r.wallS.toFixed(2)} s, ${r.rssMB.toFixed(0)} MB${r.ok ? '' : ` FAILED (exit ${r.status}): ${r.stderr.split('\n')[0]}`}`);
      runs[t.id].push(r);
    }
  }
  const results = {};
  for (const t of tools) {
    const rs = runs[t.id];
    if (!t.available) {
      results[t.id] = { available: false, note: t.unavailable };
      continue;
    }
    const good = rs.filter((r) => r.ok);
    const wallS = median(good.map((r) => r.wallS));
    results[t.id] = {
      available: true,
      runs: rs.map((r) => ({ wallS: round(r.wallS, 3), cpuS: round(r.cpuS, 3), rssMB: round(r.rssMB, 1), status: r.status })),
      failures: rs.filter((r) => !r.ok).map((r) => `exit ${r.status}: ${r.stderr.split('\n')[0]}`),
      wallS: round(wallS, 3),
      cpuS: round(median(good.map((r) => r.cpuS)), 3),
      rssMB: round(median(good.map((r) => r.rssMB)), 1),
      filesPerS: Math.round(stats.files / wallS),
      linesPerS: Math.round(stats.lines / wallS),
    };
  }
  return { name: set.name, kind: set.kind, ...stats, packages: set.packages, resty: summary, results };
}

function countBy(xs) {
  const m = {};
  for (const x of xs) m[x] = (m[x] ?? 0) + 1;
  return Object.fromEntries(Object.entries(m).sort());
}

function round(x, d) {
  if (!Number.isFinite(x)) return null;
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

function buildTools(luacheck, cache) {
  const cold = cache.noCache ? ['--no-cache'] : [];
  const warm = (dir) => (cache.takesValue ? [cache.flag, dir] : [cache.flag]);
  const cacheDirOf = (set) => path.join(CACHE, 'resty-cache', set.name);
  const warmRun = (set, g) => timed({ cmd: process.execPath, args: [CLI, '.', '-f', 'json', ...warm(cacheDirOf(set))], cwd: set.dir, okStatus: [0, 1] }, g);
  // `then` after an untimed warm run that records the tree as it is: the run before may have seen another edit.
  const settled = async (set, g, then) => {
    const settle = await warmRun(set, g);
    return settle.ok ? then() : settle;
  };
  return [
    {
      id: 'resty-cold',
      label: 'resty-lint cold',
      available: true,
      run: (set, _rep, g) => timed({ cmd: process.execPath, args: [CLI, '.', '-f', 'json', ...cold], cwd: set.dir, okStatus: [0, 1] }, g),
    },
    {
      // A change to what the code does: a require added at the top of one file changes its facts (its requires
      // and calls), and its lines move. The model is linked again.
      id: 'resty-warm',
      label: 'resty-lint warm (cache, one file changed)',
      available: Boolean(cache.flag),
      unavailable: 'n/a (no cache yet)',
      run: async (set, rep, g) => {
        if (rep === 0) {
          fs.rmSync(cacheDirOf(set), { recursive: true, force: true });
          const fill = await warmRun(set, g);
          if (!fill.ok) return fill;
        }
        return editedRun(set, `local _bench_edit = require("bench_edit_${rep}_${Date.now()}")`, () => warmRun(set, g));
      },
    },
    {
      // An edit that leaves the facts as they were: a comment line added at the top moves every line of the
      // file. The last run's findings are taken, moved (src/project/moved-findings.ts).
      id: 'resty-comment',
      label: 'resty-lint warm (cache, one file: comment line added)',
      available: Boolean(cache.flag),
      unavailable: 'n/a (no cache yet)',
      run: (set, rep, g) => settled(set, g, () => editedRun(set, `-- bench edit ${rep} ${Date.now()}`, () => warmRun(set, g))),
    },
    {
      // The result cache (src/project/result-cache.ts): the rules' findings of the last run, taken as they are
      // when no file changed (a second run for another report format, a pre-push hook after the pre-commit one).
      id: 'resty-unchanged',
      label: 'resty-lint warm (cache, nothing changed)',
      available: Boolean(cache.flag),
      unavailable: 'n/a (no cache yet)',
      run: (set, _rep, g) => settled(set, g, () => warmRun(set, g)),
    },
    {
      id: 'parse-floor',
      label: 'luaparse parse-only floor',
      available: true,
      run: (set, _rep, g) => timed({ cmd: process.execPath, args: [PARSE_FLOOR, '.'], cwd: set.dir }, g),
    },
    {
      id: 'luacheck',
      label: 'luacheck',
      available: Boolean(luacheck),
      unavailable: SKIP_LUACHECK ? 'skipped (BENCH_SKIP_LUACHECK=1)' : 'n/a (luacheck not installable)',
      // Exit 1: warnings, 2: syntax errors; both mean it checked everything.
      run: (set, _rep, g) => timed({ cmd: 'luacheck', args: ['--codes', '--formatter', 'plain', '--no-cache', '.'], cwd: set.dir, okStatus: [0, 1, 2] }, g),
    },
  ];
}

const fmtS = (x) => (x == null ? '-' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const fmtN = (x) => (x == null ? '-' : x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e4 ? `${Math.round(x / 1e3)} k` : String(x));
const ratio = (a, b) => (a == null || b == null || !b ? null : a / b);
const verdict = (x, limit, lessOrEqual = true) => (x == null ? '-' : `${x.toFixed(2)}× ${(lessOrEqual ? x <= limit : x < limit) ? 'ok' : '**over**'}`);

function markdown(report) {
  const m = report.machine;
  const lc = report.luacheck;
  const L = [];
  L.push('# resty-lint benchmark', '');
  L.push(
    `${m.cpuModel}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}; Node ${m.node}; ` +
      `${lc ? `luacheck ${lc.version} on ${lc.lua} (LuaLanes: ${lc.lanes})` : 'luacheck: not run'}; ` +
      `resty-lint ${report.resty.version} at ${report.resty.commit} (bundle sha256 ${report.resty.distSha256}…, dist/ matches src/: ${report.resty.distUpToDate}); ${report.date}.`,
  );
  L.push('', `Median of ${report.repeat} runs (wall clock, peak RSS from GNU time). Method: bench/README.md.`, '');
  L.push('| data set | files | lines | tool | wall s | files/s | lines/s | peak RSS MB |', '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |');
  for (const s of report.dataSets) {
    for (const t of report.tools) {
      const r = s.results[t.id];
      const name = t.id === 'luacheck' && lc && /not found/i.test(lc.lanes ?? '') ? 'luacheck (`-j` is a no-op: no LuaLanes in Debian)' : t.label;
      if (!r.available) {
        L.push(`| ${s.name} | ${s.files} | ${fmtN(s.lines)} | ${name} | ${r.note} | | | |`);
        continue;
      }
      const failed = r.failures.length ? ` (${r.failures.length} failed)` : '';
      L.push(`| ${s.name} | ${s.files} | ${fmtN(s.lines)} | ${name}${failed} | ${fmtS(r.wallS)} | ${fmtN(r.filesPerS)} | ${fmtN(r.linesPerS)} | ${r.rssMB == null ? '-' : Math.round(r.rssMB)} |`);
    }
  }
  L.push('', '## Targets', '');
  L.push(
    `| data set | cold ÷ parse floor (≤ ${TARGETS.vsParseFloor}×) | same, CPU time | cold ÷ luacheck (≤ ${TARGETS.vsLuacheck}×) | warm, one file changed ÷ cold (≤ ${TARGETS.warmVsCold}×) | comment added ÷ cold | nothing changed ÷ cold | peak RSS | findings |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const s of report.dataSets) {
    const cold = s.results['resty-cold'];
    const floor = s.results['parse-floor'];
    const luac = s.results.luacheck;
    const warm = s.results['resty-warm'];
    const unchanged = s.results['resty-unchanged'];
    const comment = s.results['resty-comment'];
    const limit = TARGETS.rssMB(s.files);
    const rss = cold.rssMB == null ? '-' : `${Math.round(cold.rssMB)} MB ${cold.rssMB <= limit ? 'ok' : '**over**'} (≤ ${limit})`;
    const findings = s.resty ? Object.entries(s.resty.byRule).map(([k, v]) => `${k} ${v}`).join(', ') || 'none' : 'run failed';
    const cpu = ratio(cold.cpuS, floor.cpuS);
    L.push(
      `| ${s.name} | ${verdict(ratio(cold.wallS, floor.wallS), TARGETS.vsParseFloor)} | ${cpu == null ? '-' : `${cpu.toFixed(2)}×`} | ${luac.available ? verdict(ratio(cold.wallS, luac.wallS), TARGETS.vsLuacheck) : '-'} | ${warm?.available ? verdict(ratio(warm.wallS, cold.wallS), TARGETS.warmVsCold) : '-'} | ${comment?.available ? `${ratio(comment.wallS, cold.wallS)?.toFixed(2)}×` : '-'} | ${unchanged?.available ? `${ratio(unchanged.wallS, cold.wallS)?.toFixed(2)}×` : '-'} | ${rss} | ${findings} |`,
    );
  }
  const synth = report.dataSets.filter((s) => s.kind === 'synthetic');
  if (synth.length > 1) {
    L.push('', '## Growth (synthetic projects): time per file should stay flat', '');
    L.push(
      'The marginal cost is (this size\'s time − the previous size\'s) ÷ (the files added): it leaves out Node startup and fixed costs, which dominate the small project.',
      '',
    );
    L.push(
      '| data set | resty-lint ms/file | marginal ms/file | parse floor ms/file | parse floor marginal | luacheck ms/file | luacheck marginal | resty-lint peak RSS KB/file |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    synth.forEach((s, i) => {
      const prev = synth[i - 1];
      const wall = (set, id) => (set?.results[id]?.available ? set.results[id].wallS : null);
      const per = (id) => (wall(s, id) == null ? '-' : ((1000 * wall(s, id)) / s.files).toFixed(3));
      const marginal = (id) => (!prev || wall(s, id) == null || wall(prev, id) == null ? '-' : ((1000 * (wall(s, id) - wall(prev, id))) / (s.files - prev.files)).toFixed(3));
      const rss = s.results['resty-cold'].rssMB;
      L.push(`| ${s.name} | ${per('resty-cold')} | ${marginal('resty-cold')} | ${per('parse-floor')} | ${marginal('parse-floor')} | ${per('luacheck')} | ${marginal('luacheck')} | ${rss ? Math.round((1024 * rss) / s.files) : '-'} |`);
    });
  }
  if (report.editor) {
    L.push('', '## In the editor (`resty-lint lsp --stdio`): after an edit', '');
    L.push('scripts/bench/lsp-latency.mjs: the workspace loaded once, then one open file edited 10 times (medians; the time to diagnostics includes the 40 ms debounce).', '');
    L.push(...latencyLines(report.editor));
  }
  L.push('', '## Notes', '');
  for (const n of report.notes) L.push(`- ${n}`);
  L.push('');
  return L.join('\n');
}

async function runProfile() {
  snapshotBundle();
  const { sets } = dataSets();
  const targets = sets.filter((s) => s.name === 'debian-corpus' || s.name === 'synthetic-10000');
  const dir = path.join(CACHE, 'profiles');
  fs.mkdirSync(dir, { recursive: true });
  const out = [];
  for (const s of targets) {
    const name = `${s.name}.cpuprofile`;
    fs.rmSync(path.join(dir, name), { force: true });
    log(`profile: ${s.name}`);
    const r = await timed({ cmd: process.execPath, args: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`, CLI, '.', '-f', 'json'], cwd: s.dir, okStatus: [0, 1] }, false);
    const p = summarizeProfile(path.join(dir, name), ROOT);
    out.push(`## ${s.name} (${r.wallS.toFixed(2)} s wall, ${(p.totalMs / 1000).toFixed(2)} s sampled)`, '', '| self ms | self % | function |', '| ---: | ---: | --- |');
    for (const row of p.self.slice(0, 10)) out.push(`| ${row.ms.toFixed(0)} | ${row.pct.toFixed(1)} | \`${row.fn}\` |`);
    out.push('', '| total ms | total % | function (inclusive) |', '| ---: | ---: | --- |');
    for (const row of p.inclusive.slice(0, 20)) out.push(`| ${row.ms.toFixed(0)} | ${row.pct.toFixed(1)} | \`${row.fn}\` |`);
    out.push('');
  }
  const md = out.join('\n');
  fs.writeFileSync(path.join(dir, 'summary.md'), md);
  process.stdout.write(`${md}\n(profiles and summary in ${path.relative(ROOT, dir)}/, not committed)\n`);
}

async function main() {
  fs.mkdirSync(CACHE, { recursive: true });
  if (PROFILE) return runProfile();
  const t0 = Date.now();
  // What is measured, recorded before the runs: others may rebuild dist/ while the bench runs.
  const distSha256 = snapshotBundle();
  const resty = { version: restyVersion(), commit: gitInfo(), distUpToDate: distStatus(), distSha256 };
  const useGnuTime = ensureGnuTime(log);
  const luacheck = ensureLuacheck();
  const cache = cacheOptions();
  resty.cacheOption = cache.flag ?? null;
  const { sets, skipped } = dataSets();
  const tools = buildTools(luacheck, cache);
  const dataSetsOut = [];
  for (const s of sets) dataSetsOut.push(await benchSet(s, tools, useGnuTime, cache));

  log('bench: language server edit latency (scripts/bench/lsp-latency.mjs)');
  const editor = await editorLatency(CLI, CACHE, SEED);
  for (const line of latencyLines(editor)) log(`  ${line}`);

  const notes = [];
  const parseOpts = projectParseOptions();
  notes.push(
    `resty-lint cold: \`node ${process.env.BENCH_CLI ? path.relative(ROOT, CLI) : 'bin/resty-lint.cjs'} . -f json${cache.noCache ? ' --no-cache' : ''}\` run in the data set's directory, report to /dev/null; it also reads the data set's nginx.conf files (synthetic projects), the other tools only the .lua files.`,
  );
  notes.push(`Parse floor: scripts/bench/parse-floor.mjs, a separate Node process that finds the same .lua files, reads each as latin1, strips a BOM and parses it with the bundled patched luaparse and the options of ${parseOpts.from} (${JSON.stringify(parseOpts.options)}); node startup included, as for the CLI.`);
  if (luacheck) {
    notes.push(
      `luacheck: \`luacheck --codes --formatter plain --no-cache .\` (Debian lua-check ${luacheck.version}, ${luacheck.lua}). LuaLanes: ${luacheck.lanes}` +
        `${/not found/i.test(luacheck.lanes) ? ' — Debian does not package LuaLanes, so `luacheck -j N` is a silent no-op there: luacheck is single-threaded in this table, like resty-lint.' : '.'}`,
    );
  }
  notes.push(
    cache.flag
      ? `resty-lint warm: \`${cache.takesValue ? `${cache.flag} DIR` : cache.flag}\` filled by one run; before each timed run, one .lua file (the middle of the sorted list) gets a line added at its top: for "one file changed", \`local _bench_edit = require("bench_edit_…")\` (its facts change: the model is linked again); for "comment added", a comment line (its facts stay, its lines move: the findings are moved), after an untimed run that records the tree as it is${cache.noCache ? '; cold runs pass --no-cache' : ''}.`
      : 'resty-lint warm (cache, one file changed): n/a, `resty-lint --help` lists no `--cache` option yet.',
  );
  if (distHash() !== resty.distSha256) notes.push(`dist/resty-lint.cjs was rebuilt while the bench ran; the bench measured the copy it took at start (sha256 ${resty.distSha256}…).`);
  notes.push(`Real corpus: the regular .lua files of ${(sets[0].packages ?? []).map((p) => `${p.deb.replace(/_all\.deb$|_amd64\.deb$/, '')} (${p.files})`).join(', ')}; symlinked .lua files (penlight's 5.2 tree) left out, so every tool reads the same files.`);
  notes.push(`Synthetic projects: scripts/bench/synthetic.mjs, seed ${SEED}: config module, redis/mysql store wrappers, utility modules, handlers that keep alive, close, close on error or never release (mixed pools on purpose), nginx.conf with sites of *_by_lua_file and *_by_lua_block locations.`);
  if (skipped.length) notes.push(`Skipped: synthetic ${skipped.join(', ')} (BENCH_MAX_FILES=${MAX_FILES}; run \`BENCH_MAX_FILES=${Math.max(...skipped)} npm run bench\` to include it; the 50k project adds about 15 minutes on 2 vCPUs).`);
  notes.push(`Settings: BENCH_MAX_FILES=${MAX_FILES}, BENCH_REPEAT=${REPEAT}, BENCH_SEED=${SEED}. The whole bench took ${Math.round((Date.now() - t0) / 1000)} s.`);

  const report = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    luacheck: luacheck ?? null,
    resty,
    repeat: REPEAT,
    maxFiles: MAX_FILES,
    seed: SEED,
    targets: TARGETS,
    tools: tools.map((t) => ({ id: t.id, label: t.label })),
    dataSets: dataSetsOut,
    editor,
    skipped,
    notes,
  };
  const md = markdown(report);
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), md);
  process.stdout.write(md);
}

await main();
