import type { RepairPlan } from './plan';

/**
 * x264 speed/quality trade-off shared by ffmpeg.wasm and the native baseline of the benchmark. `superfast` keeps
 * CABAC, deblocking and 8×8 transforms (so the planner's bitrates still give a clean picture) and ran a 1080p30 →
 * 720p25 clip 1.4× faster than `veryfast` in the single-thread core, which has no SIMD. In the multi-thread core
 * `veryfast` crashed x264's worker threads ("function signature mismatch"); `superfast` runs.
 */
export const X264_PRESET = 'superfast';

/** Seconds between key frames: 2 s lets a web player seek quickly at a negligible size cost. */
export const KEYFRAME_SECONDS = 2;

function seconds(value: number): string {
  return value.toFixed(3);
}

/**
 * The ffmpeg command line (without the program name) for a remux or re-encode plan; the same arguments run in
 * ffmpeg.wasm and in native ffmpeg, so the benchmark compares like with like.
 */
export function ffmpegArgs(plan: RepairPlan, input: string, output: string, options: { threads?: number } = {}): string[] {
  if (plan.kind === 'remux') {
    return ['-hide_banner', '-nostdin', '-y', '-i', input, '-map', '0:v:0', '-map', '0:a:0?', '-c', 'copy',
      '-movflags', '+faststart', '-f', 'mp4', output];
  }
  if (plan.kind !== 'reencode') throw new Error(`Nothing to run for a "${plan.kind}" plan`);

  const trimIn = plan.trim ? ['-ss', seconds(plan.trim.startSec), '-to', seconds(plan.trim.endSec)] : [];
  // fps before scale: frames that are dropped are never scaled.
  const filter = `fps=${plan.fps},${geometryFilter(plan)},setsar=1,format=yuv420p`;
  const audio =
    plan.audio === 'none'
      ? ['-an']
      : plan.audio === 'copy'
        ? ['-map', '0:a:0', '-c:a', 'copy']
        : ['-map', '0:a:0', '-c:a', 'aac', '-b:a', String(plan.audioBitrate), '-ac', '2'];
  const threads = options.threads !== undefined ? ['-threads', String(options.threads)] : [];
  return [
    '-hide_banner', '-nostdin', '-y',
    // Input-side seeking: ffmpeg decodes from the key frame before the start and drops frames up to it, so the cut
    // is frame-accurate while skipping the part before it cheaply.
    ...trimIn,
    '-i', input,
    '-map', '0:v:0',
    '-vf', filter,
    '-c:v', 'libx264', '-preset', X264_PRESET, '-profile:v', 'high',
    '-b:v', String(plan.videoBitrate),
    // A VBV of two seconds keeps the rate close to the target without starving scene cuts.
    '-maxrate', String(Math.round(plan.videoBitrate * 1.5)), '-bufsize', String(plan.videoBitrate * 2),
    '-g', String(plan.fps * KEYFRAME_SECONDS),
    // Constant frame rate in the container too: timestamps on a fixed 1/fps grid.
    '-fps_mode', 'cfr', '-r', String(plan.fps),
    ...threads,
    ...audio,
    '-movflags', '+faststart',
    '-f', 'mp4', output,
  ];
}

/** Scaling, plus the bars (`pad`, centred, black) or the cut (`crop`, centred) of a portrait video in a landscape frame. */
function geometryFilter(plan: Extract<RepairPlan, { kind: 'reencode' }>): string {
  const { frame } = plan;
  if (!frame) return `scale=${plan.width}:${plan.height}:flags=bicubic`;
  const scale = `scale=${frame.scaledWidth}:${frame.scaledHeight}:flags=bicubic`;
  return frame.mode === 'pad'
    ? `${scale},pad=${plan.width}:${plan.height}:(ow-iw)/2:(oh-ih)/2:black`
    : `${scale},crop=${plan.width}:${plan.height}`;
}

/** Reads ffmpeg's `time=HH:MM:SS.xx` from a progress log line, in seconds. */
export function parseProgressTime(line: string): number | undefined {
  const match = /time=\s*(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(line);
  if (!match || match[1] === '-') return undefined;
  return Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4]);
}
