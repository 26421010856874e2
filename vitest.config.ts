import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One run over every package's tests. They talk to the real stack (started by `npm test`),
// start real service processes on fixed test ports, so files run one at a time.
export default defineConfig({
  resolve: {
    alias: { '@scs/test-support': fileURLToPath(new URL('./subgraphs/shared/test-support/index.ts', import.meta.url)) },
  },
  test: {
    include: ['{gateway,subgraphs/*,workflows,schema,infra}/test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['verbose'] : ['default'],
  },
});
