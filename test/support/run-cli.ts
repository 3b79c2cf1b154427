// The CLI as bin/ runs it (runCli), with its output captured: one helper for every test that drives it.
import { runCli, type CliIo } from '../../src/cli/cli.ts';
import { RULES } from '../../rules/index.ts';
import { REPO_ROOT } from './sarif-validate.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `resty-lint args...` in the repository root unless `io.cwd` says otherwise, with every rule. */
export function runCliCaptured(args: string[], io: Partial<CliIo> = {}): CliRun {
  let out = '';
  let err = '';
  const code = runCli(args, { cwd: REPO_ROOT, stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, env: {}, rules: RULES, ...io });
  return { code, out, err };
}
