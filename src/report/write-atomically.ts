import fs from 'node:fs';

/** Temporary file + rename: an interrupted run never leaves a truncated report behind. */
export function writeAtomically(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}
