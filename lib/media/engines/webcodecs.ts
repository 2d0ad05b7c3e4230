import type { Conversion } from 'mediabunny';
import { KEYFRAME_SECONDS } from '../ffmpeg-args';
import { memoryRefusal, type RepairEngine, type RunOptions, type WorkPlan } from '../engine';

type Mediabunny = typeof import('mediabunny');

const FIT = { fill: 'fill', pad: 'contain', crop: 'cover' } as const;

/** Loaded on first use: the library touches browser globals and the page should open before it is parsed. */
let library: Promise<Mediabunny> | undefined;
const load = (): Promise<Mediabunny> => (library ??= import('mediabunny'));

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The repair was cancelled', 'AbortError');
}

/**
 * The browser's own codecs through WebCodecs, driven by mediabunny: it demuxes MP4/MOV/MKV/WebM, decodes with
 * `VideoDecoder`, resamples to a constant frame rate, scales, encodes H.264 with `VideoEncoder` and writes an MP4
 * with the index first. A remux needs no codec at all (packets are copied), so it works in every browser.
 * Chromium on Linux has no AAC encoder in WebCodecs, so sound is kept as it is when it already is AAC and the job
 * is refused (ffmpeg takes it) when it would have to be re-encoded.
 */
export function createWebCodecsEngine(): RepairEngine {
  return {
    id: 'webcodecs',
    async available() {
      try {
        await load();
        return true;
      } catch {
        return false;
      }
    },
    async refuse({ probe, plan }) {
      const memory = memoryRefusal(probe, plan);
      if (memory) return memory;
      if (plan.kind === 'remux') return undefined;
      if (typeof VideoEncoder === 'undefined' || typeof VideoDecoder === 'undefined') {
        return { code: 'unavailable', params: { reason: 'WebCodecs' } };
      }
      const { canEncodeVideo, canEncodeAudio } = await load();
      const video = await canEncodeVideo('avc', { width: plan.width, height: plan.height, bitrate: plan.videoBitrate, frameRate: plan.fps });
      if (!video) return { code: 'codec', params: { codec: 'H.264' } };
      if (plan.audio === 'encode' && !(await canEncodeAudio('aac', { numberOfChannels: 2, sampleRate: 48000, bitrate: plan.audioBitrate }))) {
        return { code: 'codec', params: { codec: 'AAC' } };
      }
      return undefined;
    },
    async run(file, plan, options) {
      return convert(await load(), file, plan, options);
    },
  };
}

async function convert(mb: Mediabunny, file: Blob, plan: WorkPlan, { onProgress, signal }: RunOptions): Promise<Blob> {
  signal?.throwIfAborted();
  const input = new mb.Input({ source: new mb.BlobSource(file), formats: mb.ALL_FORMATS });
  const target = new mb.BufferTarget();
  const output = new mb.Output({ format: new mb.Mp4OutputFormat({ fastStart: 'in-memory' }), target });
  let conversion: Conversion | undefined;
  const onAbort = (): void => void conversion?.cancel();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (plan.kind === 'remux') {
      conversion = await mb.Conversion.init({
        input,
        output,
        tracks: 'primary',
        copy: { mode: 'forced' },
        showWarnings: false,
      });
    } else {
      const video = (await input.getPrimaryVideoTrack())!;
      const resize = (await video.getDisplayWidth()) !== plan.width || (await video.getDisplayHeight()) !== plan.height;
      conversion = await mb.Conversion.init({
        input,
        output,
        tracks: 'primary',
        video: {
          // Frames at their own size go straight to the encoder; a resize draws every frame on a canvas, which
          // without a GPU costs more than decoding and encoding together (the planner keeps sizes that comply).
          // A portrait picture in a landscape frame: `contain` draws it centred with black bars, `cover` fills the
          // frame and cuts the rest, the same geometry as ffmpeg's pad/crop filters (lib/media/ffmpeg-args.ts).
          ...(resize ? { width: plan.width, height: plan.height, fit: FIT[plan.frame?.mode ?? 'fill'] } : {}),
          frameRate: plan.fps,
          codec: 'avc',
          bitrate: plan.videoBitrate,
          keyFrameInterval: KEYFRAME_SECONDS,
          forceTranscode: true,
          // Rotation is baked into the frames so the stored size is the display size the rules check.
          allowTransformationMetadata: false,
        },
        audio:
          plan.audio === 'none'
            ? { discard: true }
            : plan.audio === 'copy'
              ? { codec: 'aac' }
              : { codec: 'aac', bitrate: plan.audioBitrate, numberOfChannels: 2, forceTranscode: true },
        ...(plan.trim ? { trim: { start: plan.trim.startSec, end: plan.trim.endSec } } : {}),
        showWarnings: false,
      });
    }
    if (signal?.aborted) throw abortReason(signal);
    const lostVideo = conversion.discardedTracks.find((d) => d.track.type === 'video' && d.reason !== 'discarded_by_user');
    if (!conversion.isValid || lostVideo) {
      const reasons = conversion.discardedTracks.map((d) => `${d.track.type}: ${d.reason}`).join(', ');
      throw new Error(`This browser cannot convert this video (${reasons || 'no usable track'})`);
    }
    const lostAudio = plan.kind === 'reencode' && plan.audio !== 'none'
      ? conversion.discardedTracks.find((d) => d.track.type === 'audio' && d.reason !== 'discarded_by_user')
      : undefined;
    // Silently dropping the sound would hand the teacher a broken recording; ffmpeg can keep it.
    if (lostAudio) throw new Error(`This browser cannot keep the sound (${lostAudio.reason})`);
    conversion.onProgress = (fraction) => onProgress?.(fraction);
    await conversion.execute();
    if (!target.buffer) throw new Error('The converter produced no output');
    onProgress?.(1);
    return new Blob([target.buffer], { type: 'video/mp4' });
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    input.dispose();
  }
}
