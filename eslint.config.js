import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'out/**', 'coverage/**', 'test-artifacts/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    files: ['**/*.{ts,vue,js,mjs}'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', window: 'readonly' } },
    rules: {
      // TypeScript already checks names; ESLint's own check does not know the DOM or Node globals.
      'no-undef': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron'], message: 'Only src-main/shell may import electron.' }] },
      ],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['src-main/shell/**/*.ts', 'test/shell/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // tsx runs the core without the bundler's aliases (browser-host CLI, crash-test child): values by relative path.
    files: ['src-main/core/**/*.ts'],
    ignores: ['src-main/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'Only src-main/shell may import electron.' },
            {
              group: ['@contract/*', '@core/*'],
              allowTypeImports: true,
              message: 'Import values by relative path: tsx knows no alias.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'electron', 'fs', 'path'], message: 'The renderer has no Node.' }] },
      ],
    },
  },
);
