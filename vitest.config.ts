import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/test/**/*.test.ts', 'server/test/**/*.test.ts', 'web/test/unit/**/*.test.ts'],
    // Deadlines must hold whatever zone the server runs in; the suite runs in UTC on purpose.
    env: { TZ: 'UTC' },
    testTimeout: 20000,
    pool: 'forks',
  },
});
