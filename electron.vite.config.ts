import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const alias = {
  '@contract': here('./src-main/contract'),
  '@core': here('./src-main/core'),
  '@wxfleet/protocol': here('./protocol/src/index.ts'),
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: here('./src-main/shell/index.ts') }, external: ['keytar', 'better-sqlite3'] },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: here('./src-main/shell/preload.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: here('./src-renderer'),
    resolve: {
      alias: {
        '@contract': alias['@contract'],
        '@renderer': here('./src-renderer/src'),
        // The errcode catalogue only: the rest of the protocol package is Node code.
        '@errcodes': here('./protocol/src/errcodes/catalogue.ts'),
      },
    },
    plugins: [vue()],
    build: { outDir: here('./out/renderer'), rollupOptions: { input: here('./src-renderer/index.html') } },
  },
});
