// ESLint for the TypeScript sources, tests and benchmarks: the recommended rules of ESLint and
// typescript-eslint, plus the few that keep this code base's conventions (see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.bench-build/', 'node_modules/', 'coverage/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // Escaping terminal and XML control characters is the point of several expressions here.
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    // The dependency-cruiser configuration is CommonJS, as the tool loads it.
    files: ['*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Only the CLI touches the process; tests, benchmarks and scripts are programs of their own.
    files: ['test/**', 'bench/**', 'scripts/**', 'bin/**'],
    // Test expressions spell out the output they expect, spaces included.
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off', 'no-regex-spaces': 'off' },
  },
);
