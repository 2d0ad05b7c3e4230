/**
 * What the check pool and its workers say to each other, and the job a worker runs. Shared by the browser's
 * dedicated worker (worker.ts) and the Node twin (node/worker.ts): only how bytes are opened differs.
 */
import { inspectFile, type Inspection } from './inspect';
import { makeFinding } from './messages';
import type { ByteSource } from './source';

/** Ask a worker to inspect one file. `source` is a Blob/File (structured clone: no copy of the bytes) or a path. */
export interface InspectRequest {
  type: 'inspect';
  id: number;
  /** A path may name a range of the file: an archive member stored unchanged at `offset`, `size` bytes long. */
  source: Blob | Uint8Array | { path: string; offset?: number; size?: number };
  name: string;
  /** The worker's own cooperative bound; the pool enforces a hard one a little later by terminating it. */
  timeoutMs: number;
}

/** Messages from a worker. */
export type WorkerReply =
  | { type: 'progress'; id: number; bytesRead: number }
  | { type: 'detected'; id: number; detected: Inspection['detected'] }
  | { type: 'done'; id: number; inspection: Inspection };

/** At most one progress message per this many ms: a header check reads a handful of ranges; a DOCX, hundreds. */
export const PROGRESS_INTERVAL_MS = 50;

/**
 * Runs one request and posts what happens. Never throws: inspectFile turns every failure into findings, and a
 * failure to open the source becomes a `check_error` inspection here.
 */
export async function runInspectJob(
  request: InspectRequest,
  open: (source: InspectRequest['source']) => Promise<ByteSource & { close?: () => Promise<void> }>,
  post: (reply: WorkerReply) => void,
  options: { now?: () => number } = {},
): Promise<void> {
  const now = options.now ?? Date.now;
  const { id } = request;
  let lastProgress = 0;
  let source: (ByteSource & { close?: () => Promise<void> }) | undefined;
  try {
    source = await open(request.source);
    const inspection = await inspectFile(source, request.name, {
      timeoutMs: request.timeoutMs,
      onDetected: (detected) => post({ type: 'detected', id, detected }),
      onRead: (bytesRead) => {
        const t = now();
        if (t - lastProgress < PROGRESS_INTERVAL_MS) return;
        lastProgress = t;
        post({ type: 'progress', id, bytesRead });
      },
    });
    post({ type: 'done', id, inspection });
  } catch (error) {
    // Only opening can land here (inspectFile itself never throws without an abort signal).
    const reason = error instanceof Error ? error.message : String(error);
    post({
      type: 'done',
      id,
      inspection: {
        name: request.name,
        size: source?.size ?? 0,
        detected: { type: 'unknown', mime: 'application/octet-stream' },
        findings: [makeFinding('check_error', 'unreadable', { reason })],
        stats: { bytesRead: 0, reads: 0, ms: 0 },
      },
    });
  } finally {
    await source?.close?.().catch(() => undefined);
  }
}

/** Opens what a browser worker can receive: a Blob/File, or bytes. */
export async function openInMemory(source: InspectRequest['source']): Promise<ByteSource> {
  if (source instanceof Blob) return source;
  if (source instanceof Uint8Array) return new Blob([source as Uint8Array<ArrayBuffer>]);
  throw new Error('a browser worker cannot open a path');
}
