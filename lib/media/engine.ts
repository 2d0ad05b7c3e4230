import type { RepairPlan, RepairProbe } from './plan';

/** The engines, fastest first where the browser has them. */
export const ENGINE_IDS = ['webcodecs', 'ffmpeg-mt', 'ffmpeg'] as const;
export type EngineId = (typeof ENGINE_IDS)[number];

/** What decides which engine is fastest here. */
export interface EngineContext {
  /** The page is cross-origin isolated (SharedArrayBuffer for the multi-thread core). */
  isolated: boolean;
  cores: number;
}

/**
 * The order to try engines in. WebCodecs goes first for every job: a remux copies packets in plain JavaScript, and
 * a re-encode uses the browser's native decoder and H.264 encoder, which also scales the frames (libyuv) — 60 s of
 * 1080p30 took 12 s there against 39 s in the multi-thread ffmpeg core and 69 s in the single-thread one, on a
 * 2-core machine without a GPU (test/bench/repair-note.md). ffmpeg.wasm (no SIMD) remains the fallback for what the
 * browser cannot encode (AAC on Linux Chromium, for one); its multi-thread core only where the page is isolated.
 */
export function preferredOrder(_kind: WorkPlan['kind'], context: EngineContext): EngineId[] {
  return context.isolated && context.cores >= 2 ? ['webcodecs', 'ffmpeg-mt', 'ffmpeg'] : ['webcodecs', 'ffmpeg', 'ffmpeg-mt'];
}

/** Engines sorted by `preferredOrder`; engines not named keep their place at the end. */
export function sortEngines<E extends { id: EngineId }>(engines: readonly E[], order: readonly EngineId[]): E[] {
  const rank = (id: EngineId) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return [...engines].sort((a, b) => rank(a.id) - rank(b.id));
}

/** A plan that has work in it. */
export type WorkPlan = Extract<RepairPlan, { kind: 'remux' | 'reencode' }>;

export interface RunOptions {
  /** Share of the output written, 0–1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Why an engine will not take a job; the page explains each code. */
export interface Refusal {
  code: 'unavailable' | 'too_large' | 'codec';
  params: Readonly<Record<string, number | string>>;
}

/** One way of carrying out a plan in the browser. */
export interface RepairEngine {
  id: EngineId;
  /** Whether this browser and page can run the engine at all (WebCodecs present, page cross-origin isolated…). */
  available(): Promise<boolean>;
  /** A reason not to take this job (memory limit, codec the browser cannot encode), checked before work starts. */
  refuse(job: { probe: RepairProbe; plan: WorkPlan }): Promise<Refusal | undefined>;
  /** Produces the repaired MP4; rejects with the signal's reason when cancelled, after freeing what it held. */
  run(file: Blob, plan: WorkPlan, options: RunOptions): Promise<Blob>;
}

/**
 * Outputs are held in memory until downloaded (MEMFS for ffmpeg.wasm, an ArrayBuffer for WebCodecs) and copied once
 * on the way out, so 1 GiB of output is the most a tab can hold twice without the browser killing it.
 */
export const MAX_OUTPUT_BYTES = 1024 ** 3;
/** ffmpeg.wasm reads the input through WORKERFS, but its documented file limit is 2 GB. */
export const FFMPEG_MAX_INPUT_BYTES = 2 * 1024 ** 3;

/** Expected output size of a plan, for the memory check. */
export function expectedOutputBytes(probe: RepairProbe, plan: WorkPlan): number {
  if (plan.kind === 'remux') return plan.estimatedBytes;
  return plan.estimatedBytes ?? probe.size;
}

/** The shared memory check; engines add their own limits on top. */
export function memoryRefusal(probe: RepairProbe, plan: WorkPlan, maxInputBytes = Infinity): Refusal | undefined {
  const output = expectedOutputBytes(probe, plan);
  if (output > MAX_OUTPUT_BYTES) return { code: 'too_large', params: { bytes: output, max: MAX_OUTPUT_BYTES, what: 'output' } };
  if (probe.size > maxInputBytes) return { code: 'too_large', params: { bytes: probe.size, max: maxInputBytes, what: 'input' } };
  return undefined;
}

/** What each engine says about a job, in order of preference. */
export interface EngineChoice {
  engine: RepairEngine;
  refusal?: Refusal;
}

/** Asks every engine, in order, whether it can take the job; the first without a refusal is the one to use. */
export async function chooseEngines(
  engines: readonly RepairEngine[],
  job: { probe: RepairProbe; plan: WorkPlan },
): Promise<EngineChoice[]> {
  const out: EngineChoice[] = [];
  for (const engine of engines) {
    let refusal: Refusal | undefined;
    try {
      refusal = (await engine.available()) ? await engine.refuse(job) : { code: 'unavailable', params: {} };
    } catch (error) {
      refusal = { code: 'unavailable', params: { reason: error instanceof Error ? error.message : String(error) } };
    }
    out.push(refusal ? { engine, refusal } : { engine });
  }
  return out;
}

/** Raised when no engine could finish; carries each engine's failure. */
export class RepairFailedError extends Error {
  constructor(readonly failures: ReadonlyArray<{ engine: EngineId; message: string }>) {
    super(failures.map((f) => `${f.engine}: ${f.message}`).join('; ') || 'No engine can repair this video');
    this.name = 'RepairFailedError';
  }
}

export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError');
}

/**
 * Runs the plan with the first engine that accepts it and falls back to the next one when an engine fails (a
 * browser that claims H.264 encoding and then refuses a frame size, a decoder error). Cancelling stops at once and
 * does not fall back.
 */
export async function runWithFallback(
  choices: readonly EngineChoice[],
  file: Blob,
  plan: WorkPlan,
  options: RunOptions & { onEngine?: (id: EngineId, failures: ReadonlyArray<{ engine: EngineId; message: string }>) => void },
): Promise<{ blob: Blob; engine: EngineId; failures: Array<{ engine: EngineId; message: string }> }> {
  const failures: Array<{ engine: EngineId; message: string }> = [];
  for (const { engine, refusal } of choices) {
    if (refusal) continue;
    options.signal?.throwIfAborted();
    options.onEngine?.(engine.id, [...failures]);
    try {
      const blob = await engine.run(file, plan, options);
      return { blob, engine: engine.id, failures };
    } catch (error) {
      if (isAbort(error, options.signal)) throw options.signal?.reason ?? error;
      failures.push({ engine: engine.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new RepairFailedError(failures);
}
