// The processes the runtime suite starts (redis-server, nginx and its workers): start, wait until ready, stop.
//
// Only the processes started here are stopped, by pid (SIGTERM, then SIGKILL after a timeout; nginx workers too),
// also from afterAll and on process exit. /etc/nginx, /var/log/nginx and the system services are never touched.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface Tracked {
  child: ChildProcess;
  name: string;
  exited: boolean;
  /** nginx worker pids seen while running (killed too if the master has to be SIGKILLed). */
  workers: Set<number>;
}

const tracked = new Set<Tracked>();
let exitHookInstalled = false;

/** SIGKILLs every tracked process still running (and its nginx workers); synchronous, for exit paths. */
function killAllNow(): void {
  for (const t of tracked) {
    if (t.exited) continue;
    if (t.child.pid) {
      for (const w of childrenOf(t.child.pid)) t.workers.add(w);
      killQuiet(t.child.pid, 'SIGKILL');
    }
    for (const w of t.workers) if (isWorkerOf(w, t)) killQuiet(w, 'SIGKILL');
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAllNow);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      killAllNow();
      process.removeListener(sig, onSignal);
      // nobody else handles it: let the default action end the process as it would have without us
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

/**
 * Whether `pid` is still an nginx worker started by this master (not a process that got the pid later): its
 * command line is nginx's worker title, and its parent is the master (or, once the master is gone, init/a reaper).
 */
function isWorkerOf(pid: number, t: Tracked): boolean {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
    if (!cmd.startsWith('nginx: ')) return false;
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return ppid === t.child.pid || t.exited;
  } catch {
    return false;
  }
}

function killQuiet(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

export function startProcess(name: string, cmd: string, args: string[], logFile: string, env: Record<string, string> = {}): Tracked {
  installExitHook();
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], env: { ...process.env, ...env } });
    const t: Tracked = { child, name, exited: false, workers: new Set() };
    child.on('exit', () => {
      t.exited = true;
    });
    child.on('error', () => {
      t.exited = true;
    });
    tracked.add(t);
    return t;
  } finally {
    closeSync(fd);
  }
}

/** Direct children of a pid (nginx workers of a master), from /proc. */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function stopProcess(t: Tracked, timeoutMs = 5000): Promise<void> {
  const pid = t.child.pid;
  if (pid !== undefined && !t.exited) {
    for (const w of childrenOf(pid)) t.workers.add(w);
    killQuiet(pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (!t.exited && Date.now() < deadline) await sleep(20);
    if (!t.exited) {
      killQuiet(pid, 'SIGKILL');
      const d2 = Date.now() + 2000;
      while (!t.exited && Date.now() < d2) await sleep(20);
    }
  }
  // A worker outlives a SIGKILLed master: stop the ones this master started (they were our children's children).
  for (const w of t.workers) {
    if (!isWorkerOf(w, t)) continue;
    killQuiet(w, 'SIGTERM');
    const deadline = Date.now() + 2000;
    while (isWorkerOf(w, t) && Date.now() < deadline) await sleep(20);
    if (isWorkerOf(w, t)) killQuiet(w, 'SIGKILL');
  }
  tracked.delete(t);
}

/** Stops every process this module started that is still tracked (for afterAll). */
export async function stopAll(): Promise<void> {
  await Promise.all([...tracked].map((t) => stopProcess(t)));
}

/** Polls `probe` until it resolves, or fails with `logs()` when `proc` exits or `timeoutMs` passes. */
export async function waitFor<T>(what: string, timeoutMs: number, proc: Tracked, probe: () => Promise<T>, logs: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (proc.exited) throw new Error(`${what} exited during startup:\n${logs()}`);
    try {
      return await probe();
    } catch (e) {
      last = e;
    }
    await sleep(50);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms (${String((last as Error)?.message ?? last)}):\n${logs()}`);
}
