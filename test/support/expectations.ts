// Fixture expectations written next to the code they are about (Semgrep-style):
//   red:close() -- expect: pool-mixed-lifecycle        a finding of that rule starts on this line
//   -- expect: pool-mixed-lifecycle                    (alone on a line) ... on the next line
//   red:close() -- ok: pool-mixed-lifecycle            no finding of that rule on this line
//   red:connect(...) -- expect: pool-mixed-lifecycle; ok: connection-not-released   both, on one line
// In nginx/redis config files the comment marker is `#`; in Lua files only `--` (a line starting with `#` is Lua
// code there, or a first line LuaJIT skips).
import { readFileSync } from 'node:fs';

export interface Expectation {
  file: string;
  line: number;
  ruleId: string;
  kind: 'expect' | 'ok';
}

const MARK = /(?:--|#)\s*(expect|ok):\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;
/** A further `; ok: ...` or `; expect: ...` after the first mark. */
const MORE = /;\s*(expect|ok):\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/g;

export function readExpectations(file: string, absPath: string): Expectation[] {
  const lines = readFileSync(absPath, 'latin1').split(/\r\n|\r|\n/);
  const out: Expectation[] = [];
  const comment = file.endsWith('.lua') ? /^\s*--/ : /^\s*(--|#)/;
  lines.forEach((text, i) => {
    const m = MARK.exec(text);
    if (!m) return;
    const alone = comment.test(text);
    const line = alone ? nextCodeLine(lines, i, comment) : i + 1;
    const marks = [m, ...text.slice(m.index + m[0].length).matchAll(MORE)];
    for (const mark of marks) {
      for (const ruleId of mark[2].split(',').map((s) => s.trim())) out.push({ file, line, ruleId, kind: mark[1] as 'expect' | 'ok' });
    }
  });
  return out;
}

function nextCodeLine(lines: string[], i: number, comment: RegExp): number {
  for (let j = i + 1; j < lines.length; j++) if (!comment.test(lines[j]) && lines[j].trim() !== '') return j + 1;
  return i + 1;
}
