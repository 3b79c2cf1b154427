// Content-based result fingerprints, in the spirit of SARIF `partialFingerprints.primaryLocationLineHash`:
// they depend on what the flagged line says, not on where it sits, so inserting or deleting unrelated
// lines above a finding keeps its fingerprint (and GitHub code scanning keeps the alert open, not "fixed + new").
import { createHash } from 'node:crypto';
import { compareFindings, type Finding } from './findings.ts';

/** Whitespace-insensitive view of a line: runs of whitespace become one space; the ends are trimmed. */
export function normalizeLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function lineHash(ruleId: string, file: string, text: string): string {
  // NUL separators keep ("a", "b c") and ("a b", "c") apart.
  return createHash('sha256').update(`${ruleId}\0${file}\0${normalizeLine(text)}`, 'utf8').digest('hex').slice(0, 16);
}

/** Fills in `fingerprint` as `<16 hex chars>:<n>`: the hash of rule id + file + the flagged line's normalized
 *  text, and n (1-based, like GitHub's `hash:1`) counts identical (rule, file, line text) triples in file order
 *  (line, then column). The returned array keeps the input order. */
export function assignFingerprints(
  findings: Omit<Finding, 'fingerprint'>[],
  lineText: (file: string, line: number) => string,
): Finding[] {
  const order = findings.map((_, i) => i);
  // compareFindings reads no fingerprint; the input index breaks exact ties so the result never depends on sort stability.
  order.sort((a, b) => compareFindings(findings[a] as Finding, findings[b] as Finding) || a - b);
  const seen = new Map<string, number>();
  const out: Finding[] = new Array(findings.length);
  // In file order, so lines are asked for one file after another (a file whose bytes the run let go of is read
  // once, not once per finding: SourceText.release).
  for (const i of order) {
    const f = findings[i];
    const hash = lineHash(f.ruleId, f.location.file, lineText(f.location.file, f.location.startLine));
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    out[i] = { ...findings[i], fingerprint: `${hash}:${n}` };
  }
  return out;
}
