/**
 * The frame's side of the link to its content script: the latest page and guard views as a store for React, and
 * the commands and requests the panel sends. Holds no personal data itself; the frame's features do.
 */

import type { FieldInfo, TaughtMapping } from '@/lib/autofill';
import type { Channel, GuardView, PageView, PanelRequests, RequestName, ToFrame, ToPage } from './protocol';

/** What the frame's features render from; replaced, never mutated. */
export interface LinkSnapshot {
  page: PageView | undefined;
  guard: GuardView | undefined;
  collapsed: boolean | undefined;
  picking: boolean;
  /** The field the teacher pointed at in teach mode, bumped per pick. */
  picked: { field: FieldInfo; at: number } | undefined;
  /** Bumped by Alt+Shift+Z on the page. */
  focus: number;
}

/** How long a request may wait for the page side (a fill of 300 fields with settling widgets takes seconds). */
const REQUEST_TIMEOUT_MS = 120_000;

export class PanelLink {
  private snapshot: LinkSnapshot = { page: undefined, guard: undefined, collapsed: undefined, picking: false, picked: undefined, focus: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly pending = new Map<number, { resolve: (data: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private readonly stop: () => void;

  constructor(private readonly channel: Channel<ToFrame, ToPage>) {
    this.stop = channel.listen((message) => this.receive(message));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LinkSnapshot => this.snapshot;

  send(message: ToPage): void {
    this.channel.post(message);
  }

  request<N extends RequestName>(name: N, data: PanelRequests[N]['request']): Promise<PanelRequests[N]['response']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`No answer to ${name}`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as PanelRequests[N]['response']);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.channel.post({ kind: 'request', id, name, data } as ToPage);
    });
  }

  setCategory(categoryId: string | null): void {
    this.send({ kind: 'category', categoryId });
  }

  refresh(): void {
    this.send({ kind: 'refresh' });
  }

  teach(mapping: TaughtMapping): void {
    this.send({ kind: 'teach', mapping });
  }

  close(): void {
    this.stop();
    for (const { reject } of this.pending.values()) reject(new Error('The page went away'));
    this.pending.clear();
  }

  private receive(message: ToFrame): void {
    switch (message.kind) {
      case 'page':
        return this.update({ page: message.view });
      case 'guard':
        return this.update({ guard: message.view });
      case 'layout':
        return this.update({ collapsed: message.collapsed });
      case 'picking':
        return this.update({ picking: message.on });
      case 'picked':
        return this.update({ picking: false, picked: { field: message.field, at: (this.snapshot.picked?.at ?? 0) + 1 } });
      case 'focus':
        return this.update({ focus: this.snapshot.focus + 1 });
      case 'reply': {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.ok) waiting.resolve(message.data);
        else waiting.reject(new Error(message.error));
        return;
      }
    }
  }

  private update(patch: Partial<LinkSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
