// Process entry point of the GitHub Action, bundled to dist/action.cjs (action.yml: `runs.main`).
import path from 'node:path';
import { runAction } from './action.ts';

process.exitCode = runAction({
  env: process.env,
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  // Only ever run as the CommonJS bundle dist/action.cjs, where __dirname is dist/: the action's root (the
  // repository checkout the runner downloaded) is its parent.
  actionDir: path.resolve(__dirname, '..'),
});
