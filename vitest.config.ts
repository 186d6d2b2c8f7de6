import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // Compiles .vue files for renderer component tests; those opt into happy-dom per file, Node stays the default.
  plugins: [vue()],
  resolve: {
    alias: {
      // Tests only: the single-file build loads in a fraction of the time of es/ (hundreds of modules plus lodash-es).
      'element-plus': here('./node_modules/element-plus/dist/index.full.mjs'),
      '@wxfleet/protocol': here('./protocol/src/index.ts'),
      '@contract': here('./src-main/contract'),
      '@core': here('./src-main/core'),
      '@renderer': here('./src-renderer/src'),
      '@protocol-errcodes': here('./protocol/src/errcodes/index.ts'),
    },
  },
  test: {
    include: ['{protocol,relay,simulator}/test/**/*.test.ts', 'test/**/*.test.ts', 'src-*/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
