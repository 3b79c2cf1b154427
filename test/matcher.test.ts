// .github/resty-lint-matcher.json, the problem matcher for `--format compact` lines (registered by the Action
// for later steps; also usable as a VS Code tasks.json problemMatcher), against the real CLI's output.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/sarif-validate.ts';

interface Pattern {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  code?: number;
  message?: number;
}
interface Matcher {
  owner: string;
  severity?: string;
  pattern: Pattern[];
}

const config = JSON.parse(readFileSync(join(REPO_ROOT, '.github/resty-lint-matcher.json'), 'utf8')) as { problemMatcher: Matcher[] };
const main = config.problemMatcher.find((m) => m.owner === 'resty-lint')!;
const noteMatcher = config.problemMatcher.find((m) => m.owner === 'resty-lint-note')!;

const tmp = mkdtempSync(join(tmpdir(), 'resty-lint-matcher-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cliRun(cwd: string, args: string[]): string {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/resty-lint.cjs'), ...args], { cwd, encoding: 'utf8' });
  expect(r.status, r.stderr).not.toBe(2);
  return r.stdout;
}

/** What the runner (and VS Code) extracts from a line with one pattern: null when the line does not match. */
function extract(p: Pattern, line: string): Record<string, string | undefined> | null {
  const m = new RegExp(p.regexp).exec(line);
  if (!m) return null;
  const g = (i: number | undefined) => (i === undefined ? undefined : m[i]);
  return { file: g(p.file), line: g(p.line), column: g(p.column), severity: g(p.severity), code: g(p.code), message: g(p.message) };
}

interface JsonFinding {
  ruleId: string;
  level: string;
  plainMessage: string;
  location: { file: string; startLine: number; startColumn: number };
}

/** Each compact line must yield exactly what the JSON report says about the same finding. */
function checkProject(cwd: string, args: string[]): number {
  const lines = cliRun(cwd, [...args, '-f', 'compact']).split('\n').filter(Boolean);
  const findings = (JSON.parse(cliRun(cwd, [...args, '-f', 'json'])) as { findings: JsonFinding[] }).findings;
  expect(lines).toHaveLength(findings.length);
  lines.forEach((line, i) => {
    const f = findings[i];
    expect(extract(main.pattern[0], line), line).toEqual({
      file: f.location.file,
      line: String(f.location.startLine),
      column: String(f.location.startColumn),
      severity: f.level,
      code: f.ruleId,
      message: f.plainMessage.replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    });
    // GitHub accepts only error, warning and notice: a note line is taken by the second matcher.
    const note = extract(noteMatcher.pattern[0], line);
    if (f.level === 'note') expect(note).toMatchObject({ file: f.location.file, code: f.ruleId, severity: undefined });
    else expect(note).toBeNull();
  });
  return lines.length;
}

describe('problem matcher', () => {
  it('has the shape the runner validates (owners, group indexes in range, GitHub severities)', () => {
    expect(config.problemMatcher.map((m) => m.owner)).toEqual(['resty-lint', 'resty-lint-note']);
    for (const m of config.problemMatcher) {
      expect(m.pattern).toHaveLength(1);
      const p = m.pattern[0];
      const groups = new RegExp(`${p.regexp}|`).exec('')!.length - 1;
      for (const key of ['file', 'line', 'column', 'severity', 'code', 'message'] as const) {
        if (p[key] !== undefined) expect(p[key]!, `${m.owner}.${key}`).toBeLessThanOrEqual(groups);
      }
      expect(p.message).toBeDefined();
    }
    expect(main.severity).toBeUndefined();
    expect(noteMatcher.severity).toBe('notice');
    // The main matcher is a plain VS Code problemMatcher too: only keys VS Code knows.
    expect(Object.keys(main).sort()).toEqual(['owner', 'pattern']);
  });

  it('extracts every finding of the fixture tree (warnings and syntax errors, messages with colons)', () => {
    expect(checkProject(REPO_ROOT, ['fixtures/lua'])).toBeGreaterThan(5);
    expect(checkProject(REPO_ROOT, ['fixtures/projects'])).toBeGreaterThan(0);
  });

  it('handles paths with spaces, colons and commas, and note-level findings', () => {
    const project = join(tmp, 'my project');
    mkdirSync(join(project, 'lua dir'), { recursive: true });
    const bad = 'local redis = require "resty.redis"\nlocal r = redis:new()\nr:connect("h", 1)\nr:set_keepalive()\nlocal q = redis:new()\nq:connect("h", 1)\nq:close()\n';
    writeFileSync(join(project, 'lua dir/a: b, c.lua'), bad);
    writeFileSync(join(project, 'lua dir/broken 2.lua'), 'local = 1\n');
    const out = cliRun(project, ['-f', 'compact']);
    expect(out).toContain('lua dir/a: b, c.lua:7:1: warning [pool-mixed-lifecycle] ');
    expect(checkProject(project, [])).toBe(2);

    writeFileSync(join(project, '.resty-lint.json'), '{ "rules": { "pool-mixed-lifecycle": "note" } }');
    const noteLine = cliRun(project, ['-f', 'compact']).split('\n').find((l) => l.includes('[pool-mixed-lifecycle]'))!;
    expect(extract(noteMatcher.pattern[0], noteLine)).toMatchObject({ file: 'lua dir/a: b, c.lua', line: '7', column: '1', code: 'pool-mixed-lifecycle' });
    expect(checkProject(project, [])).toBe(2);
  });
});

describe("the README's VS Code tasks.json example", () => {
  it('uses the same pattern as the shipped matcher', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const snippet = /```json\n(\{ "label": "resty-lint"[\s\S]*?)```/.exec(readme)?.[1];
    expect(snippet).toBeDefined();
    const task = JSON.parse(snippet!) as { problemMatcher: { pattern: Pattern } };
    expect(task.problemMatcher.pattern.regexp).toBe(main.pattern[0].regexp);
  });
});
