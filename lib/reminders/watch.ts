import { liveQuery } from 'dexie';
import type { SubmitHelperDB } from '@/lib/db';
import { deadlinesChangedItem } from './store';

/** A running deadline watch. */
export interface DeadlineWatch {
  /** Resolves once the first snapshot is read: changes after it bump the flag. */
  ready: Promise<void>;
  stop: () => void;
}

/**
 * Tells the background when custom deadlines change in this page (edits, deletions, a restored backup): the
 * service worker cannot observe another page's IndexedDB writes, but a storage change wakes it.
 */
export function watchDeadlineChanges(db: SubmitHelperDB, now: () => number = Date.now): DeadlineWatch {
  let last: string | undefined;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const subscription = liveQuery(() => db.deadlines.toArray()).subscribe({
    next(rows) {
      const snapshot = JSON.stringify(rows);
      if (last !== undefined && snapshot !== last) void deadlinesChangedItem.setValue(now());
      last = snapshot;
      markReady();
    },
    error: (error: unknown) => console.warn('[报送助手] deadlines watch', error),
  });
  return { ready, stop: () => subscription.unsubscribe() };
}
