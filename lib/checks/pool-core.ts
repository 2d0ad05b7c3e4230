/**
 * The scheduling half of the check pool, shared by the browser pool (dedicated Workers) and its Node twin
 * (worker_threads): a queue, N workers, and the hard bounds. The bounds are enforced from *outside* the worker:
 * a job that runs past its time budget — even in the middle of synchronous work, where no timer inside the
 * worker could fire — or past its memory budget has its worker terminated; the file gets an `unreadable`
 * finding saying why, and a fresh worker takes the next job.
 */
import type { Inspection } from './inspect';
import { makeFinding } from './messages';
import type { InspectRequest, WorkerReply } from './worker-protocol';

/** Default hard time budget per file. Header checks take milliseconds; a 100 MB document.xml about half a second. */
export const DEFAULT_POOL_TIMEOUT_MS = 5000;
/**
 * The worker's own cooperative bound fires at the budget; the hard one this much later. A worker that answers by
 * itself keeps running (no respawn); only one stuck in synchronous work is terminated.
 */
export const HARD_BOUND_GRACE_MS = 250;
/** Most workers a pool starts: checks read little and parse fast, so more than this only costs memory. */
export const MAX_POOL_SIZE = 4;

/** How a worker failed other than by answering. */
export type WorkerFailure = { kind: 'memory'; mb: number } | { kind: 'crash'; reason: string };

/** A running worker as the pool core sees it. */
export interface WorkerPort {
  post(request: InspectRequest): void;
  terminate(): void;
}

/** Starts a worker; it reports messages and failures through the handlers. */
export type SpawnWorker = (handlers: { message: (reply: WorkerReply) => void; failure: (failure: WorkerFailure) => void }) => WorkerPort;

/** Progress of one file: bytes read so far out of its size. */
export interface PoolProgress {
  bytesRead: number;
  size: number;
}

