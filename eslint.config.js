// ESLint flat config. Import boundaries keep the architecture visible:
// shared/ is pure domain code, renderer/ never reaches into electron/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const sharedForbidden = {
  paths: [
    { name: 'electron', message: 'shared/ is pure domain code: no Electron.' },
    { name: 'react', message: 'shared/ is pure domain code: no React.' },
    { name: 'react-dom', message: 'shared/ is pure domain code: no React.' },
    { name: 'zustand', message: 'shared/ is pure domain code: no UI state.' },
    { name: 'dexie', message: 'shared/ is pure domain code: no Dexie.' },
    { name: 'pouchdb-browser', message: 'shared/ is pure domain code: storage lives in renderer/.' },
    { name: 'fs', message: 'shared/ runs in the browser too: no Node-only modules.' },
    { name: 'path', message: 'shared/ runs in the browser too: no Node-only modules.' },
  ],
  patterns: [
    { group: ['node:*'], message: 'shared/ runs in the browser too: no Node-only modules.' },
    {
      group: ['**/renderer/**', '**/electron/**', '**/central/**'],
      message: 'shared/ depends on nothing else.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'coverage/**', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', sharedForbidden],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/ is pure domain code: no DOM.' },
        { name: 'document', message: 'shared/ is pure domain code: no DOM.' },
        { name: 'localStorage', message: 'shared/ is pure domain code: no DOM.' },
        { name: 'indexedDB', message: 'shared/ is pure domain code: storage lives in renderer/.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches the platform only through the contract.' },
          ],
          patterns: [{ group: ['**/electron/**'], message: 'renderer/ never imports electron/.' }],
        },
      ],
    },
  },
);
