import { describe, expect, it } from 'vitest';
import { buildTarget, ffmpegCoreFor, isolatedPages, MIN_CHROME, MIN_FIREFOX } from '@/lib/browser-floor';

describe('buildTarget', () => {
  it.each([
    ['chrome', [`chrome${MIN_CHROME}`]],
    ['edge', [`chrome${MIN_CHROME}`]],
    ['firefox', [`firefox${MIN_FIREFOX}`]],
  ])('lowers syntax for the floor of %s', (browser, target) => {
    expect(buildTarget(browser)).toEqual(target);
  });
});

describe('ffmpegCoreFor', () => {
  it.each([
    ['chrome', true, 'mt'],
    ['edge', true, 'mt'],
    ['firefox', false, 'st'],
  ])('%s: isolated pages %s → the %s core', (browser, isolated, core) => {
    expect(isolatedPages(browser)).toBe(isolated);
    expect(ffmpegCoreFor(browser)).toBe(core);
  });
});
