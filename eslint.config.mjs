// @ts-check
import eslint from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const here = import.meta.dirname;

/**
 * The server's layers, lowest first (docs/ARCHITECTURE.md, "Imports run one way"). A folder
 * may import its own layer and the layers below it, never one above. Folders in the same
 * layer may use each other (features go through exported services); a cycle between files
 * is caught by import-x/no-cycle whatever the layers say.
 */
const LAYERS = [
  ['common'],
  ['config'],
  ['database'],
  ['cache', 'markdown', 'domain-events'],
  ['auth'],
  ['organisations'],
  ['users'],
  ['groups'],
  ['realtime'],
  ['search'],
  ['channels', 'documents', 'events', 'surveys', 'participation', 'me', 'health'],
  // Subscribes to the features' domain events; no feature imports it.
  ['notifications'],
];
/** What only bootstrap code may import: the app module and entry points, CLIs and the demo data. */
const TOP = ['src/*.ts', 'src/cli/**', 'src/demo/**'];

const filesOf = (folder) => [`src/${folder}/**`];

const layerZones = LAYERS.map((layer, i) => ({
  target: layer.flatMap(filesOf),
  from: [
    ...LAYERS.slice(i + 1)
      .flat()
      .map((folder) => `src/${folder}/**`),
    ...TOP,
  ],
  message: `src/${layer.join(', src/')} must not import a higher layer or bootstrap code: imports run one way (docs/ARCHITECTURE.md).`,
}));

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
      // Split by responsibility before a file grows past this (a warning: it guides, it does not block).
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Type-aware: a promise nobody awaits loses its error and its ordering.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: here } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // react-router's navigate() settles when the navigation does and the router shows its
          // own errors: calling it without waiting is how it is meant to be used.
          allowForKnownSafeCalls: [{ from: 'package', package: 'react-router', name: 'NavigateFunction' }],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Import cycles everywhere; layers in src/ (see LAYERS).
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'migrations/**/*.ts', 'client/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x resolves a .ts import but does not read the file it points to,
      // and no-cycle sees no cycle at all.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.cjs', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json', '.node'] })],
    },
    rules: {
      // Type-only imports are erased, so import-x leaves them out; a runtime cycle fails lint.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: here, zones: layerZones }],
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
    // Only src/database knows the database mode: everyone else asks databaseMode().
    files: ['src/**/*.ts'],
    ignores: ['src/database/**', 'src/config/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(pglite|databaseUrl|serverUrl)$/]',
          message: 'Only src/database knows the database mode: ask databaseMode() (src/database/mode.ts).',
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
    // API paths live in one urls.ts per feature (docs/CLIENT.md).
    files: ['client/src/**/*.ts', 'client/src/**/*.tsx'],
    ignores: ['client/src/**/urls.ts', 'client/src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^\\/api\\//], TemplateElement[value.raw=/^\\/api\\//]',
          message: "An API path belongs in its feature's urls.ts.",
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
