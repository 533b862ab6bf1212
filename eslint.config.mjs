// ESLint (flat config): the recommended rules of ESLint and typescript-eslint over the hand-written
// code. Formatting is Prettier's (.prettierrc.json); `npm run lint` runs both.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['lib/gen/**', '**/*.generated.ts', '**/*.d.ts', 'dist/**', 'build/**', 'cdktf.out/**', 'node_modules/**', 'test/**/fixtures/**'],
  },
  {
    files: ['{lib,test,bench,scripts,examples}/**/*.{ts,js,mjs}', '*.{js,mjs}', 'bin/*.js'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    // A disable comment that no longer suppresses anything is an error: each one stays real.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Every public member hands its own `arguments` to checkArgs (lib/api-check/check-args.ts): the
      // arguments as called, their count included (an omitted optional argument is not an explicit undefined).
      'prefer-rest-params': 'off',
      // Synthesized Terraform JSON, plan JSON, schemas and reports are documents of unknown shape; `any`
      // marks where they are read (about 115 places in lib/, 180 in test/). Typing them is left for later.
      '@typescript-eslint/no-explicit-any': 'off',
      // require() only where a module must load late, each with a disable comment saying why; these two
      // are patterns: a construct's rule table loads on its first validation (validateWith in
      // lib/constructs/rules.ts), and bench/run.ts loads each benchmark when its turn comes.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^\\./rules$', '^\\./[a-z-]+-bench$'] }],
      // A leading underscore says "unused on purpose" (a parameter a signature needs, a key left out of a rest).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Plain CommonJS: the scripts, the CLI's bin, jest's configuration, the plain JavaScript tests.
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.{ts,js}'],
    languageOptions: { globals: { ...globals.jest } },
  },
);
