// The house rules the code's shape must keep: imports run one way (no cycle between files or between folders,
// the engine never imports the rules), no file over 600 lines, and no rule names a client library (client
// knowledge is profile data, src/clients/profiles.ts).
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { CLIENT_PROFILES } from '../src/clients/profiles.ts';
import { REPO_ROOT } from './support/sarif-validate.ts';

const ENGINE = fg.sync(['src/**/*.ts', 'rules/*.ts', 'entry/*.ts'], { cwd: REPO_ROOT }).sort();
const MAX_LINES = 600;

/** Relative imports (and re-exports) of a file, as repository paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  const out = new Set<string>();
  for (const m of text.matchAll(/^(?:import|export)\b[^'";]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)) out.add(normalize(join(dirname(file), m[1])));
  return [...out];
}

/** A folder is a directory of src/, or the top-level rules/ and entry/. */
function folderOf(file: string): string {
  return file.startsWith('src/') ? dirname(file) : file.split('/')[0];
}

/** Strongly connected components with more than one node (Tarjan): each is a cycle. */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

const fileGraph = new Map(ENGINE.map((f) => [f, new Set(importsOf(f))]));
const folderGraph = new Map<string, Set<string>>();
for (const [file, targets] of fileGraph) {
  for (const t of targets) {
    const [a, b] = [folderOf(file), folderOf(t)];
    if (a === b) continue;
    if (!folderGraph.has(a)) folderGraph.set(a, new Set());
    folderGraph.get(a)!.add(b);
  }
}

describe('architecture', () => {
  it('finds the engine files and their imports', () => {
    expect(ENGINE.length).toBeGreaterThan(50);
    expect(fileGraph.get('entry/resty-lint.ts')).toContain('rules/index.ts');
  });

  it('has no import cycle between files', () => {
    expect(cycles(fileGraph)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    expect(cycles(folderGraph)).toEqual([]);
  });

  it('keeps the engine free of the rules: only entry/ joins them', () => {
    const intoRules = [...fileGraph].filter(([f, ts]) => f.startsWith('src/') && [...ts].some((t) => t.startsWith('rules/') || t.startsWith('entry/')));
    expect(intoRules.map(([f]) => f)).toEqual([]);
  });

  it('has no source file over 600 lines', () => {
    const all = fg.sync(['src/**/*.ts', 'rules/*.ts', 'entry/*.ts', 'test/**/*.ts', 'scripts/**/*.mjs'], { cwd: REPO_ROOT });
    const long = all
      .map((f) => ({ f, lines: readFileSync(join(REPO_ROOT, f), 'utf8').split('\n').length }))
      .filter((x) => x.lines > MAX_LINES)
      .map((x) => `${x.f}: ${x.lines}`);
    expect(long).toEqual([]);
  });

  it('names no client library in a rule check: rules read client traits from the model', () => {
    const names = CLIENT_PROFILES.map((p) => p.module);
    const offenders: string[] = [];
    for (const file of ENGINE.filter((f) => f.startsWith('rules/') && f !== 'rules/index.ts')) {
      const text = readFileSync(join(REPO_ROOT, file), 'utf8');
      const check = text.slice(text.indexOf('check(') >= 0 ? text.indexOf('check(') : text.length);
      // A literal that is exactly a client's name is a comparison or a lookup; prose in messages is not.
      for (const m of check.matchAll(/(['"`])([\w.]+)\1/g)) if (names.includes(m[2])) offenders.push(`${relative('.', file)}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
