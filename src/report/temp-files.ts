// The temporary files of atomic writes that exist right now. They are removed when the process exits, and when
// it is told to stop (SIGINT, SIGTERM, SIGHUP) while one exists. The run is synchronous, so a handler runs only
// once the write in progress has finished (renamed or failed): a signal during the write never leaves the
// temporary file behind, and the process then ends by that same signal. The handlers are installed with the
// first temporary file, so before it a signal still stops the analysis at once.
import fs from 'node:fs';

const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;

/** Registers a temporary file about to be created. */
export function trackTemporary(file: string): void {
  install();
  pending.add(file);
}

/** The file was renamed into place or removed. */
export function untrackTemporary(file: string): void {
  pending.delete(file);
  // One more turn of the event loop before the process may exit, so that a signal that arrived during the
  // write reaches its handler instead of being lost.
  setImmediate(() => {});
}

/** Removes a temporary file (a failed write) and forgets it. */
export function removeTemporary(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // never created, or already gone
  }
  untrackTemporary(file);
}

function removeAll(): void {
  for (const file of [...pending]) removeTemporary(file);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeAll);
  for (const signal of SIGNALS) {
    const handler = (): void => {
      removeAll();
      // End as the signal would have without a handler (the parent sees the signal, 128+n in a shell).
      process.removeListener(signal, handler);
      process.kill(process.pid, signal);
    };
    process.on(signal, handler);
  }
}
