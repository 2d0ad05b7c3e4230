import { liveQuery } from 'dexie';
import type { SubmitHelperDB } from '@/lib/db';
import { deadlinesChangedItem } from './store';

/**
 * Tells the background when custom deadlines change in this page (edits, deletions, a restored backup): the
 * service worker cannot observe another page's IndexedDB writes, but a storage change wakes it.
 */
export function watchDeadlineChanges(db: SubmitHelperDB, now: () => number = Date.now): () => void {
  let last: string | undefined;
  const subscription = liveQuery(() => db.deadlines.toArray()).subscribe({
    next(rows) {
      const snapshot = JSON.stringify(rows);
      if (last !== undefined && snapshot !== last) void deadlinesChangedItem.setValue(now());
      last = snapshot;
    },
    error: (error: unknown) => console.warn('[报送助手] deadlines watch', error),
  });
  return () => subscription.unsubscribe();
}
