/**
 * The long fuzz run:  npm run fuzz -- --runs 10000 --seed 12 [--concurrency 2] [--timeout 5000] [--json out.json]
 * Prints exceptions, the slowest input, inputs over 2 s, peak RSS and invalid reports; exits 1 when any input threw
 * or produced an invalid report. Every input is reproducible from (seed, index): test/fuzz/harness.ts `inputAt`.
 */
import { writeFileSync } from 'node:fs';
import { runFuzz } from './harness';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
  return v;
}

const runs = arg('runs', 1000);
const seed = arg('seed', 1);
const concurrency = arg('concurrency', 0) || undefined;
const timeoutMs = arg('timeout', 0) || undefined;
const jsonAt = process.argv.indexOf('--json');

const summary = await runFuzz({
  runs,
  seed,
  ...(concurrency ? { concurrency } : {}),
  ...(timeoutMs ? { timeoutMs } : {}),
  onInput: (done, r) => {
    if (r.error || r.invalid || r.ms > 2000) console.log(`#${r.index} ${r.origin} ${Math.round(r.ms)} ms ${r.error ?? r.invalid ?? 'slow'}`);
    if (done % 500 === 0) console.log(`… ${done}/${runs}`);
  },
});

const line = (k: string, v: unknown) => console.log(`${k.padEnd(18)} ${typeof v === 'string' ? v : JSON.stringify(v)}`);
console.log('');
line('runs', summary.runs);
line('seed', summary.seed);
line('seeds / hostile', `${summary.seedCount} / ${summary.hostileCount}${summary.seedsMissing.length ? ` (missing tools: ${summary.seedsMissing.join(', ')})` : ''}`);
line('exceptions', summary.exceptions.length);
line('invalid reports', summary.invalidReports.length);
line('inputs over 2 s', summary.over2s.length);
line('max wall / input', `${Math.round(summary.maxMs)} ms (${summary.slowest?.origin ?? '-'} #${summary.slowest?.index ?? '-'})`);
line('peak RSS', `${summary.peakRssMb} MB`);
line('verdicts', summary.verdicts);
line('pool', summary.pool);
line('total', `${Math.round(summary.totalMs / 1000)} s`);
if (jsonAt >= 0 && process.argv[jsonAt + 1]) writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify(summary, null, 2));
process.exit(summary.exceptions.length || summary.invalidReports.length ? 1 : 0);
