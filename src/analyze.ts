// The end-to-end analysis of a set of files: read, parse, per-file facts, link, rules, findings.
import fs from 'node:fs';
import path from 'node:path';
import { interpretChunk } from './analysis/interpret.ts';
import { linkProject, type UnitInput } from './analysis/link.ts';
import { assignFingerprints } from './fingerprint.ts';
import { compareFindings, type Finding, type SourceSpan } from './findings.ts';
import { parseLua } from './lua/parse-lua.ts';
import type { ProjectModel } from './model/project-model.ts';
import type { Rule } from './rule.ts';
import { SourceText } from './source/source-text.ts';
import { RULES } from '../rules/index.ts';

export interface AnalyzeInput {
  cwd: string;
  /** Files to analyze, relative to cwd. */
  files: readonly string[];
  rules?: readonly Rule[];
}

export interface AnalysisResult {
  findings: Finding[];
  filesAnalyzed: number;
  model: ProjectModel;
  /** Sources by relative path, for reports that show lines. */
  sources: ReadonlyMap<string, SourceText>;
}

type Draft = Omit<Finding, 'fingerprint'>;

export function analyze(input: AnalyzeInput): AnalysisResult {
  const rules = input.rules ?? RULES;
  const drafts: Draft[] = [];
  const sources = new Map<string, SourceText>();
  const units: UnitInput[] = [];

  for (const file of input.files) {
    const text = readSource(path.resolve(input.cwd, file), file, drafts);
    if (!text) continue;
    sources.set(file, text);
    const parsed = parseLua(text);
    if (!parsed.ok) {
      drafts.push(diagnostic('syntax-error', 'error', `Syntax error: ${parsed.message}`, spanAt(text, file, parsed.offset)));
      continue;
    }
    try {
      units.push({ path: file, facts: interpretChunk(parsed.chunk), locate: (s) => locate(text, file, s) });
    } catch (e) {
      // A bug of ours on one file must not lose the rest of the project.
      drafts.push(diagnostic('syntax-error', 'error', `Internal error while analyzing this file, it was skipped: ${(e as Error).message}`, spanAt(text, file, 0)));
    }
  }

  const model = linkProject(units);
  for (const rule of rules) {
    if (!rule.check) continue;
    rule.check(model, (r) => {
      drafts.push({
        ruleId: rule.meta.id,
        level: r.level ?? rule.meta.defaultLevel,
        message: r.message,
        location: r.location,
        related: (r.related ?? []).map((rel, i) => ({ ...rel, id: i + 1 })),
      });
    });
  }

  const unique = dedupe(drafts);
  const findings = assignFingerprints(unique, (file, line) => sources.get(file)?.lineText(line) ?? '').sort(compareFindings);
  return { findings, filesAnalyzed: units.length, model, sources };
}

function readSource(abs: string, file: string, drafts: Draft[]): SourceText | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(abs);
  } catch (e) {
    drafts.push(diagnostic('syntax-error', 'error', `Could not read this file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, fileStart(file)));
    return undefined;
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    const what = bytes[0] === 0x1b && bytes[1] === 0x4c && bytes[2] === 0x4a ? 'LuaJIT bytecode' : 'a binary file';
    drafts.push(diagnostic('syntax-error', 'note', `Not analyzed: this is ${what}, not Lua source.`, fileStart(file)));
    return undefined;
  }
  return new SourceText(bytes);
}

function diagnostic(ruleId: string, level: Finding['level'], message: string, location: SourceSpan): Draft {
  return { ruleId, level, message, location, related: [] };
}

function fileStart(file: string): SourceSpan {
  return { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
}

function spanAt(text: SourceText, file: string, offset: number): SourceSpan {
  const p = text.position(offset);
  return { file, startLine: p.line, startColumn: p.column, endLine: p.line, endColumn: p.column + 1 };
}

function locate(text: SourceText, file: string, [start, end]: [number, number]): SourceSpan {
  const a = text.position(start);
  const b = text.position(end);
  return { file, startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
}

function dedupe(drafts: Draft[]): Draft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const k = JSON.stringify([d.ruleId, d.location, d.message]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
