import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock, parseClock } from '@/lib/media/clock';

describe('parseClock', () => {
  it.each([
    ['0:01:30', 90],
    ['1:30', 90],
    ['90', 90],
    ['1:02:03.5', 3723.5],
    ['25：00', 1500],
    [' 0:00 ', 0],
  ])('%s → %s', (text, sec) => {
    expect(parseClock(text)).toBe(sec);
  });

  it.each(['', 'abc', '1:60', '1.5:00', '1:2:3:4', '-5', '1::2'])('rejects %j', (text) => {
    expect(parseClock(text)).toBeUndefined();
  });
});

describe('formatClock', () => {
  it('writes h:mm:ss that parseClock reads back', () => {
    expect(formatClock(1500)).toBe('0:25:00');
    fc.assert(fc.property(fc.integer({ min: 0, max: 36_000 }), (sec) => {
      expect(parseClock(formatClock(sec))).toBe(sec);
    }));
  });
});
