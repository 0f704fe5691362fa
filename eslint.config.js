// ESLint for pm (`npm run lint`, run first by `npm test`). Formatting is Prettier's job
// (.prettierrc.json): eslint-config-prettier, last, turns off every rule that would fight it.
//
// The TypeScript rules are typescript-eslint's recommended *type-checked* set: it knows the types,
// so it catches the bugs a reviewer misses — a promise nobody awaits (no-floating-promises), an
// async callback where a sync one is expected (no-misused-promises), `await` on a non-promise
// (await-thenable), `${object}` printing "[object Object]" (no-base-to-string), `any` leaking out
// of JSON.parse into typed code (no-unsafe-*). Source files are checked with tsconfig.json, tests
// with test/tsconfig.json (the project service finds the nearest one).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Build output, fixtures (real-world inputs kept as they were found) and generated bench data.
  { ignores: ['lib/', 'dist/', 'coverage/', '**/fixtures/', 'bench/out/', '**/.pm-cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'scripts/*.d.mts'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      // A switch over a union with no `default` must name every member, so adding a member
      // (a source format, a diagnostic level…) fails here instead of falling through silently.
      // A `default` counts as handling the rest: partial switches with a default are deliberate.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false }],
      // `_`-prefixed names are deliberately unused; `const { a, ...rest } = o` is how the code omits keys.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Re-throwing what a `catch` caught through `reject(err)` is the same as `throw err`.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // Off: every CLI command has the shape `async (argv, io) => Promise<number>` whether or not
      // it awaits (so does writeSite), and `async` also turns a synchronous throw into a rejection.
      '@typescript-eslint/require-await': 'off',
      // Off: pm filters and tests for control characters on purpose (untrusted logs and markdown),
      // so `\x00-\x1f` in a regular expression is the point, not a typo.
      'no-control-regex': 'off',
      // Not enabled, after measuring them on the code: no-unnecessary-condition (dozens of false
      // alarms on the defensive checks of untrusted input typed by a cast), strict-boolean-expressions
      // and no-non-null-assertion (hundreds of lines of churn for style), return-await (its one hit
      // would discard a staging folder twice).
    },
  },
  {
    // Tests poke into JSON the CLI printed or wrote (`JSON.parse` is `any`): a wrong guess fails
    // the test, so no-explicit-any and the no-unsafe-* rules would only add casts. Some tests
    // compile a generated script with `new Function` to prove it parses.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-implied-eval': 'off',
    },
  },
  {
    // Plain JavaScript (build scripts, bench, this file, the theme's browser scripts): no types to use.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Shipped to readers' browsers (and to pages that embed a timeline) as written, not bundled.
    files: ['themes/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // embed.js is ES5 on purpose (it runs in other sites' pages), so it writes `catch (e) {}`.
      '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }],
    },
  },
  prettier,
);
