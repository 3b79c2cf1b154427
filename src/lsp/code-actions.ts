// Code actions on a finding: its mechanical fix (src/fix/), and a suppression comment with a reason to fill in,
// on its own line above the flagged one (so it never lands inside an existing trailing comment).
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import { fixOf } from '../fix/call-rewrite.ts';
import { tokenizeConf } from '../nginx/tokenize.ts';
import type { ProjectRun } from '../project/run-project.ts';
import type { SourceText } from '../source/source-text.ts';
import { diagnosticOf, fileUriOf, rangeOf } from './diagnostics.ts';

export const REASON_PLACEHOLDER = 'REASON: why this is safe here';

/** The actions for the findings of `file` (relative to the run's root) whose location meets `range`. */
export function codeActionsFor(run: ProjectRun, file: string, range: Range): CodeAction[] {
  const out: CodeAction[] = [];
  for (const f of run.findings) {
    if (f.location.file !== file || !meets(rangeOf(f.location), range)) continue;
    const diagnostic = diagnosticOf(run.root, f);
    const uri = fileUriOf(run.root, file);
    const fix = fixOf(f, run.sources);
    if (fix) {
      out.push({
        title: fix.description,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [uri]: fix.edits.map((e) => ({ range: rangeOf(e.location), newText: e.text })) } },
      });
    }
    const text = run.sources.get(file);
    if (!text) continue;
    const line = f.location.startLine;
    const indent = /^[ \t]*/.exec(text.lineText(line))![0];
    out.push({
      title: `Suppress ${f.ruleId} on this line (resty-lint: ignore)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [{ range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 0 } }, newText: `${indent}${commentMarker(file, text, line)} resty-lint: ignore ${f.ruleId} -- ${REASON_PLACEHOLDER}\n` }] } },
    });
  }
  return out;
}

function meets(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** `--` in Lua (and in the Lua of an nginx `*_by_lua_block`), `#` in nginx and redis configuration. */
function commentMarker(file: string, text: SourceText, line: number): string {
  if (!file.endsWith('.conf')) return '--';
  if (/(^|\/)redis[^/]*\.conf$/.test(file)) return '#';
  const s = text.latin1;
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = s.slice(start).search(/\r\n?|\n/);
    if (nl < 0) break;
    start += nl + (s.startsWith('\r\n', start + nl) ? 2 : 1);
  }
  for (const e of tokenizeConf(s).events) {
    if (e.type !== 'lua-block') continue;
    const end = e.body === undefined ? s.length : e.bodyOffset + e.body.length;
    if (start >= e.bodyOffset && start <= end) return '--';
  }
  return '#';
}

