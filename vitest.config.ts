import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Most e2e files wait on sockets, browsers and child processes rather than the CPU: on the 2-core
    // machines here vitest's default (cores - 1 = one worker) ran every file in turn.
    maxWorkers: 3,
    globalSetup: ['test/global-setup.ts'],
  },
});
