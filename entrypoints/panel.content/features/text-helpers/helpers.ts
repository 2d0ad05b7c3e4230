import { fieldLimits, type DetectedField } from '@/lib/autofill';
import type { Category, RulePack } from '@/lib/rules/schema';
import { countChars, findBookTitleMarks } from '@/lib/text';

/** What the helper next to one field shows. */
export interface TextHelp {
  /** Word-like 字数 of the current text, when the pack limits it. */
  count?: number;
  max?: number;
  min?: number;
  over: boolean;
  /** 《》〈〉 found in a field whose rule forbids them (作品名称). */
  marks: string[];
  /** 作品大小: the value must come from the work's files, which only the teacher has. */
  sizeNote: boolean;
}

const TEXT_WIDGETS = new Set(['text', 'textarea']);

/** Whether a field gets a helper at all; decided once per detection, not per keystroke. */
export function wantsHelp(field: DetectedField, pack: RulePack | undefined, category: Category | undefined): boolean {
  if (field.attribute === 'field:work_size') return true;
  if (!TEXT_WIDGETS.has(field.widget)) return false;
  const limits = fieldLimits(field, pack, category);
  return limits !== undefined && (limits.maxChars !== undefined || limits.noBookTitleMarks);
}

/**
 * The helper for a field holding `text`. 字数 is counted like Word (lib/text/count.ts), not like the site's own
 * counter: Element's show-word-limit counts UTF-16 units, so its 300 and the notice's 300 字 disagree.
 */
export function textHelp(field: DetectedField, text: string, pack: RulePack | undefined,
  category: Category | undefined): TextHelp {
  if (field.attribute === 'field:work_size') return { over: false, marks: [], sizeNote: true };
  const limits = fieldLimits(field, pack, category);
  const help: TextHelp = { over: false, marks: [], sizeNote: false };
  if (!limits) return help;
  if (limits.maxChars !== undefined) {
    help.count = countChars(text);
    help.max = limits.maxChars;
    if (limits.minChars !== undefined) help.min = limits.minChars;
    help.over = help.count > limits.maxChars;
  }
  if (limits.noBookTitleMarks) help.marks = [...new Set(findBookTitleMarks(text).map((m) => m.char))];
  return help;
}
