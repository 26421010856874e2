import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Benchmarks that need the running stack (they start services like the e2e tests do). Not part of
// `npm test`: run one with `npx vitest run --config bench/vitest.config.ts <name>`.
export default defineConfig({
  resolve: {
    alias: { '@scs/test-support': fileURLToPath(new URL('../e2e/support/index.ts', import.meta.url)) },
  },
  test: {
    server: { deps: { external: [/\/packages\/[^/]+\/dist\//] } },
    include: ['bench/**/*.bench.test.ts'],
    globalSetup: [fileURLToPath(new URL('../e2e/support/global-setup.ts', import.meta.url))],
    setupFiles: [fileURLToPath(new URL('../e2e/support/reflect-metadata.ts', import.meta.url))],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
