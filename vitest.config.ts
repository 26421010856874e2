import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One run over every package's tests. The service tests talk to the real stack (started by
// `npm test`) and start real service processes on fixed test ports, so files run one at a time.
export default defineConfig({
  resolve: {
    alias: { '@scs/test-support': fileURLToPath(new URL('./subgraphs/shared/test-support/index.ts', import.meta.url)) },
  },
  test: {
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'services', globalSetup: ['subgraphs/shared/test-support/global-setup.ts'], include: ['{gateway,subgraphs/*,workflows,schema,infra}/test/**/*.test.ts', 'infra/llm-server/test/**/*.test.ts', 'web/e2e/**/*.e2e.test.ts'] },
      },
      'web/vitest.config.ts',
    ],
  },
});
