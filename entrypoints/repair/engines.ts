import classWorkerURL from '@ffmpeg/ffmpeg/worker?worker&url';
import { ENGINE_IDS, type EngineContext, type EngineId, type RepairEngine } from '@/lib/media/engine';
import { createFfmpegEngine } from '@/lib/media/engines/ffmpeg';
import { createWebCodecsEngine } from '@/lib/media/engines/webcodecs';

/** The cores are copied into the build by wxt.config.ts; their URLs are resolved against the page, never a CDN. */
function local(path: string): string {
  return new URL(path, globalThis.location.href).href;
}

/** All engines; the page orders them per job with `preferredOrder`. */
export function createEngines(): RepairEngine[] {
  const all: Record<EngineId, RepairEngine> = {
    webcodecs: createWebCodecsEngine(),
    'ffmpeg-mt': createFfmpegEngine({
      multiThread: true,
      assets: {
        classWorkerURL,
        coreURL: local('/ffmpeg/mt/ffmpeg-core.js'),
        wasmURL: local('/ffmpeg/mt/ffmpeg-core.wasm'),
        workerURL: local('/ffmpeg/mt/ffmpeg-core.worker.js'),
      },
    }),
    ffmpeg: createFfmpegEngine({
      multiThread: false,
      assets: { classWorkerURL, coreURL: local('/ffmpeg/st/ffmpeg-core.js'), wasmURL: local('/ffmpeg/st/ffmpeg-core.wasm') },
    }),
  };
  return ENGINE_IDS.map((id) => all[id]);
}

/** What the page knows about this browser when ordering engines. */
export async function engineContext(): Promise<EngineContext> {
  return {
    isolated: globalThis.crossOriginIsolated === true,
    cores: globalThis.navigator?.hardwareConcurrency ?? 1,
  };
}
