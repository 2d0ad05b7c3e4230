/**
 * The fuzz harness: every input goes through the Node worker_threads pool (lib/checks/node/pool.ts) with its
 * hard time and memory bound, then through the one evaluator (checkFiles), and its report must validate under the
 * report schema. Shared by the short run inside `npm test` (test/fuzz/fuzz.test.ts) and the long run
 * (`npm run fuzz -- --runs 10000 --seed N`, test/fuzz/run.ts).
 */
import { checkFiles } from '../../lib/checks/check-files';
import { createNodeCheckPool } from '../../lib/checks/node/pool';
import { DEFAULT_POOL_TIMEOUT_MS } from '../../lib/checks/pool-core';
import { checkReportSchema, type Verdict } from '../../lib/checks/report';
import { makeCategory } from '../fixtures/checks/category';
import { inputRng, mutate } from './mutate';
import { type FuzzInput, hostileInputs, realSeeds, writtenSeeds } from './seeds';

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** Inputs in flight at once; default the pool's size. */
  concurrency?: number;
  /** The pool's hard bound per input. */
  timeoutMs?: number;
  /** Called after every input (progress lines in the long run). */
  onInput?: (done: number, result: InputResult) => void;
}

export interface InputResult {
  index: number;
  origin: string;
  bytes: number;
  ms: number;
  verdict?: Verdict;
  codes: string[];
  error?: string;
  invalid?: string;
}

export interface FuzzSummary {
  runs: number;
  seed: number;
  seedsMissing: string[];
  seedCount: number;
  hostileCount: number;
  exceptions: InputResult[];
  invalidReports: InputResult[];
  /** Inputs whose wall time passed 2 s. */
  over2s: InputResult[];
  maxMs: number;
  slowest?: { origin: string; index: number; ms: number };
  peakRssMb: number;
  verdicts: Record<string, number>;
  codes: Record<string, number>;
  pool: { spawned: number; terminated: Record<string, number> };
  totalMs: number;
}

/** Input `index` of run `seed`: the hostile structures first, then mutations of the seeds. */
export function inputAt(index: number, seed: number, seeds: readonly FuzzInput[], hostile: readonly FuzzInput[]): FuzzInput {
  if (index < hostile.length) return hostile[index]!;
  const rng = inputRng(seed, index);
  const pool = [...seeds, ...hostile];
  const base = pool[Math.floor(rng() * pool.length)]!;
  return mutate(base, rng);
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const started = Date.now();
  const { seeds: real, missing } = realSeeds();
  const seeds = [...real, ...writtenSeeds()];
  const hostile = hostileInputs();
  const pool = await createNodeCheckPool();
  const category = makeCategory();
  const timeoutMs = options.timeoutMs ?? DEFAULT_POOL_TIMEOUT_MS;
  const results: InputResult[] = [];
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  let next = 0;
  let done = 0;

  const one = async (index: number): Promise<InputResult> => {
    const input = inputAt(index, options.seed, seeds, hostile);
    const t0 = performance.now();
    const result: InputResult = { index, origin: input.origin, bytes: input.bytes.length, ms: 0, codes: [] };
    try {
      const blob = new Blob([input.bytes as Uint8Array<ArrayBuffer>]);
      const report = await checkFiles(category, [{ blob, name: input.name }], {
        rulePack: 'fuzz',
        timeoutMs,
        inspect: (file, o) => pool.inspect(blob, file.name, { timeoutMs: o.timeoutMs }),
      });
      result.ms = performance.now() - t0;
      const parsed = checkReportSchema.safeParse(report);
      if (!parsed.success) result.invalid = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      const file = report.files[0];
      if (file) {
        result.verdict = file.verdict;
        result.codes = file.findings.map((f) => f.code);
      }
    } catch (error) {
      result.ms = performance.now() - t0;
      result.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return result;
  };

  const lane = async (): Promise<void> => {
    while (next < options.runs) {
      const index = next++;
      const r = await one(index);
      results.push(r);
      options.onInput?.(++done, r);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? pool.size) }, lane));
  } finally {
    clearInterval(sampler);
    pool.dispose();
  }

  const tally = (keys: Iterable<string>, into: Record<string, number>) => {
    for (const k of keys) into[k] = (into[k] ?? 0) + 1;
  };
  const verdicts: Record<string, number> = {};
  const codes: Record<string, number> = {};
  for (const r of results) {
    tally(r.verdict ? [r.verdict] : [], verdicts);
    tally(new Set(r.codes), codes);
  }
  const slowest = results.reduce<InputResult | undefined>((a, r) => (!a || r.ms > a.ms ? r : a), undefined);
  return {
    runs: results.length,
    seed: options.seed,
    seedsMissing: missing,
    seedCount: seeds.length,
    hostileCount: hostile.length,
    exceptions: results.filter((r) => r.error !== undefined),
    invalidReports: results.filter((r) => r.invalid !== undefined),
    over2s: results.filter((r) => r.ms > 2000),
    maxMs: slowest?.ms ?? 0,
    ...(slowest ? { slowest: { origin: slowest.origin, index: slowest.index, ms: Math.round(slowest.ms) } } : {}),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    verdicts,
    codes,
    pool: { spawned: pool.stats.spawned, terminated: { ...pool.stats.terminated } },
    totalMs: Date.now() - started,
  };
}
