// The minimal VS Code extension (editors/vscode): bundles src/extension.js with vscode-languageclient (esbuild),
// then packages it with the official tool, @vscode/vsce. `node scripts/build-vscode.mjs [out.vsix]`; the bundle
// and the .vsix are build outputs, not committed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIR = path.join(ROOT, 'editors/vscode');
const out = path.resolve(process.argv[2] ?? path.join(DIR, 'resty-lint.vsix'));

await build({
  entryPoints: [path.join(DIR, 'src/extension.js')],
  outfile: path.join(DIR, 'dist/extension.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--out', out], { cwd: DIR, encoding: 'utf8' });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exit(r.status ?? 1);
