import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Config for running scripts/*.ts with vite-node: the `@/` alias of the extension code, no dev-server noise.
 * vite-node rather than an esbuild bundle: it ships with the installed toolchain, resolves the same aliases as
 * WXT and Vitest, and transforms only the modules a run imports, so there is no output file to go stale.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { alias: { '@/': fileURLToPath(new URL('../', import.meta.url)) } },
  logLevel: 'warn',
  clearScreen: false,
});
