/**
 * The executor: small and dumb on purpose. It writes the planned values one by one through each widget's own event
 * path, records what was there before, and can put it back through the same path. It never submits a form.
 */

import type { FillAction, FillResult } from './types';
import { DEFAULT_TIMING, FillError, readCurrent, sameValue, writeField, type WidgetTiming } from './widgets';

/** Options of `runFill`. */
export interface RunOptions extends Partial<WidgetTiming> {
  /** Called after each action, for a progress display. */
  onProgress?: (result: FillResult, done: number, total: number) => void;
}

/** What `runFill` returns: a result per action and a way back. */
export interface FillRun {
  results: FillResult[];
  /** Restores the values the filled fields held before, newest first, through the same mechanisms. */
  undo: () => Promise<FillResult[]>;
}

interface Snapshot {
  action: FillAction;
  previous: string | string[];
}

async function execute(action: FillAction, value: string | string[], timing: WidgetTiming): Promise<FillResult> {
  try {
    await writeField(action.field, value, timing);
    const now = readCurrent(action.field);
    // A select whose option was clicked but whose model refused it (a validator, a disabled option) shows so here.
    if (!sameValue(now, value)) return { id: action.id, status: 'failed', reason: 'value-not-taken' };
    return { id: action.id, status: 'done', value };
  } catch (error) {
    if (error instanceof FillError) return { id: action.id, status: 'failed', reason: error.reason };
    // A page script throwing inside its own handler must not stop the rest of the fill.
    return { id: action.id, status: 'failed', reason: 'error', detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Executes the actions in order (skipped ones are reported, not run). `doc` is the page the fields live in; actions
 * whose field is no longer in it (the site re-rendered) fail as `detached` so the panel can re-detect and re-plan.
 */
export async function runFill(actions: readonly FillAction[], doc: Document, options: RunOptions = {}): Promise<FillRun> {
  const timing: WidgetTiming = {
    settleMs: options.settleMs ?? DEFAULT_TIMING.settleMs,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMING.timeoutMs,
  };
  const results: FillResult[] = [];
  const snapshots: Snapshot[] = [];
  for (const action of actions) {
    let result: FillResult;
    if (action.skip) {
      result = { id: action.id, status: 'skipped', reason: action.skip };
    } else if (action.field.element.ownerDocument !== doc || !doc.contains(action.field.element)) {
      result = { id: action.id, status: 'failed', reason: 'detached' };
    } else {
      const before = readCurrent(action.field);
      // An empty multi-select reads as "" until it has tags; restore it as an empty list, not a single blank.
      const previous = Array.isArray(action.value) && !Array.isArray(before) ? (before === '' ? [] : [before]) : before;
      result = await execute(action, action.value, timing);
      if (result.status === 'done' || !sameValue(readCurrent(action.field), previous)) {
        snapshots.push({ action, previous });
      }
    }
    results.push(result);
    options.onProgress?.(result, results.length, actions.length);
  }

  let undone = false;
  const undo = async (): Promise<FillResult[]> => {
    if (undone) return [];
    undone = true;
    const restored: FillResult[] = [];
    for (const { action, previous } of [...snapshots].reverse()) {
      if (!doc.contains(action.field.element)) {
        restored.push({ id: action.id, status: 'failed', reason: 'detached' });
        continue;
      }
      restored.push(await execute(action, previous, timing));
    }
    return restored;
  };
  return { results, undo };
}
