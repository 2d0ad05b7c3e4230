/**
 * The Node twin of lib/checks/worker.ts, run in a worker_thread by ./pool.ts: files come as paths (opened with a
 * file handle, so sizes over 4 GiB are right), blobs or bytes.
 */
import { parentPort } from 'node:worker_threads';
import { Log } from 'mp4box';
import { type ByteSource, rangeOf } from '../source';
import { openInMemory, runInspectJob, type InspectRequest } from '../worker-protocol';
import { FileSource } from './file-source';

async function openSource(source: InspectRequest['source']): Promise<ByteSource & { close?: () => Promise<void> }> {
  if (!(source instanceof Uint8Array) && !(source instanceof Blob) && 'path' in source) {
    const file = await FileSource.open(source.path);
    if (source.offset === undefined) return file;
    return Object.assign(rangeOf(file, source.offset, source.size ?? file.size - source.offset), { close: () => file.close() });
  }
  return openInMemory(source);
}

/**
 * A worker's console writes to the command's stderr, so libraries' own logging (mp4box prints
 * "[BoxParser] Invalid box type" for a damaged box, which the engine reports in words) would leak into the
 * output. The worker speaks only through its replies: mp4box's logger keeps forwarding errors to a file's
 * `onError` but prints nothing, and the console is muted for any other library.
 */
function silence(): void {
  const quiet = () => {};
  Object.assign(Log, {
    debug: quiet,
    log: quiet,
    info: quiet,
    warn: quiet,
    error: (module: string, message: string, isofile?: { onError?: (module: string, message: string) => void }) => isofile?.onError?.(module, message),
  });
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[level] = quiet;
}
silence();

parentPort?.on('message', (request: InspectRequest) => {
  if (request?.type !== 'inspect') return;
  void runInspectJob(request, openSource, (reply) => parentPort!.postMessage(reply));
});
