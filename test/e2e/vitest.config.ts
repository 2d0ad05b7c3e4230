import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Debian's Chromium; one browser at a time on a 2-core machine.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
