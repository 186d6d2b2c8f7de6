/**
 * Import rules checked by `npm run lint` (dependency-cruiser). Each rule says why it exists; a violation fails lint.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const HOSTS = '^src-main/(shell|web-host)/';
const ELECTRON = '^electron$|node_modules/electron/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module must not reach itself through its imports.',
      from: { path: '^(src-main|src-renderer|scripts)/' },
      to: { circular: true },
    },
    {
      name: 'no-folder-loops',
      severity: 'error',
      comment: 'Folders name the domains; no two folders may import each other, directly or around a loop.',
      scope: 'folder',
      from: { path: '^src-main/' },
      to: { circular: true },
    },
    {
      name: 'renderer-sees-main-only-through-the-contract',
      severity: 'error',
      comment: 'Not even types: the renderer knows main only through src-main/contract.',
      from: { path: '^src-renderer/' },
      to: { path: ['^src-main/(core|shell|web-host)/', ELECTRON] },
    },
    {
      name: 'renderer-has-no-node',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contract-is-pure',
      severity: 'error',
      comment:
        'The contract is shared with the renderer: no core, no host, no Node, no Electron; only zod, for the argument schemas.',
      from: { path: '^src-main/contract/' },
      to: { pathNot: ['^src-main/contract/', '^node_modules/zod/'] },
    },
    {
      name: 'electron-only-in-shell',
      severity: 'error',
      comment: 'Only the Electron shell (and its tests, which mock it) may import electron.',
      from: { pathNot: '^(src-main/shell|test/shell)/' },
      to: { path: ELECTRON },
    },
    {
      name: 'core-imports-no-host',
      severity: 'error',
      comment: 'The core is host-independent: the shell and the browser host call it, never the reverse.',
      from: { path: '^src-main/core/' },
      to: { path: HOSTS },
    },
    {
      name: 'shell-imports-no-browser-host',
      severity: 'error',
      comment: 'The Electron shell and the browser host are two edges of the same core; neither builds on the other.',
      from: { path: '^src-main/shell/' },
      to: { path: '^src-main/web-host/' },
    },
    {
      name: 'browser-host-imports-no-shell',
      severity: 'error',
      from: { path: '^src-main/web-host/' },
      to: { path: '^src-main/shell/' },
    },
    {
      name: 'only-app-composes',
      severity: 'error',
      comment: 'core/app is the composition root: the domains never import it.',
      from: { path: '^src-main/core/', pathNot: '^src-main/core/app/' },
      to: { path: '^src-main/core/app/' },
    },
    {
      name: 'platform-is-a-leaf',
      severity: 'error',
      comment: 'core/platform (clock, fs, log, vault, store) serves every domain and depends on none of them.',
      from: { path: '^src-main/core/platform/' },
      to: { path: '^src-main/core/', pathNot: '^src-main/core/platform/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
