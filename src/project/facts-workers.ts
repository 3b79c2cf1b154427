// Per-file facts on several cores. Parsing and interpreting one file needs nothing from any other, so the
// files of a run are shared out between the main thread and worker threads. The run stays synchronous:
// the main thread works on files itself and, between files, collects finished ones without blocking
// (receiveMessageOnPort); when nothing is left for it, it sleeps on a shared counter (Atomics.wait) that a
// worker bumps after each result. Results are put back in file order, and a file's facts do not depend on
// the thread that computed them, so output is byte-identical to a one-thread run.
//
// Workers run the bundle (dist/resty-lint.cjs), whose entry starts the worker loop (runFactsWorker) when
// it is loaded as a facts worker. Running from source (tests), on fewer than four cores, or with fewer than
// MIN_FILES_FOR_WORKERS files to compute at once (a run whose other files' facts are in the cache), everything
// stays on the main thread. RESTY_LINT_WORKERS=N sets the number of worker threads (0: none);
// RESTY_LINT_TRACE=1 says how the files were shared.
import os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { LuaSyntax } from '../lua/parse-lua.ts';
import { factsJob, type FactsJobResult } from './facts-job.ts';
import { shareEmptyTables } from '../analysis/compact-facts.ts';

const ROLE = 'resty-lint-facts-worker';
/** Below this many files to compute, starting the threads costs more than they save. */
const MIN_FILES_FOR_WORKERS = 48;
const MIN_CORES_FOR_WORKERS = 4;
/** With every file handed out and no result for this long, the main thread computes what is missing itself: a
 *  worker that died (it cannot say so while the main thread waits) must not hang the run. A result that comes
 *  later is the same and is ignored. RESTY_LINT_WORKER_STALL_MS overrides it (tests). */
const STALL_MS = 10_000;
/** Files a worker is given at a time: enough to amortize a message, few enough to balance the load. */
const BATCH = 8;

let workerScript: string | undefined;

/** The bundle's entry names the file a worker runs (itself); without it, no workers. */
export function setFactsWorkerScript(file: string): void {
  workerScript = file;
}

interface Task {
  /** Which `compute` call the file belongs to: a result that comes after its call gave up waiting (a stalled
   *  worker) must not be taken for a file of the next call. */
  round: number;
  index: number;
  bytes: Uint8Array;
}

/** A worker's answer for one file: the result as JSON, which crosses threads faster than a structured clone
 *  of the same facts (measured on Kong: about half the time on each side). */
interface Done {
  round: number;
  index: number;
  json: string;
}

/** Facts of files given a group at a time, on the main thread and, when there are enough files and cores,
 *  worker threads that stay up between groups. `close` ends the threads. */
export interface FactsThreads {
  compute(inputs: readonly Uint8Array[], onDone: () => void): FactsJobResult[];
  close(): void;
}

/** Threads for a run of `files` files; undefined when the run computes facts on the main thread alone. The
 *  threads start with the first group that has enough files to compute: a run that takes its facts from the
 *  cache (one file changed, nothing changed, an editor's edit) starts none. */
export function factsThreads(files: number, syntax: LuaSyntax, env: NodeJS.ProcessEnv = process.env): FactsThreads | undefined {
  const threads = workerCount(files, env);
  return threads === 0 ? undefined : new FactsPool(threads, syntax);
}

/** The facts of each of `inputs` (bytes of Lua files), in order. */
export function computeFacts(inputs: readonly Uint8Array[], syntax: LuaSyntax, onDone: () => void = () => {}, env: NodeJS.ProcessEnv = process.env): FactsJobResult[] {
  const pool = inputs.length === 0 ? undefined : factsThreads(inputs.length, syntax, env);
  if (!pool) return computeOnMain(inputs, syntax, onDone);
  try {
    return pool.compute(inputs, onDone);
  } finally {
    pool.close();
  }
}

function computeOnMain(inputs: readonly Uint8Array[], syntax: LuaSyntax, onDone: () => void): FactsJobResult[] {
  return inputs.map((bytes) => {
    const result = factsJob(bytes, syntax);
    onDone();
    return result;
  });
}

function workerCount(files: number, env: NodeJS.ProcessEnv): number {
  if (!workerScript) return 0;
  const asked = env.RESTY_LINT_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked.trim())) return Math.min(Number(asked), 16);
  const cores = os.availableParallelism();
  // On two cores a worker does not pay for itself (Kong, quiet machine: 2.1 s with one worker, 1.95 s without;
  // its start and the facts crossing as JSON cost 0.85 s of CPU): workers from four cores up.
  if (files < MIN_FILES_FOR_WORKERS || cores < MIN_CORES_FOR_WORKERS) return 0;
  // The main thread works too: one worker per other core, a few at most (each holds a heap of its own).
  return Math.min(cores - 1, 3);
}

interface Lane {
  worker: Worker;
  /** The main thread's end of the worker's channel: tasks go out on it, results come back on it. */
  port: MessagePort;
  /** Files given to the worker whose results have not come back. */
  outstanding: number;
  /** Gave no result for too long (a worker that died cannot say so while the main thread waits): given no more. */
  stalled: boolean;
}

