// Bundles the relay and what it imports from @wxfleet/protocol into dist/, so the relay deploys alone.
// better-sqlite3 is native and stays an external dependency.
import { build } from 'esbuild';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = process.argv[2] ?? `${root}dist/cli.js`;

await build({
  entryPoints: [`${root}src/cli.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
  alias: { '@wxfleet/protocol': `${root}../protocol/src/index.ts` },
  // fastify, pino and ws are CommonJS: give the ESM bundle a require for Node's built-ins.
  banner: {
    js: "import { createRequire as __wxCreateRequire } from 'node:module';\nconst require = __wxCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
