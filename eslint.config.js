// ESLint flat config. Import boundaries keep the architecture visible:
// shared/ is pure domain code, renderer/ never reaches into electron/ (dependency-cruiser checks the
// rest of the layers: .dependency-cruiser.cjs, `npm run lint:deps`).
// Type-aware: typescript-eslint's strictTypeChecked rules, with the types of each file's own
// project (tsconfig.json's references: tsconfig.node.json, tsconfig.web.json). `npm run lint`
// allows no warning.
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
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      // Numbers read plainly in messages and paths; strict's default refuses them in templates.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}` and `.then(() => resolve())` are idiomatic; the rule still
      // refuses a void value returned or used anywhere else.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // Plain JavaScript (this file, the dependency-cruiser and electron-builder configs, the CouchDB
    // validation shim) is in no TypeScript project: lint it without types.
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
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
