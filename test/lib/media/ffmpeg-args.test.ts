import { mkdtemp, rm } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegArgs, parseProgressTime, X264_PRESET } from '@/lib/media/ffmpeg-args';
import { planRepair, type RepairPlan } from '@/lib/media/plan';
import { columnsMean, FFMPEG, ffprobe, greyFrame, makeClip } from '../../fixtures/media/make-clip';

const run = promisify(execFile);

const REENCODE: RepairPlan = {
  kind: 'reencode',
  issues: [],
  width: 1280,
  height: 720,
  fps: 25,
  videoBitrate: 2_000_000,
  audio: 'copy',
  audioBitrate: 128_000,
  trimSuggested: false,
  durationSec: 2,
};

describe('ffmpegArgs', () => {
  it('re-encodes to H.264 at a constant rate, scaled, with the index first', () => {
    const args = ffmpegArgs(REENCODE, 'in', 'out.mp4');
    expect(args.slice(-3)).toEqual(['-f', 'mp4', 'out.mp4']);
    expect(args[args.indexOf('-vf') + 1]).toBe('fps=25,scale=1280:720:flags=bicubic,setsar=1,format=yuv420p');
    expect(args[args.indexOf('-c:v') + 1]).toBe('libx264');
    expect(args[args.indexOf('-preset') + 1]).toBe(X264_PRESET);
    expect(args[args.indexOf('-b:v') + 1]).toBe('2000000');
    expect(args[args.indexOf('-fps_mode') + 1]).toBe('cfr');
    expect(args[args.indexOf('-c:a') + 1]).toBe('copy');
    expect(args[args.indexOf('-movflags') + 1]).toBe('+faststart');
    expect(args).not.toContain('-ss');
  });

  it('seeks on the input side when trimming', () => {
    const args = ffmpegArgs({ ...REENCODE, trim: { startSec: 60, endSec: 1560.5 } }, 'in', 'out.mp4');
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i'));
    expect(args.slice(args.indexOf('-ss'), args.indexOf('-ss') + 4)).toEqual(['-ss', '60.000', '-to', '1560.500']);
  });

  it.each([
    ['encode', ['-c:a', 'aac', '-b:a', '128000', '-ac', '2']],
    ['none', ['-an']],
  ] as const)('handles %s audio', (audio, expected) => {
    const args = ffmpegArgs({ ...REENCODE, audio }, 'in', 'out.mp4').join(' ');
    expect(args).toContain(expected.join(' '));
  });

  it.each([
    ['pad', 'fps=25,scale=406:720:flags=bicubic,pad=1280:720:(ow-iw)/2:(oh-ih)/2:black,setsar=1,format=yuv420p'],
    ['crop', 'fps=25,scale=1280:2276:flags=bicubic,crop=1280:720,setsar=1,format=yuv420p'],
  ] as const)('puts a portrait picture into the landscape frame (%s)', (mode, filter) => {
    const frame = mode === 'pad' ? { mode, scaledWidth: 406, scaledHeight: 720 } : { mode, scaledWidth: 1280, scaledHeight: 2276 };
    const args = ffmpegArgs({ ...REENCODE, frame }, 'in', 'out.mp4');
    expect(args[args.indexOf('-vf') + 1]).toBe(filter);
  });

  it('copies streams for a remux and refuses plans without work', () => {
    expect(ffmpegArgs({ kind: 'remux', issues: [], estimatedBytes: 1 }, 'in', 'out.mp4')).toEqual(
      ['-hide_banner', '-nostdin', '-y', '-i', 'in', '-map', '0:v:0', '-map', '0:a:0?', '-c', 'copy', '-movflags', '+faststart', '-f', 'mp4', 'out.mp4'],
    );
    expect(() => ffmpegArgs({ kind: 'none', issues: [] }, 'in', 'out')).toThrow();
  });
});

