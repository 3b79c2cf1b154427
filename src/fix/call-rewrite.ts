// A rule's CallRewrite checked against the source text and turned into one text edit: from the method name to the
// end of the call. Anything unexpected (another method name, a comment inside the call, unbalanced brackets)
// gives no fix: a fix is offered only where it is mechanical.
import type { CallRewrite, Finding, Fix, SourceSpan } from '../core/findings.ts';
import type { SourceText } from '../source/source-text.ts';

/** The fix of a finding, as text edits on its file; undefined when it has none or the text does not match. */
export function fixOf(finding: Finding, sources: ReadonlyMap<string, SourceText>): Fix | undefined {
  const rewrite = finding.fix;
  const text = rewrite && sources.get(rewrite.call.file);
  return rewrite && text ? rewriteCall(rewrite, (line) => text.lineText(line)) : undefined;
}

/** The edit of one CallRewrite, given the lines of its file (1-based, UTF-8 text without terminators). */
export function rewriteCall(rewrite: CallRewrite, lineText: (line: number) => string): Fix | undefined {
  const { call } = rewrite;
  if (!/^[A-Za-z_]\w*$/.test(rewrite.method)) return undefined;
  const lines: string[] = [];
  for (let l = call.startLine; l <= call.endLine; l++) {
    const full = lineText(l);
    const from = l === call.startLine ? call.startColumn - 1 : 0;
    const to = l === call.endLine ? call.endColumn - 1 : full.length;
    lines.push(full.slice(from, to));
  }
  const body = lines.join('\n');
  if (body.includes('--')) return undefined;
  const at = lastMethodCall(body, rewrite.method);
  if (!at) return undefined;
  const old = splitArgs(body.slice(at.open + 1, body.length - 1));
  if (!old) return undefined;
  const args: string[] = [];
  for (let i = 0; i < rewrite.args.length; i++) {
    const a = rewrite.args[i] ?? old[i];
    if (a === undefined) break;
    args.push(a);
  }
  const start = positionIn(body, at.name, call);
  return {
    description: rewrite.description,
    edits: [{ location: { file: call.file, ...start, endLine: call.endLine, endColumn: call.endColumn }, text: `${rewrite.newMethod ?? rewrite.method}(${args.join(', ')})` }],
  };
}

/** Where `[:.] method (` opens the call that ends the text: the name's offset and the `(`'s. */
function lastMethodCall(body: string, method: string): { name: number; open: number } | undefined {
  if (!body.endsWith(')')) return undefined;
  const re = new RegExp(`[:.]\\s*(${method})\\s*\\(`, 'g');
  let found: { name: number; open: number } | undefined;
  for (const m of body.matchAll(re)) {
    const open = m.index + m[0].length - 1;
    if (closingParen(body, open) === body.length - 1) found = { name: m.index + m[0].indexOf(method, 1), open };
  }
  return found;
}

/** The offset of the `)` that closes the bracket at `open`, skipping strings; -1 when unbalanced. */
function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      i = stringEnd(s, i);
      if (i < 0) return -1;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === ')' ? i : -1;
    }
  }
  return -1;
}

/** The offset of the quote closing the string opening at `i`; -1 when unfinished. */
function stringEnd(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === s[i]) return j;
  }
  return -1;
}

/** The top-level arguments, trimmed; undefined for text this scan cannot split safely (long strings). */
function splitArgs(s: string): string[] | undefined {
  if (s.includes('[[') || s.includes('[=')) return undefined;
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      i = stringEnd(s, i);
      if (i < 0) return undefined;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(from, i).trim());
      from = i + 1;
    }
  }
  const last = s.slice(from).trim();
  if (last !== '' || out.length > 0) out.push(last);
  return out;
}

/** The line and column (SourceSpan style) of an offset into the span's text joined with `\n`. */
function positionIn(body: string, offset: number, span: SourceSpan): { startLine: number; startColumn: number } {
  const before = body.slice(0, offset).split('\n');
  const line = span.startLine + before.length - 1;
  const column = before.length === 1 ? span.startColumn + offset : before[before.length - 1].length + 1;
  return { startLine: line, startColumn: column };
}
