/**
 * The executor: small and dumb on purpose. It takes a plan (plain data), finds each field's live element by id in
 * the content script's detection, writes the planned value through the widget's own event path, waits for the
 * framework to settle, and reports what the widget then shows — not what was planned. It records what was there
 * before and can put it back through the same path, single-choice fields included. It never submits a form.
 */

import type { DetectedField, FillAction, FillResult } from './types';
import { DEFAULT_TIMING, FillError, readCurrent, sameValue, showsValue, writeField, type WidgetTiming } from './widgets';

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

/** The content script's live fields, by detection index (an array from `detectFields`, or a map). */
export type LiveFields = readonly DetectedField[] | ReadonlyMap<number, DetectedField>;

interface Snapshot {
  action: FillAction;
  field: DetectedField;
  previous: string | string[];
}

function lookUp(fields: LiveFields, id: number): DetectedField | undefined {
  if ('get' in fields) return (fields as ReadonlyMap<number, DetectedField>).get(id);
  const list = fields as readonly DetectedField[];
  return list[id]?.index === id ? list[id] : list.find((field) => field.index === id);
}

/**
 * The field with its drawing found again: libraries that draw over a native select (layui) replace the drawing on
 * every change while the native select stays; the drawing is the select's next sibling again.
 */
function revive(field: DetectedField): DetectedField {
  if (field.element.isConnected || !field.control?.isConnected || field.control.tagName !== 'SELECT') return field;
  const drawn = field.control.nextElementSibling;
  if (drawn) field.element = drawn;
  return field;
}

async function execute(action: FillAction, field: DetectedField, value: string | string[],
  timing: WidgetTiming): Promise<FillResult> {
  try {
    const expected = await writeField(field, value, timing);
    const now = readCurrent(revive(field));
    // A select whose option was clicked but whose model refused it (a validator, a disabled option) shows so here.
    if (!showsValue(now, expected)) return { id: action.id, status: 'failed', reason: 'value-not-taken', widget: field.widget };
    return { id: action.id, status: 'done', value: now };
  } catch (error) {
    if (error instanceof FillError) return { id: action.id, status: 'failed', reason: error.reason, widget: field.widget };
    // A page script throwing inside its own handler must not stop the rest of the fill.
    return { id: action.id, status: 'failed', reason: 'error', widget: field.widget,
      detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Executes the actions in order (skipped ones are reported, not run). `fields` are the content script's live
 * fields the plan was made from; an action whose field is gone or no longer in the page (the site re-rendered)
 * fails as `detached` so the panel can re-detect and re-plan.
 */
export async function runFill(actions: readonly FillAction[], fields: LiveFields, options: RunOptions = {}): Promise<FillRun> {
  const timing: WidgetTiming = {
    settleMs: options.settleMs ?? DEFAULT_TIMING.settleMs,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMING.timeoutMs,
  };
  const results: FillResult[] = [];
  const snapshots: Snapshot[] = [];
  for (const action of actions) {
    let result: FillResult;
    const found = lookUp(fields, action.id);
    const field = found && revive(found);
    if (action.skip) {
      result = { id: action.id, status: 'skipped', reason: action.skip };
    } else if (!field || !field.element.isConnected) {
      result = { id: action.id, status: 'failed', reason: 'detached' };
    } else {
      const before = readCurrent(field);
      // An empty multi-select reads as "" until it has tags; restore it as an empty list, not a single blank.
      const previous = Array.isArray(action.value) && !Array.isArray(before) ? (before === '' ? [] : [before]) : before;
      result = await execute(action, field, action.value, timing);
      if (result.status === 'done' || !sameValue(readCurrent(field), previous)) {
        snapshots.push({ action, field, previous });
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
    for (const { action, field, previous } of [...snapshots].reverse()) {
      if (!revive(field).element.isConnected) {
        restored.push({ id: action.id, status: 'failed', reason: 'detached', widget: field.widget });
        continue;
      }
      // Already back (the site reset it, or another undo step did): nothing to do, and nothing to report as lost.
      if (sameValue(readCurrent(field), previous)) {
        restored.push({ id: action.id, status: 'done', value: previous });
        continue;
      }
      restored.push(await execute(action, field, previous, timing));
    }
    return restored;
  };
  return { results, undo };
}
