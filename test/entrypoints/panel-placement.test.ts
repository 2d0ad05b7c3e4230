import { describe, expect, it } from 'vitest';
import { avoid, clamp, overlaps } from '@/entrypoints/panel.content/placement';

const viewport = { width: 1280, height: 800 };

describe('overlaps', () => {
  it.each([
    [{ left: 0, top: 0, width: 10, height: 10 }, { left: 5, top: 5, width: 10, height: 10 }, true],
    [{ left: 0, top: 0, width: 10, height: 10 }, { left: 10, top: 0, width: 10, height: 10 }, false],
    [{ left: 0, top: 0, width: 10, height: 10 }, { left: 0, top: 20, width: 10, height: 10 }, false],
  ])('%o and %o: %s', (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
  });
});

describe('avoid', () => {
  const panel = { left: 964, top: 400, width: 300, height: 384 };

  it('leaves the panel where it is when it covers no submit button', () => {
    expect(avoid(panel, [{ left: 500, top: 700, width: 80, height: 32 }], viewport)).toBeUndefined();
  });

  it('moves the panel off a covered submit button to the nearest free place on screen', () => {
    const submit = { left: 1100, top: 700, width: 80, height: 32 };
    const place = avoid(panel, [submit], viewport)!;
    expect(place).toBeDefined();
    const moved = { ...place, width: panel.width, height: panel.height };
    expect(overlaps(moved, submit)).toBe(false);
    expect(moved.left).toBeGreaterThanOrEqual(0);
    expect(moved.top + moved.height).toBeLessThanOrEqual(viewport.height);
  });

  it('finds no place when every place covers a button (the teacher can still collapse the panel)', () => {
    const everywhere = { left: 0, top: 0, width: 1280, height: 800 };
    expect(avoid(panel, [everywhere], viewport)).toBeUndefined();
  });
});

describe('clamp', () => {
  it('keeps the header reachable when dragged off screen', () => {
    expect(clamp({ left: -500, top: 5000 }, { width: 300, height: 400 }, viewport)).toEqual({ left: 8, top: 744 });
  });
});
