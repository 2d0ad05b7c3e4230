import { detectFields, type DetectOptions } from './detect';
import type { DetectedField } from './types';

/** Options of `watchFields`. */
export interface WatchOptions extends DetectOptions {
  /** Quiet time after the last mutation before re-detecting. Default 50 ms; 0 re-detects on the next task. */
  debounceMs?: number;
  /** Stops watching when aborted (a content script's `ctx.signal`). */
  signal?: AbortSignal;
}

/**
 * Re-detects fields whenever the page's DOM under `root` changes (single-page apps re-render whole forms on route
 * changes and `:key` bumps), coalescing bursts of mutations into one detection. Calls `onFields` once at start.
 * Returns a function that stops watching.
 */
export function watchFields(root: Document | Element, onFields: (fields: DetectedField[]) => void,
  options: WatchOptions = {}): () => void {
  const doc = 'documentElement' in root ? root : root.ownerDocument;
  const win = doc.defaultView;
  const target = 'documentElement' in root ? root.documentElement : root;
  const debounce = options.debounceMs ?? 50;
  if (!win) return () => undefined;

  let timer: number | undefined;
  const run = () => {
    timer = undefined;
    onFields(detectFields(root, options));
  };
  const observer = new win.MutationObserver((records) => {
    // Mutations inside the extension's own panel never change the page's fields.
    if (options.ignore && records.every((record) =>
      record.target.nodeType === 1 && (record.target as Element).closest(options.ignore!) !== null)) return;
    if (timer !== undefined) win.clearTimeout(timer);
    timer = win.setTimeout(run, debounce);
  });
  observer.observe(target, { childList: true, subtree: true, attributes: true,
    attributeFilter: ['class', 'style', 'disabled', 'readonly', 'hidden'] });
  const stop = () => {
    observer.disconnect();
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  run();
  return stop;
}
