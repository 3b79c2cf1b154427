// `npm run test:fast`: the analyzer's own tests, for the edit loop (a few seconds). Left out: the files that start
// nginx or redis, run a fuzzer, build or run the bundles, or drive a browser, and the tests tagged `slow` (see
// vitest.config.ts). `npm test` (the full suite, what CI runs) still runs everything. A new test file is in the
// fast set unless it is listed here.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // Tests tagged `slow` in the files that do run: the SARIF Multitool checks, the generator on fixture rules.
      tagsFilter: ['!slow'],
      // One worker process runs many files instead of a fresh process per file: most of the time saved (about 10 s
      // down to 3 s on 2 vCPUs). npm test keeps the isolation, so a test that leans on another file's state still
      // fails there.
      isolate: false,
      exclude: [
        'test/runtime/**', // real nginx + redis-server
        'test/precommit/**', // the pre-commit hook in scratch git repositories
        'test/nginx/oracle*', // our nginx.conf reading against `nginx -T`
        'test/fuzz/**', // fast-check suites and multi-megabyte inputs
        'test/action/action.test.ts', // runs dist/action.cjs as the Actions runner does
        'test/bundle.test.ts', // rebuilds dist/ with esbuild and runs bin/
        'test/matcher.test.ts', // the Action's problem matcher against bin/ (the bundle)
        'test/security/outside-include.test.ts', // runs bin/ and dist/action.cjs with a secret in their environment
        'test/pools/html.test.ts', // renders the pools report in headless Chromium
        'test/process-exit.test.ts', // runs bin/ (the bundle) as child processes: pipes and signals
        'test/lsp/**', // the language server (the bundle) driven over JSON-RPC, and under Neovim
        'test/vscode-extension.test.ts', // bundles and packages the VS Code extension with vsce
      ],
    },
  }),
);
