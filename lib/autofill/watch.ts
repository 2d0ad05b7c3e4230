import { detectFields, type DetectOptions } from './detect';
import type { DetectedField } from './types';

/** Options of `watchFields`. */
export interface WatchOptions extends DetectOptions {
  /** Quiet time after the last mutation before re-detecting. Default 50 ms. */
  debounceMs?: number;
  /**
   * Longest a re-detection waits while the page keeps changing. Default 250 ms: a page that re-renders every frame
   * (a timer, an animation bound to state) never goes quiet, and a pure quiet-time debounce would never fire there.
   */
  maxWaitMs?: number;
  /** Stops watching when aborted (a content script's `ctx.signal`). */
  signal?: AbortSignal;
}

/** Attributes that can add, remove, hide or show a field; anything else a framework sets is not watched. */
const WATCHED_ATTRIBUTES = ['class', 'style', 'hidden', 'disabled', 'readonly', 'open', 'inert', 'aria-hidden',
  'aria-expanded', 'type'];
/** Past this many records in one batch, checking each against `ignore` costs more than a spare detection. */
const MAX_RECORDS_CHECKED = 64;

/**
 * Re-detects fields whenever the page's DOM under `root` changes (single-page apps re-render whole forms on route
 * changes and `:key` bumps), coalescing bursts of mutations into one detection: after `debounceMs` of quiet, or at the
 * latest `maxWaitMs` after the first change of a burst. The observer's own callback only notes the time, so it adds
 * nothing measurable to the framework's remount. Calls `onFields` once at start. Returns a function that stops.
 */
export function watchFields(root: Document | Element, onFields: (fields: DetectedField[]) => void,
  options: WatchOptions = {}): () => void {
  const doc = 'documentElement' in root ? root : root.ownerDocument;
  const win = doc.defaultView;
  const target = 'documentElement' in root ? root.documentElement : root;
  const quiet = options.debounceMs ?? 50;
  const maxWait = Math.max(quiet, options.maxWaitMs ?? 250);
  if (!win) return () => undefined;

  let timer: number | undefined;
  let firstAt = 0;
  let lastAt = 0;
  const run = () => {
    timer = undefined;
    firstAt = 0;
    onFields(detectFields(root, options));
  };
  const check = () => {
    const now = performance.now();
    const idle = now - lastAt;
    if (idle >= quiet || now - firstAt >= maxWait) {
      run();
      return;
    }
    timer = win.setTimeout(check, Math.min(quiet - idle, maxWait - (now - firstAt)));
  };
  const observer = new win.MutationObserver((records) => {
    // Mutations inside the extension's own panel never change the page's fields.
    if (options.ignore && records.length <= MAX_RECORDS_CHECKED && records.every((record) =>
      record.target.nodeType === 1 && (record.target as Element).closest(options.ignore!) !== null)) return;
    lastAt = performance.now();
    if (timer !== undefined) return;
    firstAt = lastAt;
    timer = win.setTimeout(check, quiet);
  });
  observer.observe(target, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
  const stop = () => {
    observer.disconnect();
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  run();
  return stop;
}
