// Lint rules, including the layering of src-main: a folder imports only from its level or below.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'net'];

/** Code that runs on the host's clock and seed: no real time, timers, randomness or Node process. */
const deterministic = (noProcess) => ({
  'no-restricted-globals': [
    'error',
    { name: 'Date', message: 'use the host virtual clock' },
    { name: 'performance', message: 'use the host virtual clock' },
    { name: 'setTimeout', message: 'use the host scheduler' },
    { name: 'setInterval', message: 'use the host scheduler' },
    { name: 'process', message: noProcess },
  ],
  'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'use the host PRNG' }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-renderer/**/*.svelte', 'src-renderer/**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, svelteConfig, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The simulated kernel is deterministic and runtime-free: time and randomness come from the
    // host's own clock and PRNG, never from the machine.
    files: ['src-main/host/**/*.ts'],
    rules: {
      ...deterministic('the host knows no Node process'),
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeBuiltins, 'electron'], message: 'src-main/host is pure TypeScript' },
            { group: ['**/shell/**', '**/app/**', '**/cli/**', '**/server/**', '**/worker/**', '**/session/**', '**/preload/**'], message: 'host is the lowest layer' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'the shell runs without Electron' },
            { group: ['**/app/**', '**/cli/**', '**/server/**', '**/worker/**', '**/session/**', '**/preload/**'], message: 'shell sits below the faces' },
          ],
        },
      ],
    },
  },
  {
    // Tools run on the host's clock and seed like the kernel, and never reach the real machine.
    files: ['src-main/tools/**/*.ts'],
    rules: {
      ...deterministic('tools know only the simulated host'),
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeBuiltins, 'electron'], message: 'tools see only the simulated host' },
            { group: ['**/app/**', '**/cli/**', '**/server/**', '**/worker/**', '**/session/**', '**/preload/**'], message: 'tools sit below the faces' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...nodeBuiltins, 'electron', '../*'], message: 'the protocol depends on nothing but its schema library' }] },
      ],
    },
  },
);
