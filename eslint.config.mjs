// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'client/dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'bench/results/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    // One rule per kind of input, in src/common: see dto.ts, dates.ts, integers.ts, text.ts.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional'],
              message: 'Use Optional() (null refused) or Nullable() (null clears) from src/common/dto.ts.',
            },
            {
              name: 'class-validator',
              importNames: ['IsISO8601', 'IsDateString'],
              message: 'Use IsCalendarDate() / IsTimestamp() from src/common/dates.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The client sees the server only through `@contract`, type-only, so no server code reaches the bundle.
    files: ['client/**/*.ts', 'client/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@contract', message: 'Import the contract with `import type`.', allowTypeImports: true }],
          patterns: [{ regex: '^(\\.\\./)+src/', message: 'Server code: import its types from `@contract`.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
