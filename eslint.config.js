// One lint setup for the whole tree; the import rules keep each environment in its lane.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const coreFolders = [
  'gateway',
  'providers',
  'keychain',
  'store',
  'catalog',
  'config',
  'core',
  'server',
  'cli',
  'models',
  'budget',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.toolchain/**', 'test-results/**', 'playwright-report/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain Node scripts.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The core runs in plain Node (browser mode, CLI, tests): never Electron.
    files: coreFolders.map((folder) => `electron/${folder}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The core never imports electron; only electron/main and electron/preload do.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer is DOM-only and sees the contract as types: zod schemas stay in the core.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/shared/(contract(/(index|chat|settings|usage|define))?|types/config)$',
              allowTypeImports: true,
              message: 'Import the contract with `import type`; values the renderer needs live in zod-free files.',
            },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', 'keytar', 'fs', 'child_process', 'zod'].map((name) => ({
            name,
            message: 'The renderer talks to the core only through the bridge.',
          })),
          patterns: [
            { group: ['node:*'], message: 'The renderer is DOM-only.' },
            { group: ['**/electron/**'], message: 'The renderer never imports main-process code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', '**/electron/**', '**/renderer/**'],
              message: 'shared/ is plain TypeScript.',
            },
          ],
        },
      ],
    },
  },
);