class FactsPool implements FactsThreads {
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly lanes: Lane[] = [];
  private round = 0;
  private onMain = 0;
  private files = 0;
  private stalls = 0;

  constructor(
    private readonly threads: number,
    private readonly syntax: LuaSyntax,
  ) {}

  private start(): void {
    for (let i = 0; i < this.threads; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(workerScript!, {
        workerData: { role: ROLE, signal: this.signal, syntax: this.syntax, port: port2 },
        transferList: [port2],
        // About the main thread's stack, so code nested too deeply to parse there fails here too.
        resourceLimits: { stackSizeMb: 1 },
      });
      this.lanes.push({ worker, port: port1, outstanding: 0, stalled: false });
    }
  }

  compute(inputs: readonly Uint8Array[], onDone: () => void): FactsJobResult[] {
    if (this.lanes.length === 0) {
      // Too few files to pay for starting the threads: the main thread computes them.
      if (inputs.length < MIN_FILES_FOR_WORKERS) return computeOnMain(inputs, this.syntax, onDone);
      this.start();
    }
    const round = ++this.round;
    this.files += inputs.length;
    const results: (FactsJobResult | undefined)[] = new Array(inputs.length);
    let next = 0;
    let pending = inputs.length;
    const give = (lane: Lane) => {
      if (lane.stalled) return;
      const tasks: Task[] = [];
      while (tasks.length < BATCH && next < inputs.length) tasks.push({ round, index: next, bytes: inputs[next++] });
      if (tasks.length === 0) return;
      lane.outstanding += tasks.length;
      lane.port.postMessage(tasks);
    };
    let lastResult = Date.now();
    const stallMs = Number(process.env.RESTY_LINT_WORKER_STALL_MS ?? STALL_MS);
    const collect = () => {
      for (const lane of this.lanes) {
        for (let m = receiveMessageOnPort(lane.port); m; m = receiveMessageOnPort(lane.port)) {
          const done = m.message as Done;
          lane.outstanding--;
          if (done.round !== round) continue;
          lastResult = Date.now();
          // Keep a batch in hand, so a worker never waits for the main thread to hand out the next one.
          if (lane.outstanding <= BATCH) give(lane);
          if (results[done.index] !== undefined) continue;
          const result = JSON.parse(done.json) as FactsJobResult;
          // As facts read from the cache: the empty tables share one object again, as the worker's did.
          if ('facts' in result) shareEmptyTables(result.facts);
          results[done.index] = result;
          pending--;
          onDone();
        }
      }
    };
    for (const lane of this.lanes) {
      give(lane);
      give(lane);
    }
    let seen = 0;
    const computeHere = (index: number) => {
      results[index] = factsJob(inputs[index], this.syntax);
      this.onMain++;
      pending--;
      onDone();
    };
    while (pending > 0) {
      collect();
      if (pending === 0) break;
      if (next < inputs.length) {
        // The main thread takes the next file itself.
        computeHere(next++);
      } else if (Date.now() - lastResult > stallMs) {
        this.stalls++;
        for (const lane of this.lanes) if (lane.outstanding > 0) lane.stalled = true;
        for (let i = 0; i < inputs.length; i++) if (results[i] === undefined) computeHere(i);
      } else {
        seen = Atomics.load(this.signal, 0);
        collect();
        if (pending > 0) Atomics.wait(this.signal, 0, seen, Math.min(1000, stallMs));
      }
    }
    return results as FactsJobResult[];
  }

  close(): void {
    if (this.lanes.length === 0) return;
    for (const lane of this.lanes) {
      lane.port.close();
      void lane.worker.terminate();
    }
    // RESTY_LINT_TRACE=1: how the work was shared (tests check that workers really ran).
    if (process.env.RESTY_LINT_TRACE === '1') process.stderr.write(`resty-lint: facts of ${this.files} files in ${this.round} groups on ${this.lanes.length} worker threads and the main thread (${this.onMain} there; stopped waiting for workers ${this.stalls} times)\n`);
  }
}

/** True when this thread was started as a facts worker (the bundle's entry then runs runFactsWorker). */
export function isFactsWorker(): boolean {
  return (workerData as { role?: string } | null)?.role === ROLE;
}

/** The worker loop: batches of files in, one message per file out, the shared counter bumped after each. */
export function runFactsWorker(): void {
  const data = workerData as { signal: Int32Array; syntax: LuaSyntax; port: MessagePort };
  // Test hook: a worker that dies at once (the run must still finish, on the main thread).
  if (process.env.RESTY_LINT_TEST_WORKER_EXIT === '1') process.exit(1);
  data.port.on('message', (tasks: Task[]) => {
    for (const task of tasks) {
      const done: Done = { round: task.round, index: task.index, json: JSON.stringify(factsJob(task.bytes, data.syntax)) };
      data.port.postMessage(done);
      Atomics.add(data.signal, 0, 1);
      Atomics.notify(data.signal, 0);
    }
  });
}
