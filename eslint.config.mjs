// One lint configuration for the whole tree (ESLint flat config): the recommended JavaScript and
// TypeScript rules, Vue's for the web app, and nothing that Prettier decides (formatting is its job).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'web/src/gql/**', 'test-output/**', 'coverage/**', 'bench/results/**', '**/*.tsbuildinfo'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // a `let` that a shutdown handler reads before the start assigns it stays a `let` (const would throw there)
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_name` says "deliberately unused" (resolver arguments, destructuring to omit a field)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['web/**/*.{ts,vue,js}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests and benchmarks read untyped JSON off the wire (GraphQL responses, manifests) and assert on it.
    files: ['**/test/**', 'e2e/**', 'bench/**', 'web/e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Raw OpenSearch documents, typed by hand where they are read; the KnowledgeIndex module (issue 15) is to own
    // typed documents, and this exception goes with it.
    files: ['subgraphs/knowledge/src/graphql/source-content.resolver.ts', 'subgraphs/knowledge/src/retrieval/hybrid-search.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'warn' },
  },
  prettier,
);
