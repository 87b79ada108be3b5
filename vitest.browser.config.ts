import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['web/test/browser/**/*.test.ts'],
    // One demo seed for the suite; each file's server starts from a copy of it.
    globalSetup: ['web/test/browser/seed-once.ts'],
    testTimeout: 60000,
    hookTimeout: 120000,
    // Each file has its own server (a copy of the seeded database) and browser; two at a time keep both cores
    // busy while one waits on a page.
    maxWorkers: 2,
  },
});
