// The one bundle (dist/resty-lint.cjs) and the composition root: the only place that joins the engine (src/)
// with the rule registry (rules/), so no import runs from src into rules. Thin entries call it:
// bin/resty-lint.cjs (the CLI) and dist/action.cjs (the GitHub Action, written by scripts/build.mjs).
import { runAction } from '../src/action/action.ts';
import { runCli } from '../src/cli/cli.ts';
import { isFactsWorker, runFactsWorker, setFactsWorkerScript } from '../src/project/facts-workers.ts';
import { RULES } from '../rules/index.ts';
import { allowPhaseCollections, tuneGarbageCollector } from '../src/core/gc-settings.ts';

/** A reader that went away (`resty-lint | head -1`) ends the process quietly, with the exit code the run
 *  already decided: nothing more can be shown, and no stack trace belongs on the way out. */
function exitQuietlyWhenTheReaderLeaves(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit();
      throw e;
    });
  }
}

/** Runs the CLI (or the language server) on this process's arguments and sets its exit code. */
export function cli(): void {
  exitQuietlyWhenTheReaderLeaves();
  tuneGarbageCollector();
  // `resty-lint lsp --stdio`: a long-running language server instead of one run (src/lsp/server.ts).
  if (process.argv[2] === 'lsp') {
    void import('../src/lsp/server.ts').then(({ runLanguageServer }) => {
      const code = runLanguageServer(process.argv.slice(3), RULES, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
      if (code !== undefined) process.exitCode = code;
    });
    return;
  }
  allowPhaseCollections();
  process.exitCode = runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    rules: RULES,
  });
}

/** Runs the GitHub Action; `actionDir` is the action's checkout (it holds .github/resty-lint-matcher.json). */
export function action(actionDir: string): void {
  exitQuietlyWhenTheReaderLeaves();
  tuneGarbageCollector();
  allowPhaseCollections();
  process.exitCode = runAction({
    env: process.env,
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    actionDir,
    rules: RULES,
  });
}

// `node dist/resty-lint.cjs ...` (the benchmark runs a copy of the bundle directly) behaves as the CLI.
declare const module: unknown;
declare const require: { main?: unknown } | undefined;
declare const __filename: string | undefined;
if (isFactsWorker()) runFactsWorker();
else {
  // The bundle is what a facts worker runs (src/project/facts-workers.ts); from source, no workers.
  if (typeof __filename === 'string' && __filename.endsWith('.cjs')) setFactsWorkerScript(__filename);
  if (typeof require !== 'undefined' && require.main === module) cli();
}
