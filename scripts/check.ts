/**
 * Entry of `npm run check`. Run through vite-node (installed with WXT/Vitest) so the engine's TypeScript is used
 * as is, with no build step to forget; see scripts/vite-node.config.ts.
 */
import { runCli } from './check-cli';

// npm runs scripts from the package root; INIT_CWD is where the user typed the command, so relative paths work.
const cwd = process.env.INIT_CWD ?? process.cwd();
const tty = process.stderr.isTTY;

const code = await runCli(process.argv.slice(2), {
  cwd,
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  ...(tty ? { progress: (text: string) => process.stderr.write(`\r\x1b[K${text}`) } : {}),
});
if (tty) process.stderr.write('\r\x1b[K');
process.exitCode = code;
