// The CLI as users run it (runCli, the code bin/ runs), on a fixture project, with the JSON and SARIF reports read
// back: which findings are reported, which are silenced (SARIF keeps those, with kind inSource).
import { runCli } from '../../src/cli/cli.ts';
import { RULES } from '../../rules/index.ts';
import { REPO_ROOT } from '../support/sarif-validate.ts';

function run(args: string[]): string {
  let out = '';
  const code = runCli(args, { cwd: REPO_ROOT, stdout: (s) => (out += s), stderr: () => {}, isTTY: false, env: {}, rules: RULES });
  if (code === 2) throw new Error(`resty-lint exited 2 on ${args.join(' ')}`);
  return out;
}

/** `file-name:line rule-id` of the reported findings, and of the silenced ones. */
export function reportedAndSilenced(dir: string): { reported: string[]; silenced: string[] } {
  const json = JSON.parse(run([dir, '--no-cache', '-f', 'json'])) as { findings: Array<{ ruleId: string; location: { file: string; startLine: number } }> };
  const sarif = JSON.parse(run([dir, '--no-cache', '-f', 'sarif'])) as {
    runs: Array<{ results: Array<{ ruleId: string; suppressions?: unknown[]; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }>;
  };
  const name = (file: string) => file.split('/').pop();
  const reported = json.findings.map((f) => `${name(f.location.file)}:${f.location.startLine} ${f.ruleId}`);
  const silenced = sarif.runs[0].results
    .filter((r) => r.suppressions?.length)
    .map((r) => `${name(r.locations[0].physicalLocation.artifactLocation.uri)}:${r.locations[0].physicalLocation.region.startLine} ${r.ruleId}`);
  return { reported: reported.sort(), silenced: silenced.sort() };
}
