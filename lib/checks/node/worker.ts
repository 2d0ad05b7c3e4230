/**
 * The Node twin of lib/checks/worker.ts, run in a worker_thread by ./pool.ts: files come as paths (opened with a
 * file handle, so sizes over 4 GiB are right), blobs or bytes.
 */
import { parentPort } from 'node:worker_threads';
import type { ByteSource } from '../source';
import { openInMemory, runInspectJob, type InspectRequest } from '../worker-protocol';
import { FileSource } from './file-source';

async function openSource(source: InspectRequest['source']): Promise<ByteSource & { close?: () => Promise<void> }> {
  if (!(source instanceof Uint8Array) && !(source instanceof Blob) && 'path' in source) return FileSource.open(source.path);
  return openInMemory(source);
}

parentPort?.on('message', (request: InspectRequest) => {
  if (request?.type !== 'inspect') return;
  void runInspectJob(request, openSource, (reply) => parentPort!.postMessage(reply));
});
