// Inline suppressions, written in a comment of the file they silence (comments.ts: never in a string):
//   red:close() -- resty-lint: ignore pool-mixed-lifecycle -- admin endpoint, runs once a day   (this line)
//   -- resty-lint: ignore pool-mixed-lifecycle, connection-not-released -- reason   (alone on its line: the next line)
//   -- resty-lint: ignore-file shared-cosocket -- reason
// In nginx.conf and redis.conf the comment marker is `#` (Lua code in nginx.conf's *_by_lua_block keeps `--`).
import type { SourceSpan } from '../core/findings.ts';
import { bytesToUtf8, type SourceText } from '../source/source-text.ts';
import { commentsOf, type CommentSyntax } from './comments.ts';

export interface Suppression {
  ruleIds: string[];
  justification: string;
  location: SourceSpan;
}

export interface FileSuppressions {
  /** `ignore-file` directives. */
  file: Suppression[];
  /** `ignore` directives by the line they cover: their own line when they trail code, the next line when the
   *  comment is alone on its line. */
  byLine: Map<number, Suppression[]>;
}

const DIRECTIVE = /(?:--|#)\s*resty-lint:\s*(ignore-file|ignore)\s+([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)\s*(?:--\s*(.*))?$/;

export function readSuppressions(file: string, text: SourceText, syntax: CommentSyntax): FileSuppressions {
  const out: FileSuppressions = { file: [], byLine: new Map() };
  // Cheap pre-check: most files have none.
  if (!text.includes('resty-lint:')) return out;
  const s = text.latin1;
  for (const comment of commentsOf(s, syntax)) {
    // A directive sits on the comment's first line (a long comment's later lines are not read).
    const line = text.lineOf(comment.start);
    const body = s.slice(comment.start, eolAfter(s, comment.start, comment.end));
    if (!body.includes('resty-lint:')) continue;
    const m = DIRECTIVE.exec(body);
    if (!m) continue;
    const at = text.position(comment.start + m.index);
    const end = text.position(comment.start + body.length);
    const found: Suppression = {
      ruleIds: m[2].split(',').map((x) => x.trim()),
      justification: bytesToUtf8(m[3] ?? '').trim(),
      location: { file, startLine: line, startColumn: at.column, endLine: line, endColumn: end.column },
    };
    if (m[1] === 'ignore-file') {
      out.file.push(found);
      continue;
    }
    const alone = /^[ \t\f\v]*$/.test(s.slice(lineStartBefore(s, comment.start), comment.start));
    const covers = alone ? line + 1 : line;
    out.byLine.set(covers, [...(out.byLine.get(covers) ?? []), found]);
  }
  return out;
}

/** The first line break in s[from, to), or `to`. */
function eolAfter(s: string, from: number, to: number): number {
  const m = /[\r\n]/.exec(s.slice(from, to));
  return m ? from + m.index : to;
}

/** The offset where the line holding `offset` starts. */
function lineStartBefore(s: string, offset: number): number {
  return Math.max(s.lastIndexOf('\n', offset - 1), s.lastIndexOf('\r', offset - 1)) + 1;
}

/** The suppression covering a finding of `ruleId` that starts on `line`, if any. */
export function suppressionFor(s: FileSuppressions, ruleId: string, line: number): Suppression | undefined {
  return [...(s.byLine.get(line) ?? []), ...s.file].find((candidate) => candidate.ruleIds.includes(ruleId));
}

/** Every directive naming a rule id that does not exist, with that id. */
export function unknownRuleIds(s: FileSuppressions, known: ReadonlySet<string>): Array<{ id: string; suppression: Suppression }> {
  const all = [...s.file, ...[...s.byLine.values()].flat()];
  return all.flatMap((suppression) => suppression.ruleIds.filter((id) => !known.has(id)).map((id) => ({ id, suppression })));
}
