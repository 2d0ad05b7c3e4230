import { defineConfig } from 'vitest/config';

const root = new URL('../..', import.meta.url).pathname;

// End-to-end tests drive the built extension in Debian's Chromium; one browser at a time on a 2-core machine.
export default defineConfig({
  resolve: { alias: { '@/': root } },
  test: {
    root,
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
