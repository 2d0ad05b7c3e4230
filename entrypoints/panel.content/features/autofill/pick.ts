import type { DetectedField } from '@/lib/autofill';

/** The detected field under a click: its widget root, control, or anything inside (an el-select's wrapper). */
export function fieldAt(fields: readonly DetectedField[], target: Element): DetectedField | undefined {
  let best: DetectedField | undefined;
  for (const field of fields) {
    if (field.element === target || field.element.contains(target) || field.control === target) {
      // Nested widgets (an input inside a table cell inside a group): the innermost wins.
      if (!best || best.element.contains(field.element)) best = field;
    }
  }
  return best;
}
