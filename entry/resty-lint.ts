// The one bundle (dist/resty-lint.cjs) and the composition root: the only place that joins the engine (src/)
// with the rule registry (rules/), so no import runs from src into rules. Thin entries call it:
// bin/resty-lint.cjs (the CLI) and dist/action.cjs (the GitHub Action, written by scripts/build.mjs).
import { runAction } from '../src/action/action.ts';
import { runCli } from '../src/cli/cli.ts';
import { RULES } from '../rules/index.ts';

/** Runs the CLI on this process's arguments and sets its exit code. */
export function cli(): void {
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
if (typeof require !== 'undefined' && require.main === module) cli();
