import { defineConfig } from 'vitest/config';

// Two projects: "unit" (the parser, the checks, the publishers, the command-line tools) and
// "site" (everything that looks at a built portal: the site is built once, in globalSetup, and
// shared). Generous time limits: tests that start processes must hold on a loaded 2-core machine.
const SITE_TESTS = ['test/build.test.ts', 'test/downloads.test.ts', 'test/site.test.ts', 'test/report-provenance.test.ts', 'test/browser/**/*.test.ts'];

export default defineConfig({
  test: {
    // Two files at a time. Vitest's default on a 2-core machine is one (CPUs − 1), which runs the
    // suite file after file although the browser and build tests mostly wait on Chromium and on
    // the processes they start.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 600_000,
    projects: [
      { test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: SITE_TESTS, testTimeout: 120_000 } },
      {
        test: {
          name: 'site',
          include: SITE_TESTS,
          globalSetup: ['test/built-site/global-build.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
