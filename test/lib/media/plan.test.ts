import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MediaInfo } from '@/lib/checks/report';
import { currentPack, findCategory } from '@/lib/rules';
import {
  chooseVideoBitrate,
  COPIED_AUDIO_BUDGET,
  findIssues,
  planRepair,
  repairedName,
  SIZE_HEADROOM,
  targetSize,
  type RepairProbe,
  type RepairRules,
} from '@/lib/media/plan';

const MIB = 1024 * 1024;

/** The 职业教育实践性教学案例 video slot as the bundled pack states it. */
function shijianRules(): RepairRules {
  const slot = findCategory(currentPack(), 'zhijiao_shijian')!.slots.find((s) => s.video)!;
  return { ...(slot.maxBytes !== undefined ? { maxBytes: slot.maxBytes } : {}), video: slot.video };
}

const MP4_ONLY: RepairRules = { video: { container: 'mp4', source: { notice: 'district', section: 'test' } } };

function probe(media: Partial<MediaInfo>, size = 300 * MIB, moovAtEnd = false): RepairProbe {
  return {
    name: 'lesson.mov',
    size,
    moovAtEnd,
    media: {
      container: 'mp4',
      durationSec: 20 * 60,
      width: 1920,
      height: 1080,
      fps: 25,
      vfr: false,
      videoCodec: 'avc1.640028',
      audioCodec: 'mp4a.40.2',
      ...media,
    },
  };
}

const evenUp = (n: number) => 2 * Math.ceil(n / 2);

describe('targetSize', () => {
  it.each([
    [1920, 1080, 1920, 1080],
    [3840, 2160, 1920, 1080],
    [1280, 720, 1280, 720],
    [1281, 721, 1282, 722],
    [960, 540, 1280, 720],
    [640, 480, 1280, 960],
    [1440, 1080, 1440, 1080],
    // Portrait phone video: the width must reach 1280, so the height grows with it.
    [1080, 1920, 1280, 2276],
  ])('%i×%i → %i×%i for a 1280×720 minimum', (w, h, tw, th) => {
    expect(targetSize(w, h, { width: 1280, height: 720 })).toEqual({ width: tw, height: th });
  });

  it.each([
    [1920, 1080, 1920, 1080],
    [3840, 2160, 1920, 1080],
    [2160, 3840, 1080, 1920],
    [853, 480, 854, 480],
  ])('without a minimum keeps %i×%i within 1920×1080 (→ %i×%i)', (w, h, tw, th) => {
    expect(targetSize(w, h)).toEqual({ width: tw, height: th });
  });

  it('always meets the minimum with even sides and the same shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: 160, max: 4096 }), fc.integer({ min: 120, max: 4096 }), (w, h) => {
        const out = targetSize(w, h, { width: 1280, height: 720 });
        expect(out.width).toBeGreaterThanOrEqual(1280);
        expect(out.height).toBeGreaterThanOrEqual(720);
        expect(out.width % 2).toBe(0);
        expect(out.height % 2).toBe(0);
        // Rounding to even sides moves the aspect ratio by at most two pixels' worth.
        expect(Math.abs(out.width / out.height - w / h)).toBeLessThanOrEqual((w / h) * (2 / Math.min(out.width, out.height)) + 1e-9);
        // Scaled up only when below the minimum, and then just enough: one side sits on it (up to the rounding).
        if (w < 1280 || h < 720) expect(out.width - 1280 <= 2 || out.height - 720 <= 2).toBe(true);
        else expect(out.width <= Math.max(evenUp(w), 1920) || out.width - 1280 <= 2 || out.height - 720 <= 2).toBe(true);
      }),
    );
  });
});

describe('chooseVideoBitrate', () => {
  it('gives 720p25 a clean picture when there is no size limit', () => {
    expect(chooseVideoBitrate({ width: 1280, height: 720, fps: 25, audioBitrate: 128_000 }).bitrate).toBe(2_764_800);
  });

  it('stays under the size limit with headroom for a long video', () => {
    const { bitrate, fits } = chooseVideoBitrate({ width: 1280, height: 720, fps: 25, durationSec: 25 * 60, audioBitrate: 256_000 }, 500 * MIB);
    expect(fits).toBe(true);
    expect(((bitrate + 256_000) * 25 * 60) / 8).toBeLessThanOrEqual(500 * MIB * SIZE_HEADROOM);
  });

  it('reports when the limit would need a bitrate too low to watch', () => {
    expect(chooseVideoBitrate({ width: 1280, height: 720, fps: 25, durationSec: 3 * 3600, audioBitrate: 128_000 }, 100 * MIB).fits).toBe(false);
  });
});

describe('findIssues', () => {
  it('lists every rule a 30 fps 720p-short phone MOV breaks, and advice separately', () => {
    const issues = findIssues(probe({ container: 'mov', fps: 30, width: 1280, height: 600, durationSec: 30 * 60, videoCodec: 'hvc1.1.6.L120.90' }, 600 * MIB, true), shijianRules());
    expect(issues.filter((i) => i.severity === 'rule').map((i) => i.code).sort()).toEqual(['container', 'fps', 'resolution', 'too_large', 'too_long']);
    expect(issues.filter((i) => i.severity === 'advice').map((i) => i.code).sort()).toEqual(['codec', 'moov_at_end']);
  });

  it('accepts 25 fps within the checker’s 1 % tolerance but flags a variable rate', () => {
    expect(findIssues(probe({ fps: 25.1 }), shijianRules())).toEqual([]);
    expect(findIssues(probe({ fps: 25, vfr: true }), shijianRules()).map((i) => i.code)).toEqual(['vfr']);
  });
});

