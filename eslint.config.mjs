import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Tests read GraphQL responses whose shape the query states.
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@fupin/households', '@fupin/health-insurance', '@fupin/education-aid', '@fupin/housing-repair', '@fupin/employment'], message: 'a subgraph never imports another; share through @fupin/kit' }],
      }],
    },
  },
  {
    // The composition root, the hub and the tests wire subgraphs together on purpose.
    files: ['schema/**', 'infra/**', 'test/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/test/**', 'test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
