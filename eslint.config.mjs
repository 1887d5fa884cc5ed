import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// A subgraph never imports another (any @fupin package but the kit, the database helper and
// the gateway's test harness); bulk tooling is loaded on demand, never by request code.
const ANOTHER_SUBGRAPH = { regex: '^@fupin/(?!kit(/|$)|postgres$|gateway/testing$)', message: 'a subgraph never imports another; share through @fupin/kit' };
const BULK = { group: ['@fupin/kit/bulk', '**/bulk/*'], allowTypeImports: true, message: 'bulk tooling (imports, COPY, demo data) is loaded on demand with import(), never by the code that serves requests' };

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Tests read GraphQL responses whose shape the query states.
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['subgraphs/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [ANOTHER_SUBGRAPH, BULK] }] },
  },
  {
    // Where bulk work is the point: demo generators, department lists, the bulk tooling itself, tests and their harness.
    files: ['subgraphs/*/src/demo/**', 'subgraphs/**/*.import.ts', 'subgraphs/kit/src/bulk/**', 'subgraphs/kit/src/testing/**', 'subgraphs/**/test/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [ANOTHER_SUBGRAPH] }] },
  },
  {
    files: ['**/test/**', 'test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
