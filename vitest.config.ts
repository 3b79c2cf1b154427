import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    tags: [
      {
        name: 'slow',
        description: 'Starts a separate program (the SARIF Multitool, scripts/gen-rules.mjs), about a second each: npm run test:fast leaves it out.',
      },
    ],
  },
});
