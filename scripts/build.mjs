// Bundles the CLI and the GitHub Action into dist/ with esbuild (the patched luaparse from node_modules goes
// into both bundles): dist/resty-lint.cjs (bin/resty-lint.cjs requires it) and dist/action.cjs (action.yml).
// `node scripts/build.mjs [outdir]`: the optional outdir lets a test check that dist/ is up to date.
import { build } from 'esbuild';
import path from 'node:path';

const outdir = process.argv[2] ?? 'dist';
const BUNDLES = [
  { entry: 'src/main.ts', out: 'resty-lint.cjs' },
  { entry: 'src/action/main.ts', out: 'action.cjs' },
];

for (const { entry, out } of BUNDLES) {
  await build({
    entryPoints: [entry],
    outfile: path.join(outdir, out),
    bundle: true,
    platform: 'node',
    // The Action declares `using: node24`; node20 output runs on both (and on the Node 20 test machines).
    target: 'node20',
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'warning',
  });
}
