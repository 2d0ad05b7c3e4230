import { storage } from '#imports';

/** The teacher's category and slot corrections (lib/guard/memory.ts), validated on every read. */
export const guardMemoryItem = storage.defineItem<unknown>('local:uploadGuard', { fallback: null });
