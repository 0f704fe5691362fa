import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// One temp folder per run, removed by test/global-setup.ts when the run ends: tests and the
// processes they start (TMPDIR is inherited) never leave anything in the machine's temp dir.
// Builds keep the theme precompiled in the user's cache folder: tests keep theirs in it too.
const runTmp = process.env.PM_TEST_TMP ?? mkdtempSync(path.join(os.tmpdir(), 'pm-test-run-'));
process.env.PM_TEST_TMP = runTmp;
const env = { TMPDIR: runTmp, XDG_CACHE_HOME: path.join(runTmp, 'cache-home') };

// Three projects: `unit` (pure library and CLI tests, run under several TZ/LANG in CI),
// `package` (the packed tarball used as a stranger would) and `browser` (headless Chromium via playwright-core against built pages).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/package/**', '**/node_modules/**'],
          testTimeout: 30_000,
          env,
          globalSetup: ['./test/global-setup.ts'],
        },
      },
      {
        // Packs pm and installs the tarball as a stranger would: once a run is enough.
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          env,
          globalSetup: ['./test/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          env,
          globalSetup: ['./test/global-setup.ts'],
        },
      },
    ],
  },
});
