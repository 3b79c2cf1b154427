// Bundles the CLI into dist/ with esbuild (the patched luaparse from node_modules goes into the bundle).
// `node scripts/build.mjs [outfile]`: the optional outfile lets a test check that dist/ is up to date.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: process.argv[2] ?? 'dist/resty-lint.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning',
});
