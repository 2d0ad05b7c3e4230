import { ffmpegArgs, parseProgressTime } from '../ffmpeg-args';
import { FFMPEG_MAX_INPUT_BYTES, memoryRefusal, type RepairEngine, type RunOptions, type WorkPlan } from '../engine';

/** Where the page serves the ffmpeg.wasm files from; always local (the library otherwise fetches from a CDN). */
export interface FfmpegAssets {
  /** `@ffmpeg/ffmpeg`'s own worker, bundled by the page (WXT rewrites `import.meta.url`, so it is passed in). */
  classWorkerURL: string;
  coreURL: string;
  wasmURL: string;
  /** The multi-thread core's pthread worker. */
  workerURL?: string;
}

export interface FfmpegEngineOptions {
  /** Multi-thread core: needs SharedArrayBuffer, so a cross-origin isolated page. */
  multiThread: boolean;
  assets: FfmpegAssets;
  /** Defaults to the page's own state; injectable for tests of the choice logic. */
  isolated?: () => boolean;
}

const INPUT_DIR = '/input';
const INPUT_NAME = 'source';
const OUTPUT = '/repaired.mp4';
/** Log lines kept to explain a failed run. */
const LOG_TAIL = 12;

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The repair was cancelled', 'AbortError');
}

/**
 * ffmpeg compiled to WebAssembly (libx264 + native AAC), run in its own worker. The input is mounted with WORKERFS,
 * which reads slices of the `File` on demand instead of copying it into memory; the output lives in MEMFS until it is
 * read back. Cancelling terminates the worker, which frees the whole wasm heap at once.
 */
export function createFfmpegEngine(options: FfmpegEngineOptions): RepairEngine {
  const isolated = options.isolated ?? (() => globalThis.crossOriginIsolated === true);
  return {
    id: options.multiThread ? 'ffmpeg-mt' : 'ffmpeg',
    async available() {
      return typeof WebAssembly !== 'undefined' && typeof Worker !== 'undefined';
    },
    async refuse({ probe, plan }) {
      // Said apart from "unavailable": a Chromium that drops the manifest's isolation keys is a fact worth naming.
      if (options.multiThread && !(isolated() && typeof SharedArrayBuffer !== 'undefined')) {
        return { code: 'unavailable', params: { reason: 'isolation' } };
      }
      return memoryRefusal(probe, plan, FFMPEG_MAX_INPUT_BYTES);
    },
    run(file, plan, runOptions) {
      return runFfmpeg(options, file, plan, runOptions);
    },
  };
}

async function runFfmpeg(options: FfmpegEngineOptions, file: Blob, plan: WorkPlan, { onProgress, signal }: RunOptions): Promise<Blob> {
  signal?.throwIfAborted();
  const { FFmpeg } = await import('@ffmpeg/ffmpeg');
  const ffmpeg = new FFmpeg();
  const tail: string[] = [];
  const duration = plan.durationSec;
  ffmpeg.on('log', ({ message }) => {
    tail.push(message);
    if (tail.length > LOG_TAIL) tail.shift();
    const time = parseProgressTime(message);
    if (time !== undefined && duration !== undefined && duration > 0) onProgress?.(Math.min(1, time / duration));
  });
  let stop: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    stop = () => {
      // Terminating the worker is the only way to stop a running exec, and it drops the wasm heap and MEMFS with it.
      ffmpeg.terminate();
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
  aborted.catch(() => undefined);
  const step = <T>(work: Promise<T>): Promise<T> => Promise.race([work, aborted]);
  try {
    const { assets } = options;
    await step(
      ffmpeg.load({
        classWorkerURL: assets.classWorkerURL,
        coreURL: assets.coreURL,
        wasmURL: assets.wasmURL,
        ...(options.multiThread && assets.workerURL ? { workerURL: assets.workerURL } : {}),
      }),
    );
    await step(ffmpeg.createDir(INPUT_DIR));
    // The package declares its FFFSType enum but does not export it; the worker only compares the string.
    const workerfs = 'WORKERFS' as Parameters<typeof ffmpeg.mount>[0];
    const mounted = await step(ffmpeg.mount(workerfs, { blobs: [{ name: INPUT_NAME, data: file }] }, INPUT_DIR));
    if (!mounted) throw new Error('This ffmpeg build cannot mount WORKERFS');
    const code = await step(ffmpeg.exec(ffmpegArgs(plan, `${INPUT_DIR}/${INPUT_NAME}`, OUTPUT)));
    if (code !== 0) throw new Error(`ffmpeg exited with code ${code}: ${tail.slice(-4).join(' | ')}`);
    const data = await step(ffmpeg.readFile(OUTPUT));
    if (typeof data === 'string' || data.byteLength === 0) throw new Error('ffmpeg produced no output');
    onProgress?.(1);
    return new Blob([data as Uint8Array<ArrayBuffer>], { type: 'video/mp4' });
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    throw error;
  } finally {
    if (stop) signal?.removeEventListener('abort', stop);
    ffmpeg.terminate();
  }
}