describe('parseProgressTime', () => {
  it.each([
    ['frame=  100 fps= 25 q=28.0 size=  512kB time=00:00:04.00 bitrate=1048.6kbits/s speed=1.2x', 4],
    ['size=  512kB time=01:02:03.50 bitrate=1.0kbits/s', 3723.5],
    ['frame=    0 fps=0.0 q=0.0 size=       0kB time=-577014:32:22.77 bitrate=  -0.0kbits/s', undefined],
    ['Input #0, mov,mp4,m4a,3gp,3g2,mj2, from source:', undefined],
  ])('%s → %s', (line, expected) => {
    expect(parseProgressTime(line)).toBe(expected);
  });
});

// The same arguments run in ffmpeg.wasm; native ffmpeg proves they do what the plan says.
describe('ffmpegArgs with native ffmpeg', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'repair-args-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('turns a 30 fps 1080p MOV into a 25 fps 1280×720 MP4 with AAC', async () => {
    const input = await makeClip(join(dir, 'phone.mov'), { seconds: 2, width: 1920, height: 1080, fps: 30, container: 'mov', bitrate: 4_000_000 });
    const output = join(dir, 'out.mp4');
    await run(FFMPEG, ['-loglevel', 'error', ...ffmpegArgs(REENCODE, input, output)]);
    const facts = await ffprobe(output);
    expect(facts).toMatchObject({ codec: 'h264', width: 1280, height: 720, fps: '25/1', frames: 50, audio: 'aac' });
    expect(facts.format).toContain('mp4');
  }, 60_000);

  it.each(['pad', 'crop'] as const)('fits a portrait 360×640 clip into 1280×720 (%s): bars at the sides or the frame filled', async (mode) => {
    const input = await makeClip(join(dir, `portrait-${mode}.mp4`), { seconds: 1, width: 360, height: 640, fps: 25, container: 'mp4', bitrate: 1_000_000 });
    const plan = planRepair(
      { name: 'portrait.mp4', size: 1, media: { container: 'mp4', width: 360, height: 640, fps: 30, durationSec: 1, videoCodec: 'avc1.640028', audioCodec: 'mp4a.40.2' } },
      { video: { minWidth: 1280, minHeight: 720, fps: 25, source: { notice: 'district', section: 'test' } } },
      { fit: mode },
    );
    if (plan.kind !== 'reencode') throw new Error(`expected a re-encode, got ${plan.kind}`);
    const output = join(dir, `portrait-${mode}-out.mp4`);
    await run(FFMPEG, ['-loglevel', 'error', ...ffmpegArgs(plan, input, output)]);
    expect(await ffprobe(output)).toMatchObject({ width: 1280, height: 720, fps: '25/1' });
    const frame = await greyFrame(output, 1280, 720);
    // testsrc2 is bright and colourful everywhere; bars are black (grey level 0, a little ringing at the edge).
    const sides = [columnsMean(frame, 1280, 0, 400), columnsMean(frame, 1280, 880, 1280)];
    const middle = columnsMean(frame, 1280, 500, 780);
    expect(middle).toBeGreaterThan(40);
    for (const side of sides) {
      if (mode === 'pad') expect(side).toBeLessThan(3);
      else expect(side).toBeGreaterThan(40);
    }
  }, 60_000);

  it('trims to the marked part', async () => {
    const input = await makeClip(join(dir, 'long.mov'), { seconds: 4, width: 640, height: 360, fps: 30, container: 'mov', bitrate: 1_000_000 });
    const output = join(dir, 'trimmed.mp4');
    const plan: RepairPlan = { ...REENCODE, width: 1280, height: 720, trim: { startSec: 1, endSec: 3 }, durationSec: 2 };
    await run(FFMPEG, ['-loglevel', 'error', ...ffmpegArgs(plan, input, output)]);
    const facts = await ffprobe(output);
    expect(facts.frames).toBe(50);
    expect(facts.duration).toBeGreaterThan(1.9);
    expect(facts.duration).toBeLessThan(2.2);
  }, 60_000);
});
