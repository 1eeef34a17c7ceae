// Lint rules that keep the architecture honest (docs/ARCHITECTURE.md, "The dependency rule").
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ioModules = [
  'fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'worker_threads', 'stream', 'url',
  'pg', 'kysely', 'fastify', '@electric-sql/*', 'pdf-lib', 'exceljs', 'react', 'react-dom',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/results/**', '.tmp/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The domain core is pure: no I/O, no frameworks, no reading the clock. Pure libraries that
    // run unchanged in Node and the browser are allowed (zod: the validation rules the server
    // and the web forms share, packages/domain/src/validation).
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*'], message: 'packages/domain is pure: no Node.js I/O modules.' },
          { group: ioModules, message: 'packages/domain is pure: no I/O or framework imports.' },
          { group: ['@motcua/server*', '@motcua/web*', '@motcua/cli*', '**/apps/**'], message: 'The domain depends on nothing in apps/.' },
        ],
      }],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain takes the time as a parameter; never new Date().' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The domain takes the time as a parameter; never Date.now().' },
        { selector: "MemberExpression[object.name='process']", message: 'The domain does not read process.' },
      ],
    },
  },
  {
    // Server layering: routes → use cases → repositories/infra, never backwards.
    files: ['apps/server/src/**/*.repository.ts', 'apps/server/src/infra/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/*.routes.ts', '**/*.usecases.ts', '**/http/**'], message: 'Repositories and infra do not depend on use cases or HTTP.' },
        ],
      }],
    },
  },
  {
    files: ['apps/server/src/**/*.usecases.ts', 'apps/server/src/**/*.policies.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/*.routes.ts', '**/http/**', 'fastify'], message: 'Use cases do not depend on HTTP.' },
        ],
      }],
    },
  },
);
