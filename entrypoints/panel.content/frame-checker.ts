/**
 * The page side of on-site file checks: a chosen File goes to the panel frame (by postMessage to the frame's window,
 * target origin the extension's), whose bounded worker pool reads it; the verdict comes back over the port. Nothing
 * is parsed on the page's main thread.
 */

import type { FileCheck } from '@/lib/guard';
import { CHECK_CHANNEL, type CheckRequest, type ToPage } from '@/lib/panel/protocol';
import type { SiteId, Slot } from '@/lib/rules/schema';

/**
 * How long a file may wait for its verdict: the pool bounds each check at a few seconds, but files queue behind
 * each other (a folder of 40 chosen at once) and the frame may be reloading.
 */
const VERDICT_TIMEOUT_MS = 120_000;

interface Waiting {
  request: Omit<CheckRequest, 'key'>;
  resolve: (check: FileCheck) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class FrameChecker {
  private key: string | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(private readonly frameWindow: () => Window | null, private readonly origin: string) {}

  check = (file: File, slot: Slot | undefined, route: SiteId): Promise<FileCheck> => {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.settle(id, new Error('The panel did not answer in time')), VERDICT_TIMEOUT_MS);
      const request = { channel: CHECK_CHANNEL, id, file, slot, route } as const;
      this.waiting.set(id, { request, resolve, reject, timer });
      this.post(request);
    });
  };

  /** `checkKey` (a new frame connected: send what is waiting again) and `checked` from the port. */
  receive(message: Extract<ToPage, { kind: 'checkKey' | 'checked' }>): void {
    if (message.kind === 'checkKey') {
      this.key = message.key;
      for (const { request } of this.waiting.values()) this.post(request);
      return;
    }
    if (message.ok) this.settle(message.id, undefined, message.check);
    else this.settle(message.id, new Error(message.error));
  }

  private post(request: Omit<CheckRequest, 'key'>): void {
    const win = this.frameWindow();
    if (!this.key || !win) return;
    win.postMessage({ ...request, key: this.key } satisfies CheckRequest, this.origin);
  }

  private settle(id: number, error: Error | undefined, check?: FileCheck): void {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    this.waiting.delete(id);
    clearTimeout(waiting.timer);
    if (error) waiting.reject(error);
    else waiting.resolve(check!);
  }
}
