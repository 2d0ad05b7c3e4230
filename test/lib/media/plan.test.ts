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
  fitInto,
  landscapeFrame,
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

describe('landscapeFrame', () => {
  it.each([
    // A phone's 1080×1920 keeps its 1080 lines: the frame is Full HD.
    [1080, 1920, 1920, 1080],
    [720, 1280, 1280, 720],
    // Never below the minimum, never above the 1080 lines of the default box.
    [360, 640, 1280, 720],
    [2160, 3840, 1920, 1080],
    [1081, 1921, 1920, 1080],
    [721, 1300, 1284, 722],
  ])('portrait %i×%i → %i×%i for a 1280×720 minimum', (w, h, fw, fh) => {
    expect(landscapeFrame(w, h, { width: 1280, height: 720 })).toEqual({ width: fw, height: fh });
  });

  it('takes the shape from the rules, not from code', () => {
    expect(landscapeFrame(1080, 1920, { width: 1024, height: 768 })).toEqual({ width: 1440, height: 1080 });
    expect(landscapeFrame(480, 640, { width: 640, height: 480 })).toEqual({ width: 640, height: 480 });
  });

  it.each([
    ['a landscape video', 1920, 1080, { width: 1280, height: 720 }],
    ['a square video', 1080, 1080, { width: 1280, height: 720 }],
    ['no resolution rule', 1080, 1920, undefined],
    ['only a width rule', 1080, 1920, { width: 1280 }],
    ['a portrait minimum', 1080, 1920, { width: 720, height: 1280 }],
  ])('is undefined for %s', (_, w, h, minimum) => {
    expect(landscapeFrame(w, h, minimum)).toBeUndefined();
  });
});

describe('fitInto', () => {
  it('keeps the whole picture with bars (pad) or fills the frame (crop), even sides, same shape', () => {
    expect(fitInto(1080, 1920, { width: 1920, height: 1080 }, 'pad')).toEqual({ mode: 'pad', scaledWidth: 608, scaledHeight: 1080 });
    expect(fitInto(1080, 1920, { width: 1920, height: 1080 }, 'crop')).toEqual({ mode: 'crop', scaledWidth: 1920, scaledHeight: 3414 });
    fc.assert(
      fc.property(fc.integer({ min: 120, max: 4000 }), fc.integer({ min: 1, max: 4000 }), (w, extra) => {
        const h = w + extra;
        const frame = landscapeFrame(w, h, { width: 1280, height: 720 })!;
        const pad = fitInto(w, h, frame, 'pad');
        const crop = fitInto(w, h, frame, 'crop');
        expect(pad.scaledHeight).toBe(frame.height);
        expect(pad.scaledWidth).toBeLessThanOrEqual(frame.width);
        expect(crop.scaledWidth).toBe(frame.width);
        expect(crop.scaledHeight).toBeGreaterThanOrEqual(frame.height);
        for (const side of [pad.scaledWidth, pad.scaledHeight, crop.scaledWidth, crop.scaledHeight]) expect(side % 2).toBe(0);
        expect(Math.abs(pad.scaledWidth / pad.scaledHeight - w / h)).toBeLessThanOrEqual(2 / pad.scaledHeight + 1e-9);
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

  it('fits a portrait 1080×1920 phone video into the 1920×1080 frame with bars by default, crop or portrait on request', () => {
    const phone = probe({ container: 'mov', width: 1080, height: 1920, fps: 30 });
    const padded = planRepair(phone, shijianRules());
    expect(padded).toMatchObject({ kind: 'reencode', width: 1920, height: 1080, frame: { mode: 'pad', scaledWidth: 608, scaledHeight: 1080 }, fitChoices: ['pad', 'crop', 'scale'] });
    expect(padded.issues.find((i) => i.code === 'portrait')).toMatchObject({ severity: 'advice', params: { frameWidth: 1920, frameHeight: 1080 } });
    expect(planRepair(phone, shijianRules(), { fit: 'crop' })).toMatchObject({ width: 1920, height: 1080, frame: { mode: 'crop', scaledWidth: 1920, scaledHeight: 3414 } });
    const portrait = planRepair(phone, shijianRules(), { fit: 'scale' });
    expect(portrait).toMatchObject({ kind: 'reencode', width: 1280, height: 2276, fitChoices: ['pad', 'crop', 'scale'] });
    expect(portrait).not.toHaveProperty('frame');
  });

  it('follows the pack: a changed minimum frame changes the frame, no resolution rule keeps a portrait video portrait', () => {
    const phone = probe({ container: 'mov', width: 720, height: 1280, fps: 30 });
    const rules = shijianRules();
    expect(planRepair(phone, rules)).toMatchObject({ width: 1280, height: 720, frame: { mode: 'pad', scaledWidth: 406 } });
    expect(planRepair(phone, { ...rules, video: { ...rules.video!, minWidth: 1024, minHeight: 768 } })).toMatchObject({ width: 1024, height: 768 });
    const free = planRepair({ ...phone, media: { ...phone.media, videoCodec: 'hvc1' } }, MP4_ONLY);
    expect(free).toMatchObject({ kind: 'reencode', width: 720, height: 1280 });
    expect(free).not.toHaveProperty('fitChoices');
    expect(free.issues.map((i) => i.code)).not.toContain('portrait');
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
