import fs from 'node:fs';

/** Temporary file + rename, so an interrupted run never leaves a truncated report behind. A target that
 *  exists and is not a regular file (/dev/null, a FIFO) is written in place: renaming over it would
 *  replace the device with a file. */
export function writeAtomically(file: string, content: string): void {
  let regular = true;
  try {
    regular = fs.statSync(file).isFile();
  } catch {
    // does not exist yet: a regular file will be created
  }
  if (!regular) {
    fs.writeFileSync(file, content);
    return;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}
