import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Builds keep the theme precompiled in the user's cache folder: tests keep theirs apart.
const env = { XDG_CACHE_HOME: path.join(os.tmpdir(), 'pm-test-cache-home') };

// Two projects: `unit` (pure library and CLI tests, run under several TZ/LANG in CI)
// and `browser` (headless Chromium via playwright-core against built pages).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', '**/node_modules/**'],
          testTimeout: 30_000,
          env,
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
        },
      },
    ],
  },
});
