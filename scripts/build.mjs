// Bundles the CLI and the GitHub Action into dist/ with esbuild (the patched luaparse from node_modules goes
// into both bundles): dist/resty-lint.cjs (bin/resty-lint.cjs requires it) and dist/action.cjs (action.yml).
// `node scripts/build.mjs [outdir]`: the optional outdir lets a test check that dist/ is up to date.
import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import fg from 'fast-glob';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const outdir = process.argv[2] ?? 'dist';
const BUNDLES = [
  { entry: 'src/main.ts', out: 'resty-lint.cjs' },
  { entry: 'src/action/main.ts', out: 'action.cjs' },
];

// A content hash of everything that shapes per-file facts: cached facts from another build are never reused.
const inputs = [...fg.sync(['src/**/*.ts', 'rules/*.ts'], { onlyFiles: true }).sort(), 'node_modules/luaparse/luaparse.js'];
const hash = createHash('sha256');
for (const f of inputs) hash.update(f).update(readFileSync(f));
const buildId = hash.digest('hex').slice(0, 16);

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
    // Module paths as seen from the checkout (node_modules/...), not resolved through a symlinked node_modules
    // (a git worktree sharing another checkout's): the bundle, and its path comments, are the same either way.
    preserveSymlinks: true,
    define: { __RESTY_LINT_BUILD_ID__: JSON.stringify(buildId) },
  });
}
