import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@wxfleet/protocol': here('./protocol/src/index.ts'),
      '@contract': here('./src-main/contract'),
      '@core': here('./src-main/core'),
    },
  },
  test: {
    include: ['{protocol,relay,simulator}/test/**/*.test.ts', 'test/**/*.test.ts', 'src-*/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
