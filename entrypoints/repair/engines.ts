import classWorkerURL from '@ffmpeg/ffmpeg/worker?worker&url';
import { ffmpegCoreFor } from '@/lib/browser-floor';
import type { EngineContext, RepairEngine } from '@/lib/media/engine';
import { createFfmpegEngine } from '@/lib/media/engines/ffmpeg';
import { createWebCodecsEngine } from '@/lib/media/engines/webcodecs';

/** The core is copied into the build by wxt.config.ts; its URLs are resolved against the page, never a CDN. */
function local(path: string): string {
  return new URL(path, globalThis.location.href).href;
}

/**
 * WebCodecs and the one ffmpeg.wasm core this build ships (multi-thread in Chromium, single-thread in Firefox); the
 * page orders them per job with `preferredOrder`.
 */
export function createEngines(core = ffmpegCoreFor(import.meta.env.BROWSER)): RepairEngine[] {
  const ffmpeg = core === 'mt'
    ? createFfmpegEngine({
      multiThread: true,
      assets: {
        classWorkerURL,
        coreURL: local('/ffmpeg/mt/ffmpeg-core.js'),
        wasmURL: local('/ffmpeg/mt/ffmpeg-core.wasm'),
        workerURL: local('/ffmpeg/mt/ffmpeg-core.worker.js'),
      },
    })
    : createFfmpegEngine({
      multiThread: false,
      assets: { classWorkerURL, coreURL: local('/ffmpeg/st/ffmpeg-core.js'), wasmURL: local('/ffmpeg/st/ffmpeg-core.wasm') },
    });
  return [createWebCodecsEngine(), ffmpeg];
}

/** What the page knows about this browser when ordering engines. */
export async function engineContext(): Promise<EngineContext> {
  return {
    isolated: globalThis.crossOriginIsolated === true,
    cores: globalThis.navigator?.hardwareConcurrency ?? 1,
  };
}
