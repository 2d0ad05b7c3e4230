/**
 * The Node twin of lib/checks/pool.ts for the batch command and the fuzz harness: the same scheduling and bounds
 * (lib/checks/pool-core.ts), over worker_threads.
 *
 * Bounds: time from outside (terminate past the budget, as in the browser); memory from outside through
 * worker_threads' `resourceLimits` (a worker whose JS heap passes `memoryMb` is stopped by V8 with
 * ERR_WORKER_OUT_OF_MEMORY and its file gets `check_memory`), and by construction for ArrayBuffers, which V8
 * does not count in that heap (the caps of lib/checks/limits.ts).
 *
 * The worker's TypeScript is bundled with esbuild once per process, in memory, and started with `eval`: the
 * command runs from source (vite-node), and a worker thread cannot use vite-node's module runner.
 */
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createPoolCore, poolSizeFor, type CheckPool, type SpawnWorker, type WorkerPort } from '../pool-core';
import type { InspectRequest, WorkerReply } from '../worker-protocol';
import { DiskFile } from './file-source';

/** JS heap a check worker may use; V8 stops it past this. Every parser stays far below (see limits.ts). */
export const DEFAULT_WORKER_MEMORY_MB = 128;

/** A file for the Node pool: a path or DiskFile (opened by the worker), a Blob, or bytes in memory (copied). */
export type NodeCheckSource = string | DiskFile | Blob | Uint8Array;

export interface NodeCheckPoolOptions {
  size?: number;
  memoryMb?: number;
}

let bundled: Promise<string> | undefined;

/** The worker's code, bundled once per process. */
export function workerBundle(): Promise<string> {
  bundled ??= import('esbuild')
    .then(({ build }) =>
      build({
        entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        write: false,
        logLevel: 'silent',
        legalComments: 'none',
      }),
    )
    .then((result) => result.outputFiles[0]!.text);
  return bundled;
}

export async function createNodeCheckPool(options: NodeCheckPoolOptions = {}): Promise<CheckPool<NodeCheckSource>> {
  const code = await workerBundle();
  const memoryMb = options.memoryMb ?? DEFAULT_WORKER_MEMORY_MB;
  return createPoolCore<NodeCheckSource>({
    size: options.size ?? poolSizeFor(availableParallelism()),
    prepare: async (source) => {
      if (typeof source === 'string') return { source: { path: source }, size: (await stat(source)).size };
      if (source instanceof DiskFile) {
        const range = source.offset > 0 ? { offset: source.offset, size: source.size } : {};
        return { source: { path: source.path, ...range }, size: source.size };
      }
      // Bytes are copied into the worker (structured clone); a Blob is shared.
      return { source, size: source instanceof Blob ? source.size : source.length };
    },
    spawn: (handlers) => spawnNodeWorker(code, memoryMb, handlers),
  });
}

/** Starts one worker_thread running `code` under the heap limit; exported for the pool's own tests. */
export function spawnNodeWorker(code: string, memoryMb: number, { message, failure }: Parameters<SpawnWorker>[0]): WorkerPort {
  const worker = new Worker(code, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(32, memoryMb), stackSizeMb: 4 },
  });
  let gone = false;
  worker.on('message', (reply: WorkerReply) => message(reply));
  worker.on('error', (error: Error & { code?: string }) => {
    if (gone) return;
    gone = true;
    failure(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory', mb: memoryMb } : { kind: 'crash', reason: error.message });
  });
  worker.on('exit', (exitCode) => {
    if (gone) return;
    gone = true;
    failure({ kind: 'crash', reason: `the worker exited with code ${exitCode}` });
  });
  return {
    post: (request: InspectRequest) => worker.postMessage(request),
    terminate: () => {
      gone = true;
      void worker.terminate();
    },
  };
}