export interface PoolInspectOptions {
  signal?: AbortSignal;
  onProgress?: (progress: PoolProgress) => void;
  /** Hard time budget for this file; default DEFAULT_POOL_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** A pool of check workers. `inspect` never rejects for a bad file, only when `signal` aborts or the pool is disposed. */
export interface CheckPool<S = Blob> {
  inspect(source: S, name: string, options?: PoolInspectOptions): Promise<Inspection>;
  /** Terminates every worker; pending and running jobs reject with an AbortError. */
  dispose(): void;
  /** Number of workers the pool runs at most. */
  readonly size: number;
  /** What the pool has done, for tests and benchmarks. */
  readonly stats: PoolStats;
}

export interface PoolStats {
  spawned: number;
  terminated: { timeout: number; memory: number; crash: number; abort: number };
}

export interface PoolCoreOptions<S> {
  size: number;
  spawn: SpawnWorker;
  /** Turns a caller's source into what is posted (a Blob as is; a path in Node) and its size for progress. */
  prepare: (source: S) => Promise<{ source: InspectRequest['source']; size: number }>;
  now?: () => number;
}

/** Pool size from the number of cores, at least 1 and at most MAX_POOL_SIZE. */
export function poolSizeFor(hardwareConcurrency: number | undefined): number {
  const cores = Number.isFinite(hardwareConcurrency) && hardwareConcurrency! > 0 ? Math.floor(hardwareConcurrency!) : 2;
  return Math.max(1, Math.min(MAX_POOL_SIZE, cores));
}

interface Job {
  id: number;
  name: string;
  request?: InspectRequest;
  size: number;
  timeoutMs: number;
  options: PoolInspectOptions;
  resolve: (inspection: Inspection) => void;
  reject: (error: unknown) => void;
  detected?: Inspection['detected'];
  bytesRead: number;
  startedAt?: number;
  cleanup: () => void;
}

interface Slot {
  port: WorkerPort;
  job?: Job;
  timer?: ReturnType<typeof setTimeout>;
  dead: boolean;
}

function abortError(signal: AbortSignal | undefined, message: string): unknown {
  return signal?.reason ?? new DOMException(message, 'AbortError');
}

/** An Inspection for a file whose worker had to be stopped: what is known (type, bytes read) plus the reason. */
function stoppedInspection(job: Job, finding: Inspection['findings'][number], elapsed: number): Inspection {
  return {
    name: job.name,
    size: job.size,
    // detect.ts would pull the ZIP reader into the page's bundle for one string.
    detected: job.detected ?? { type: 'unknown', mime: 'application/octet-stream' },
    findings: [finding],
    stats: { bytesRead: job.bytesRead, reads: 0, ms: elapsed },
  };
}

export function createPoolCore<S>(options: PoolCoreOptions<S>): CheckPool<S> {
  const now = options.now ?? Date.now;
  const size = Math.max(1, Math.floor(options.size));
  const queue: Job[] = [];
  const slots: Slot[] = [];
  const stats: PoolStats = { spawned: 0, terminated: { timeout: 0, memory: 0, crash: 0, abort: 0 } };
  let nextId = 1;
  let disposed = false;

  const spawnSlot = (): Slot => {
    const slot: Slot = { port: undefined as unknown as WorkerPort, dead: false };
    slot.port = options.spawn({
      message: (reply) => onReply(slot, reply),
      failure: (failure) => onFailure(slot, failure),
    });
    stats.spawned++;
    slots.push(slot);
    return slot;
  };

  const kill = (slot: Slot, why: keyof PoolStats['terminated']): void => {
    if (slot.dead) return;
    slot.dead = true;
    clearTimeout(slot.timer);
    stats.terminated[why]++;
    try {
      slot.port.terminate();
    } catch {
      // already gone
    }
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
  };

  const finish = (slot: Slot, job: Job): void => {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (slot.job === job) slot.job = undefined;
    job.cleanup();
  };

  const onReply = (slot: Slot, reply: WorkerReply): void => {
    const job = slot.job;
    if (slot.dead || !job || reply.id !== job.id) return;
    switch (reply.type) {
      case 'progress':
        job.bytesRead = reply.bytesRead;
        job.options.onProgress?.({ bytesRead: reply.bytesRead, size: job.size });
        break;
      case 'detected':
        job.detected = reply.detected;
        break;
      case 'done':
        finish(slot, job);
        job.options.onProgress?.({ bytesRead: reply.inspection.stats.bytesRead, size: job.size });
        job.resolve(reply.inspection);
        pump();
        break;
    }
  };

  const onFailure = (slot: Slot, failure: WorkerFailure): void => {
    if (slot.dead) return;
    const job = slot.job;
    kill(slot, failure.kind === 'memory' ? 'memory' : 'crash');
    if (job) {
      finish(slot, job);
      const finding =
        failure.kind === 'memory'
          ? makeFinding('check_memory', 'unreadable', { mb: failure.mb })
          : makeFinding('check_worker_failed', 'unreadable', { reason: failure.reason });
      job.resolve(stoppedInspection(job, finding, now() - (job.startedAt ?? now())));
    }
    pump();
  };

  const start = (slot: Slot, job: Job): void => {
    slot.job = job;
    job.startedAt = now();
    slot.timer = setTimeout(() => {
      if (slot.job !== job) return;
      kill(slot, 'timeout');
      finish(slot, job);
      const seconds = Math.round(job.timeoutMs / 100) / 10;
      job.resolve(stoppedInspection(job, makeFinding('check_timeout', 'unreadable', { seconds }), now() - job.startedAt!));
      pump();
    }, job.timeoutMs + HARD_BOUND_GRACE_MS);
    slot.port.post(job.request!);
  };

  function pump(): void {
    if (disposed) return;
    while (queue.length > 0) {
      const ready = queue.findIndex((j) => j.request !== undefined);
      if (ready < 0) return;
      let slot = slots.find((s) => !s.job && !s.dead);
      if (!slot) {
        if (slots.length >= size) return;
        slot = spawnSlot();
      }
      const [job] = queue.splice(ready, 1);
      start(slot, job!);
    }
  }

  return {
    size,
    stats,
    inspect(source, name, jobOptions = {}) {
      const { signal } = jobOptions;
      if (disposed) return Promise.reject(new DOMException('The check pool was disposed', 'AbortError'));
      if (signal?.aborted) return Promise.reject(abortError(signal, 'The check was aborted'));
      return new Promise<Inspection>((resolve, reject) => {
        const job: Job = {
          id: nextId++,
          name,
          size: 0,
          timeoutMs: jobOptions.timeoutMs ?? DEFAULT_POOL_TIMEOUT_MS,
          options: jobOptions,
          resolve,
          reject,
          bytesRead: 0,
          cleanup: () => signal?.removeEventListener('abort', onAbort),
        };
        const onAbort = (): void => {
          const queued = queue.indexOf(job);
          if (queued >= 0) queue.splice(queued, 1);
          const slot = slots.find((s) => s.job === job);
          if (slot) {
            kill(slot, 'abort');
            finish(slot, job);
          } else {
            job.cleanup();
          }
          reject(abortError(signal, 'The check was aborted'));
          // After every listener of this abort has run: one signal usually cancels a whole batch, and the next
          // queued job should not get a fresh worker only to be cancelled by the next listener.
          queueMicrotask(pump);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(job);
        options.prepare(source).then(
          (prepared) => {
            if (!queue.includes(job)) return;
            job.size = prepared.size;
            job.request = { type: 'inspect', id: job.id, source: prepared.source, name, timeoutMs: job.timeoutMs };
            pump();
          },
          (error: unknown) => {
            const i = queue.indexOf(job);
            if (i < 0) return;
            queue.splice(i, 1);
            job.cleanup();
            const reason = error instanceof Error ? error.message : String(error);
            resolve(stoppedInspection(job, makeFinding('check_error', 'unreadable', { reason }), 0));
          },
        );
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      const error = new DOMException('The check pool was disposed', 'AbortError');
      for (const slot of [...slots]) {
        const job = slot.job;
        kill(slot, 'abort');
        if (job) {
          finish(slot, job);
          job.reject(error);
        }
      }
      for (const job of queue.splice(0)) {
        job.cleanup();
        job.reject(error);
      }
    },
  };
}
