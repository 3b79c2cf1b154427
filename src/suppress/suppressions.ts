// Inline suppressions, written in the file they silence:
//   red:close() -- resty-lint: ignore pool-mixed-lifecycle -- admin endpoint, runs once a day
//   -- resty-lint: ignore pool-mixed-lifecycle, connection-not-released -- reason   (applies to the next line too)
//   -- resty-lint: ignore-file shared-cosocket -- reason
// In nginx.conf and redis.conf the comment marker is `#`.
import type { SourceSpan } from '../core/findings.ts';
import type { SourceText } from '../source/source-text.ts';

export interface Suppression {
  ruleIds: string[];
  justification: string;
  location: SourceSpan;
}

export interface FileSuppressions {
  /** `ignore-file` directives. */
  file: Suppression[];
  /** `ignore` directives by the line they are written on (they cover that line and the next). */
  byLine: Map<number, Suppression>;
}

const DIRECTIVE = /(?:--|#)\s*resty-lint:\s*(ignore-file|ignore)\s+([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)\s*(?:--\s*(.*))?$/;

export function readSuppressions(file: string, text: SourceText): FileSuppressions {
  const out: FileSuppressions = { file: [], byLine: new Map() };
  // Cheap pre-check: most files have none.
  if (!text.latin1.includes('resty-lint:')) return out;
  for (let line = 1; line <= text.lineCount; line++) {
    const content = text.lineText(line);
    const m = DIRECTIVE.exec(content);
    if (!m) continue;
    const column = content.length - content.slice(m.index).length + 1;
    const s: Suppression = {
      ruleIds: m[2].split(',').map((x) => x.trim()),
      justification: (m[3] ?? '').trim(),
      location: { file, startLine: line, startColumn: column, endLine: line, endColumn: content.length + 1 },
    };
    if (m[1] === 'ignore-file') out.file.push(s);
    else out.byLine.set(line, s);
  }
  return out;
}

/** The suppression covering a finding of `ruleId` that starts on `line`, if any. */
export function suppressionFor(s: FileSuppressions, ruleId: string, line: number): Suppression | undefined {
  for (const candidate of [s.byLine.get(line), s.byLine.get(line - 1), ...s.file]) {
    if (candidate?.ruleIds.includes(ruleId)) return candidate;
  }
  return undefined;
}

/** Every directive naming a rule id that does not exist, with that id. */
export function unknownRuleIds(s: FileSuppressions, known: ReadonlySet<string>): Array<{ id: string; suppression: Suppression }> {
  const all = [...s.file, ...s.byLine.values()];
  return all.flatMap((suppression) => suppression.ruleIds.filter((id) => !known.has(id)).map((id) => ({ id, suppression })));
}
