// `resty-lint --fix`: the mechanical fixes of the reported findings written into their files. A file whose bytes
// are not valid UTF-8 is left alone (its text could not be written back unchanged around the edits).
import fs from 'node:fs';
import path from 'node:path';
import type { Finding, TextEdit } from '../core/findings.ts';
import type { SourceText } from '../source/source-text.ts';
import { applyEdits } from './apply-edits.ts';
import { fixOf } from './call-rewrite.ts';

export interface FixSummary {
  /** Fixes written. */
  applied: number;
  /** Files changed, relative to the root, sorted. */
  files: string[];
  /** Files with fixes left alone because their bytes are not valid UTF-8. */
  notUtf8: string[];
}

/** Applies the (one-edit) fixes of `findings` (paths relative to `root`) through `write(absolutePath, text)`. */
export function applyFixes(root: string, findings: readonly Finding[], sources: ReadonlyMap<string, SourceText>, write: (file: string, text: string) => void): FixSummary {
  const byFile = new Map<string, TextEdit[]>();
  for (const f of findings) {
    const fix = fixOf(f, sources);
    if (!fix || fix.edits.length !== 1) continue;
    const file = fix.edits[0].location.file;
    byFile.set(file, [...(byFile.get(file) ?? []), ...fix.edits]);
  }
  let applied = 0;
  const files: string[] = [];
  const notUtf8: string[] = [];
  for (const [file, edits] of [...byFile].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const abs = path.resolve(root, file);
    const bytes = fs.readFileSync(abs);
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) {
      notUtf8.push(file);
      continue;
    }
    // Applied from the end of the file backwards; an edit overlapping one already made is left out.
    const r = applyEdits(text, edits);
    const out = r.text;
    const n = r.applied;
    if (n === 0 || out === text) continue;
    write(abs, out);
    applied += n;
    files.push(file);
  }
  return { applied, files, notUtf8 };
}
