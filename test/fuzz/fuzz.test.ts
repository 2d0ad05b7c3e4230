/**
 * The short fuzz run inside `npm test`: the hostile structures of issue 12 and a few hundred seeded mutations of
 * real files, each through the Node worker pool with its bound; every one must get a schema-valid report. The long
 * run is `npm run fuzz -- --runs 10000 --seed N`.
 */
import { describe, expect, it } from 'vitest';
import { inputAt, runFuzz } from './harness';
import { inputRng, mutate } from './mutate';
import { hostileInputs, writtenSeeds } from './seeds';

describe('fuzz harness', () => {
  it('is reproducible: the same (seed, index) gives the same bytes, another seed other bytes', () => {
    const seeds = writtenSeeds();
    const hostile = hostileInputs().slice(0, 2);
    const a = inputAt(40, 7, seeds, hostile);
    const b = inputAt(40, 7, seeds, hostile);
    const c = inputAt(40, 8, seeds, hostile);
    expect(b.bytes).toEqual(a.bytes);
    expect(b.origin).toBe(a.origin);
    expect(c.bytes).not.toEqual(a.bytes);
    const m = mutate(seeds[0]!, inputRng(1, 1));
    expect(m.mutations.length).toBeGreaterThan(0);
  });

  it('gives every input a schema-valid verdict through the bounded pool (300 inputs)', async () => {
    const summary = await runFuzz({ runs: 300, seed: 2026 });
    expect(summary.seedsMissing).toEqual([]);
    expect(summary.runs).toBe(300);
    expect(summary.exceptions.map((r) => `${r.origin}: ${r.error}`)).toEqual([]);
    expect(summary.invalidReports.map((r) => `${r.origin}: ${r.invalid}`)).toEqual([]);
    // The hostile structures came first; none of them escaped as an error verdict.
    expect(summary.codes.check_error ?? 0).toBe(0);
    expect(summary.verdicts.unreadable).toBeGreaterThan(summary.hostileCount / 2);
  }, 600_000);
});
