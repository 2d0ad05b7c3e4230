/**
 * The browser's check worker: one file at a time, posted by lib/checks/pool.ts. It runs nothing but the checks,
 * so terminating it (the pool's hard bound) loses nothing else.
 */
import { openInMemory, runInspectJob, type InspectRequest, type WorkerReply } from './worker-protocol';

const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<InspectRequest>) => void) | null; postMessage: (reply: WorkerReply) => void };

scope.onmessage = (event) => {
  if (event.data?.type !== 'inspect') return;
  void runInspectJob(event.data, openInMemory, (reply) => scope.postMessage(reply));
};
