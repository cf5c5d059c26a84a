import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Rebuilds dist/ when a source file is newer (the CLI tests spawn the built binary).
    globalSetup: ['test/globalSetup.ts'],
    pool: 'forks',
    // One worker per core (vitest's default leaves one idle: a whole core on the 2-core CI machine).
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CLI tests spawn the built binary: `npm test` builds first.
    // Under CI a JSON report as well, from which .ci/run prints the plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
  },
});
