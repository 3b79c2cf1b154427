// Hover on a connect call, a release call or a client variable: the pool it uses (key and client library), and
// where the project keeps that pool alive, closes it or leaves it unreleased. A variable is matched by name to the
// connect calls of the file written on it (`red:connect(...)`): the nearest one above the cursor, else below.
import type { Hover, Position } from 'vscode-languageserver';
import type { SourceSpan } from '../core/findings.ts';
import { describeKey, type PoolKey } from '../model/pool-key.ts';
import type { ClientSite } from '../model/project-model.ts';
import { linkedModel, type ProjectRun } from '../project/run-project.ts';

export function hoverAt(run: ProjectRun, file: string, pos: Position): Hover | undefined {
  const model = linkedModel(run);
  const at = (s: ClientSite & { key: PoolKey | null }) => s.location.file === file && contains(s.location, pos) && s.key !== null;
  const site = [...model.connects, ...model.poolUses].filter(at).sort((a, b) => width(a.location) - width(b.location))[0] ?? connectOfVariable(run, file, pos);
  if (!site?.key) return undefined;
  const key = site.key;
  const where = (s: SourceSpan) => `${s.file}:${s.startLine}:${s.startColumn}`;
  const uses = model.poolUses.filter((u) => u.key?.text === key.text);
  const list = (title: string, lines: string[]) => (lines.length > 0 ? ['', `${title}:`, ...[...new Set(lines)].map((l) => `- ${l}`)] : []);
  const args = (t: number | null | undefined, n: number | null | undefined) => [t, n].filter((v) => v !== undefined).map((v) => (v === null ? '?' : String(v))).join(', ');
  const md = [
    `**Pool** \`${describeKey(key)}\` (client \`${site.client}\`)`,
    ...list('Connected', model.connects.filter((c) => c.key.text === key.text).map((c) => `${where(c.location)} in \`${c.functionName}\``)),
    ...list('Kept alive', uses.filter((u) => u.mode === 'long').map((u) => `${where(u.location)} \`${u.via}(${args(u.timeoutMs, u.poolSize)})\``)),
    ...list('Closed', uses.filter((u) => u.mode === 'short').map((u) => `${where(u.location)} \`${u.via}()\`${u.errorPath ? ' (on an error path)' : ''}`)),
    ...list('Never released', uses.filter((u) => u.mode === 'unreleased').map((u) => `${where(u.location)}${u.early ? ' (early return)' : ''}`)),
  ];
  return { contents: { kind: 'markdown', value: md.join('\n') } };
}

function contains(s: SourceSpan, p: Position): boolean {
  const line = p.line + 1;
  const col = p.character + 1;
  if (line < s.startLine || line > s.endLine) return false;
  if (line === s.startLine && col < s.startColumn) return false;
  return !(line === s.endLine && col >= s.endColumn);
}

function width(s: SourceSpan): number {
  return (s.endLine - s.startLine) * 10000 + s.endColumn - s.startColumn;
}

/** The connect call written on the identifier under the cursor, nearest above it (else the first below). */
function connectOfVariable(run: ProjectRun, file: string, pos: Position): ClientSite & { key: PoolKey } | undefined {
  const text = run.sources.get(file);
  if (!text) return undefined;
  const line = text.lineText(pos.line + 1);
  const word = wordAt(line, pos.character);
  if (!word) return undefined;
  const receiver = (s: SourceSpan) => new RegExp(`^([\\w.]*\\.)?${word}\\s*[:.]`).test(text.lineText(s.startLine).slice(s.startColumn - 1));
  const candidates = linkedModel(run).connects.filter((c) => c.location.file === file && receiver(c.location));
  const above = candidates.filter((c) => c.location.startLine <= pos.line + 1).sort((a, b) => b.location.startLine - a.location.startLine);
  return above[0] ?? candidates.sort((a, b) => a.location.startLine - b.location.startLine)[0];
}

function wordAt(line: string, character: number): string | undefined {
  const isWord = (c: string | undefined) => c !== undefined && /\w/.test(c);
  let a = character;
  let b = character;
  while (isWord(line[a - 1])) a--;
  while (isWord(line[b])) b++;
  const w = line.slice(a, b);
  return /^[A-Za-z_]\w*$/.test(w) ? w : undefined;
}