describe('planRepair', () => {
  it('does nothing to a compliant MP4', () => {
    expect(planRepair(probe({}), shijianRules()).kind).toBe('none');
  });

  it('only remuxes a MOV whose sole problem is the container', () => {
    const plan = planRepair(probe({ container: 'mov' }, 300 * MIB, true), shijianRules());
    expect(plan).toMatchObject({ kind: 'remux', estimatedBytes: 300 * MIB, durationSec: 1200 });
  });

  it('re-encodes a MOV that is not H.264 + AAC instead of copying it', () => {
    expect(planRepair(probe({ container: 'mov', videoCodec: 'hvc1.1.6.L120.90' }), shijianRules()).kind).toBe('reencode');
    expect(planRepair(probe({ container: 'mov', audioCodec: 'ipcm' }), MP4_ONLY)).toMatchObject({ kind: 'reencode', audio: 'encode' });
  });

  it('turns a 30 fps 1080p phone MOV into 1920×1080 at 25 fps, keeping AAC, under 500 MB', () => {
    const plan = planRepair(probe({ container: 'mov', fps: 30 }, 700 * MIB, true), shijianRules());
    expect(plan).toMatchObject({ kind: 'reencode', width: 1920, height: 1080, fps: 25, audio: 'copy', trimSuggested: false, durationSec: 1200 });
    if (plan.kind !== 'reencode') throw new Error('expected a re-encode');
    expect(plan.trim).toBeUndefined();
    expect(plan.estimatedBytes!).toBeLessThan(500 * MIB);
    // 1080p would want more than the limit allows over 20 minutes: the bitrate is what fits, nearly all of it.
    expect(plan.estimatedBytes!).toBeGreaterThan(0.9 * 500 * MIB);
    expect(plan.videoBitrate).toBeGreaterThan(2_764_800);
  });

  it('uses 25 fps when the rules do not name a frame rate and the video must be re-encoded anyway', () => {
    expect(planRepair(probe({ container: 'mov', fps: 30, videoCodec: 'hvc1' }), MP4_ONLY)).toMatchObject({ kind: 'reencode', fps: 25, width: 1920, height: 1080 });
  });

  it('keeps the first 25 minutes of a 30-minute video unless the teacher marks a part', () => {
    const long = probe({ durationSec: 30 * 60 });
    expect(planRepair(long, shijianRules())).toMatchObject({ kind: 'reencode', trim: { startSec: 0, endSec: 1500 }, trimSuggested: true, durationSec: 1500 });
    const marked = planRepair(long, shijianRules(), { trim: { startSec: 120, endSec: 1320 } });
    expect(marked).toMatchObject({ kind: 'reencode', trim: { startSec: 120, endSec: 1320 }, trimSuggested: false, durationSec: 1200 });
  });

  it('clamps a trim end past the end of the video', () => {
    expect(planRepair(probe({ durationSec: 1000 }), MP4_ONLY, { trim: { startSec: 10, endSec: 5000 } })).toMatchObject({ trim: { startSec: 10, endSec: 1000 } });
  });

  it.each([
    ['too short to fix', probe({ durationSec: 10 * 60 }), undefined, 'too_short'],
    ['a marked part that is too long', probe({ durationSec: 40 * 60 }), { startSec: 0, endSec: 30 * 60 }, 'trim_too_long'],
    ['a marked part that is too short', probe({ durationSec: 40 * 60 }), { startSec: 0, endSec: 10 * 60 }, 'trim_too_short'],
    ['an end before the start', probe({}), { startSec: 100, endSec: 50 }, 'trim_invalid'],
    ['an MP4 without a video track', probe({ videoCodec: undefined, width: undefined, height: undefined, fps: undefined, durationSec: undefined }), undefined, 'no_video'],
  ])('blocks %s', (_, p, trim, reason) => {
    expect(planRepair(p, shijianRules(), trim ? { trim } : {})).toMatchObject({ kind: 'blocked', reason });
  });

  it('blocks when the size limit would ruin the picture', () => {
    const rules: RepairRules = { maxBytes: 20 * MIB, video: shijianRules().video };
    expect(planRepair(probe({ fps: 30 }), rules)).toMatchObject({ kind: 'blocked', reason: 'cannot_fit' });
  });

  it('always plans an output under the size limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 15 * 60, max: 25 * 60 }), fc.integer({ min: 320, max: 3840 }), (duration, width) => {
        const height = Math.round((width * 9) / 16);
        const plan = planRepair(probe({ durationSec: duration, width, height, fps: 30 }, 900 * MIB), shijianRules());
        if (plan.kind !== 'reencode') throw new Error(`expected a re-encode, got ${plan.kind}`);
        const bytes = ((plan.videoBitrate + COPIED_AUDIO_BUDGET) * duration) / 8;
        expect(bytes).toBeLessThanOrEqual(500 * MIB * SIZE_HEADROOM);
      }),
    );
  });
});

describe('repairedName', () => {
  it.each([
    ['课堂实录.MOV', '课堂实录-修复.mp4'],
    ['a.b.mp4', 'a.b-修复.mp4'],
    ['无扩展名', '无扩展名-修复.mp4'],
    ['.mov', 'video-修复.mp4'],
  ])('%s → %s', (name, expected) => {
    expect(repairedName(name)).toBe(expected);
  });
});
