// One line per finding, `file:line:col: level [rule-id] message`, for editors and CI problem matchers.
// No summary line: a problem matcher tries every line.
import { compareFindings, plainMessage, type Finding } from '../core/findings.ts';
import { sanitize } from './control-chars.ts';

export function formatCompact(findings: Finding[]): string {
  return [...findings]
    .sort(compareFindings)
    .map((f) => {
      const { file, startLine, startColumn } = f.location;
      const message = sanitize(plainMessage(f).replace(/\s*[\r\n]+\s*/g, ' ').trim());
      return `${sanitize(file)}:${startLine}:${startColumn}: ${f.level} [${f.ruleId}] ${message}\n`;
    })
    .join('');
}
