import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/test/**/*.test.ts', 'server/test/**/*.test.ts', 'web/test/unit/**/*.test.ts'],
    // Deadlines must hold whatever zone the server runs in; the suite runs in UTC on purpose.
    env: { TZ: 'UTC' },
    // Generous for two workers sharing two cores: a stalled test still fails, a slow machine does not.
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'forks',
    setupFiles: ['server/test/setup/argon2-memo.ts'],
    // vitest's default is one worker fewer than the cores: a single worker on a 2-core CI machine, where most
    // files wait on a database, a child process or a timer for much of their time. Two at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
