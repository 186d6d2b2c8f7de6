import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // Compiles .vue files for renderer component tests; those opt into happy-dom per file, Node stays the default.
  plugins: [vue()],
  resolve: {
    alias: [
      // Tests only: the single-file build loads in a fraction of the time of es/ (hundreds of modules plus lodash-es).
      // Exact match, so its locale files (element-plus/es/locale/lang/…) still resolve.
      { find: /^element-plus$/, replacement: here('./node_modules/element-plus/dist/index.full.mjs') },
      { find: '@wxfleet/protocol', replacement: here('./protocol/src/index.ts') },
      { find: '@contract', replacement: here('./src-main/contract') },
      { find: '@core', replacement: here('./src-main/core') },
      { find: '@renderer', replacement: here('./src-renderer/src') },
      { find: '@errcodes', replacement: here('./protocol/src/errcodes/catalogue.ts') },
    ],
  },
  test: {
    include: ['{protocol,relay,simulator}/test/**/*.test.ts', 'test/**/*.test.ts', 'src-*/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
