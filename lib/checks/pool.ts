/**
 * The check worker pool for extension pages (预检, the panel iframe, 批量预检): dedicated Workers of the
 * extension's origin, several files at once, cancellable, with progress and a hard time and memory bound.
 *
 *   const pool = createCheckPool();
 *   const inspection = await pool.inspect(file, file.name, { signal, onProgress: ({ bytesRead, size }) => … });
 *   pool.dispose();
 *
 * Bounds, and who enforces them:
 * - Time: from outside. The pool terminates a worker whose job passes `timeoutMs` (+ a short grace), even in the
 *   middle of synchronous parsing; the file gets `check_timeout` (unreadable) and a new worker takes the next job.
 * - Memory: by construction — every parser works under the caps of lib/checks/limits.ts (bytes read, bytes
 *   inflated, boxes, entries, nesting), so no file can make a check hold more than a few tens of MB. Browsers
 *   offer no outside reading that could stop a worker in time: Chromium's `performance.memory` does not exist in
 *   dedicated workers (checked in Chromium 156), and `performance.measureUserAgentSpecificMemory` answers only
 *   after a garbage collection, up to 20 s later. The Node twin adds V8's own heap limit (resourceLimits).
 * A content script cannot start a Worker of the extension's origin; it hands the File to the panel iframe, which
 * owns a pool.
 */
import { createPoolCore, poolSizeFor, type CheckPool, type WorkerFailure } from './pool-core';
import type { InspectRequest, WorkerReply } from './worker-protocol';

export { DEFAULT_POOL_TIMEOUT_MS, poolSizeFor, type CheckPool, type PoolInspectOptions, type PoolProgress } from './pool-core';

export interface CheckPoolOptions {
  /** Workers at most; default from navigator.hardwareConcurrency, capped at 4. */
  size?: number;
  /** For tests: how a worker is started. */
  createWorker?: () => Worker;
}

function defaultWorker(): Worker {
  // Vite (WXT) sees this exact pattern and bundles worker.ts as its own chunk of the extension.
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'submit-helper-check' });
}

/** A pool of dedicated check workers; files are posted as structured clones (no copy of the bytes). */
export function createCheckPool(options: CheckPoolOptions = {}): CheckPool<Blob> {
  const createWorker = options.createWorker ?? defaultWorker;
  return createPoolCore<Blob>({
    size: options.size ?? poolSizeFor(globalThis.navigator?.hardwareConcurrency),
    prepare: async (blob) => ({ source: blob, size: blob.size }),
    spawn: ({ message, failure }) => {
      const worker = createWorker();
      worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => message(event.data));
      worker.addEventListener('error', (event: ErrorEvent) => {
        event.preventDefault();
        failure(crash(event.message || 'worker error'));
      });
      worker.addEventListener('messageerror', () => failure(crash('a message could not be read')));
      return {
        post: (request: InspectRequest) => worker.postMessage(request),
        terminate: () => worker.terminate(),
      };
    },
  });
}

function crash(reason: string): WorkerFailure {
  return { kind: 'crash', reason };
}
