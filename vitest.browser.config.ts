import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['web/test/browser/**/*.test.ts'],
    testTimeout: 60000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
