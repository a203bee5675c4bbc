// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';
import ownership from './eslint/ownership.mjs';
import sqlStyle from './eslint/sql-style.mjs';

/** docs/ARCHITECTURE.md §Layers: apps import libs; libs never import apps; a lib reaches another lib only through `@ta/<lib>` (its index.ts). */
const noAppsFromLibs = {
  group: ['**/apps/**', '@ta/*/src/**'],
  message: 'libs import other libs only as @ta/<lib>, never apps or internals',
};
const noRelativeIntoOtherLibs = { group: ['../../*/src/**', '../../../libs/**'], message: 'import another lib as @ta/<lib>' };
const webOverHttpOnly = {
  group: ['@ta/*', '**/libs/**', '**/apps/api/**', '**/apps/worker/**'],
  message: 'the web app talks to the API over HTTP only (src/api)',
};
const baseLibs = (allowed) => ({
  group: ['@ta/*', ...allowed.map((name) => `!@ta/${name}`)],
  message: `this lib may import only ${allowed.length ? allowed.map((n) => `@ta/${n}`).join(', ') : 'no other lib'}`,
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'test-artifacts/**', 'apps/web/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly' } },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-extraneous-class': 'off', // Nest modules are decorated empty classes
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'read settings through AppConfig (libs/config), not process.env',
        },
        {
          selector: "ImportDeclaration[source.value='class-validator'] ImportSpecifier[imported.name='IsOptional']",
          message: 'IsOptional lets null through to NOT NULL columns: use Optional() or Clearable() from @ta/common',
        },
      ],
    },
  },
  // One owner per table (docs/ARCHITECTURE.md §Ownership). Tests may set up data with SQL fixtures; the demo seed
  // (apps/api/src/seed) writes a history as it would have happened, straight into every owner's tables, before the app runs.
  {
    files: ['**/*.ts'],
    plugins: { ownership },
    rules: { 'ownership/lib-boundaries': 'error' },
  },
  {
    files: ['libs/**/*.ts', 'apps/api/src/**/*.ts', 'apps/worker/src/**/*.ts', 'migrations/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/test/**', 'apps/api/src/seed/**'],
    rules: { 'ownership/tables': 'error' },
  },
  // One SQL style (docs/ARCHITECTURE.md §Where SQL lives): statements are named constants in the owner's *.sql.ts.
  // The seed, migrations and tests may write SQL where they use it.
  {
    files: ['libs/**/*.ts', 'apps/*/src/**/*.{ts,tsx}'],
    ignores: ['**/*.spec.ts', '**/test/**', 'apps/api/src/seed/**'],
    plugins: { 'sql-style': sqlStyle },
    rules: { 'sql-style/no-inline-sql': 'error' },
  },
  { files: ['libs/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noAppsFromLibs, noRelativeIntoOtherLibs] }] } },
  {
    files: ['libs/config/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noAppsFromLibs, baseLibs([])] }], 'no-restricted-syntax': 'off' },
  },
  { files: ['libs/common/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noAppsFromLibs, baseLibs([])] }] } },
  {
    files: ['libs/database/**/*.ts', 'libs/queue/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noAppsFromLibs, noRelativeIntoOtherLibs, baseLibs(['config', 'queue'])] }] },
  },
  // The center's settings sit below mail: every email carries the center's name, signature and reply-to address.
  {
    files: ['libs/settings/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noAppsFromLibs, noRelativeIntoOtherLibs, baseLibs(['config', 'common', 'database'])] },
      ],
    },
  },
  {
    files: ['libs/mail/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noAppsFromLibs, noRelativeIntoOtherLibs, baseLibs(['config', 'database', 'queue', 'settings'])] },
      ],
    },
  },
  { files: ['apps/web/src/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [webOverHttpOnly] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'the browser has no process.env: settings the app needs come from the API',
        },
      ],
    },
  },
  // docs/ARCHITECTURE.md §Web: a page's feature folder never imports another's (`../cases/…` from pages/dashboard).
  {
    files: ['apps/web/src/pages/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            webOverHttpOnly,
            {
              regex: '^\\.\\./[^./]',
              message: 'feature folders do not import each other: shared pieces live in src/components or src/api',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'scripts/**', 'test/**', 'bench/**', '*.js', '*.mjs', '**/*.mjs'],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.mjs', '*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
        Buffer: 'readonly',
        globalThis: 'readonly',
      },
    },
  },
  prettier,
);
