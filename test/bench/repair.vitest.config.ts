import { defineConfig } from 'vitest/config';

// The repair benchmark: one long run in a real browser, so it has its own config and is never part of `npm test`.
// Run: `npm run build && npx vitest run --config test/bench/repair.vitest.config.ts` (WXT_OUT_DIR picks the build).
export default defineConfig({
  resolve: { alias: { '@': new URL('../..', import.meta.url).pathname } },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/bench/repair.run.ts'],
    environment: 'node',
    testTimeout: 40 * 60_000,
    hookTimeout: 5 * 60_000,
  },
});
