// `resty-lint pools --format html` opened in a real headless Chromium: it renders, its script runs without a
// console message, the pool table lists exactly the fixture's pool keys, the diagram is there, and nothing is
// fetched. Chromium is Debian's `chromium` package (scripts/install-system-deps.sh); without it these tests are
// skipped with a warning, except under CI=true where they fail.
import { RULES } from '../../rules/index.ts';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { REPO_ROOT } from '../support/sarif-validate.ts';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const CI = process.env.CI === 'true';
if (!CHROMIUM && !CI) console.warn('test/pools/html.test.ts: chromium is not installed (Debian: apt-get install -y chromium); the browser tests are skipped');

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-pools-html-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The pool family of fixtures/pools/lua/app/health.lua: its key text names the expression and its origin. */
const FAMILY_KEY = '${host}:6379 @ fixtures/pools/lua/app/health.lua _M.ping';
const POOL_KEYS = [FAMILY_KEY, '127.0.0.1:6379', 'localhost:6379', 'sessions'];

/** The HTML report of `paths` (relative to cwd), written to a file under tmp. */
function report(name: string, paths: string[], cwd = REPO_ROOT): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'pools.html');
  let err = '';
  const code = runCli(['pools', ...paths, '--format', 'html', '--output', file], { cwd, stdout: () => {}, stderr: (s) => (err += s), isTTY: false, env: {}, rules: RULES });
  expect(code, err).toBe(0);
  return file;
}

let profiles = 0;

/** Runs headless Chromium on a local file; returns its stdout and the console lines of its log. */
function chromium(file: string, mode: string[]): { stdout: Buffer; console: string[]; stderr: string } {
  if (!CHROMIUM) throw new Error('chromium is not installed (Debian package `chromium`: apt-get install -y chromium); CI=true requires it');
  const r = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${join(tmp, `profile${++profiles}`)}`,
      '--enable-logging=stderr',
      '--v=0',
      ...mode,
      pathToFileURL(file).href,
    ],
    { cwd: tmp, timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
  );
  const stderr = r.stderr.toString('utf8');
  expect(r.status, `chromium failed (${r.status} ${r.signal ?? ''}): ${stderr.slice(-2000)}`).toBe(0);
  // Console messages and uncaught exceptions: `INFO:CONSOLE:12] "Uncaught Error: ..."` (older builds: `CONSOLE(12)`).
  const consoleLines = stderr.split('\n').filter((l) => /:CONSOLE[:(]|Uncaught/.test(l));
  return { stdout: r.stdout, console: consoleLines, stderr };
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1];
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe.skipIf(!CHROMIUM && !CI)('the pools HTML report in headless Chromium', () => {
  let file = '';
  beforeAll(() => {
    file = report('fixture', ['fixtures/pools']);
  });

  it('notices console errors (control: a page that throws)', () => {
    const bad = join(tmp, 'bad.html');
    writeFileSync(bad, '<!DOCTYPE html><title>x</title><script>console.error("bad thing"); throw new Error("boom")</script>');
    const r = chromium(bad, ['--dump-dom']);
    expect(r.console.join('\n')).toContain('Uncaught Error: boom');
  });

  it('renders with its script run, no console message, the fixture\'s pool keys in the table, and the diagram', () => {
    const r = chromium(file, ['--dump-dom']);
    expect(r.console, r.console.join('\n')).toEqual([]);
    const dom = r.stdout.toString('utf8');
    // The script ran to its end: it shows the filter box that the page hides without it.
    expect(dom).toMatch(/<p id="filter-box">/);
    expect(dom).toContain('<h1>Connection pools</h1>');

    const table = /<table id="pool-table">([\s\S]*?)<\/table>/.exec(dom)?.[1] ?? '';
    const rows = [...table.matchAll(/<tr class="pool-row"[^>]*>/g)].map((m) => m[0]);
    expect(rows.map((t) => unescape(attr(t, 'data-key') ?? ''))).toEqual(POOL_KEYS);
    // A family's cell shows its expression, tagged with where its values come from.
    const firstCells = [...table.matchAll(/<td class="key"><a href="#pool-\d+"><code>([^<]*)<\/code><\/a>(?: <span class="tag">([^<]*)<\/span>)?<\/td>/g)].map((m) =>
      m[2] === undefined ? unescape(m[1]) : `${unescape(m[1])} | ${unescape(m[2])}`,
    );
    expect(firstCells).toEqual(['${host}:6379 | family: _M.ping() in fixtures/pools/lua/app/health.lua', ...POOL_KEYS.slice(1)]);

    const svg = /<svg id="pool-diagram"[\s\S]*?<\/svg>/.exec(dom)?.[0] ?? '';
    expect(svg).not.toBe('');
    expect([...svg.matchAll(/<g class="node pool[^"]*" data-id="pool:([^"]*)"/g)].map((m) => unescape(m[1]))).toEqual(POOL_KEYS);
    expect(svg).toMatch(/<path class="edge long"[^>]*stroke="#2e7d32"/);
    expect(svg).toMatch(/<path class="edge short"[^>]*stroke="#c62828"[^>]*stroke-dasharray="7 5"/);
    expect(svg).toContain('long: set_keepalive');
    expect(svg).toContain('short: close / never released');

    // Sites link to file#Lline, relative to the report's directory.
    expect(dom).toMatch(/<a class="loc" href="(\.\.\/)+[^"]*fixtures\/pools\/lua\/app\/counters\.lua#L24">fixtures\/pools\/lua\/app\/counters\.lua:24<\/a>/);
  });

  it('loads nothing from anywhere: no URL but the SVG namespace, and a CSP that forbids fetching', () => {
    const html = readFileSync(file, 'utf8');
    expect([...new Set(html.match(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>)]*/gi) ?? [])]).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"|<script[^>]+src=|@import|@font-face|url\((?!#)/);
  });

  it('takes a screenshot that is a real, non-blank page', () => {
    const shot = join(tmp, 'shot.png');
    chromium(file, [`--screenshot=${shot}`, '--window-size=1280,1600']);
    const png = readFileSync(shot);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 1600]);
    expect(png.length).toBeGreaterThan(30_000);
  });

  it('escapes file names and keys with <&"\' in them, and percent-encodes their links', () => {
    const dir = join(tmp, 'evil');
    const name = `x<&"'y #%`;
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(
      join(dir, name, 'a.lua'),
      'local redis = require "resty.redis"\nlocal red = redis:new()\nred:connect("127.0.0.1", 6379, { pool = "<b>&\\"pool\\"" })\nred:set_keepalive(10000, 10)\nlocal q = redis:new()\nq:connect("127.0.0.1", 6379, { pool = "<b>&\\"pool\\"" })\nq:close()\n',
    );
    const out = report('evil-report', ['.'], dir);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain(name);
    expect(html).not.toContain('<b>');
    expect(html).toContain('x&lt;&amp;&quot;&#39;y #%/a.lua:4');
    expect(html).toContain(`href="../evil/x%3C%26%22%27y%20%23%25/a.lua#L4"`);
    const r = chromium(out, ['--dump-dom']);
    expect(r.console, r.console.join('\n')).toEqual([]);
    const dom = r.stdout.toString('utf8');
    const rows = [...dom.matchAll(/<tr class="pool-row"[^>]*>/g)].map((m) => unescape(attr(m[0], 'data-key') ?? ''));
    expect(rows).toEqual(['<b>&"pool"']);
    expect(dom).not.toContain('<b>');
  });
});
