import { describe, expect, it } from 'vitest';
import { ProgressClock } from '@/lib/media/progress';

function clockAt(durationSec?: number) {
  let now = 1_000;
  const clock = new ProgressClock({ now: () => now, ...(durationSec !== undefined ? { durationSec } : {}) });
  return { clock, advance: (ms: number) => (now += ms) };
}

describe('ProgressClock', () => {
  it('estimates the time left from the average rate once enough work is done', () => {
    const { clock, advance } = clockAt(60);
    advance(500);
    expect(clock.update(0.01)).toEqual({ fraction: 0.01, elapsedMs: 500 });
    advance(9_500);
    const view = clock.update(0.25);
    expect(view.elapsedMs).toBe(10_000);
    expect(view.remainingMs).toBe(30_000);
    expect(view.speed).toBeCloseTo(1.5);
  });

  it('never goes backwards and clamps to 0–1', () => {
    const { clock, advance } = clockAt();
    advance(3000);
    clock.update(0.5);
    expect(clock.update(0.2).fraction).toBe(0.5);
    expect(clock.update(Number.NaN).fraction).toBe(0.5);
    expect(clock.update(7)).toMatchObject({ fraction: 1, remainingMs: 0 });
  });

  it('reads processed media seconds against the output length', () => {
    const { clock, advance } = clockAt(120);
    advance(4000);
    expect(clock.updateSeconds(30).fraction).toBe(0.25);
    expect(clockAt().clock.updateSeconds(30).fraction).toBe(0);
  });

  it('keeps counting elapsed time while the engine is silent', () => {
    const { clock, advance } = clockAt(60);
    clock.update(0.1);
    advance(2500);
    expect(clock.view().elapsedMs).toBe(2500);
  });
});
