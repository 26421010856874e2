import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One run over every package's tests. The service tests talk to the real stack (started by
// `npm test`) and start real service processes on fixed test ports, so files run one at a time.
export default defineConfig({
  resolve: {
    alias: { '@scs/test-support': fileURLToPath(new URL('./e2e/support/index.ts', import.meta.url)) },
  },
  test: {
    // The packages' built modules load natively, once: a test that imports `@scs/runtime/…` and code that requires it
    // share one module (one metrics registry, one request context) instead of Vite inlining a second copy.
    server: { deps: { external: [/\/packages\/[^/]+\/dist\//] } },
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'services',
          globalSetup: ['e2e/support/global-setup.ts'],
          setupFiles: ['e2e/support/reflect-metadata.ts'],
          include: ['{e2e,subgraphs/*,packages/*,workflows,schema,infra}/test/**/*.test.ts', 'infra/llm-server/test/**/*.test.ts', 'web/e2e/**/*.e2e.test.ts'],
        },
      },
      'web/vitest.config.ts',
    ],
  },
});
