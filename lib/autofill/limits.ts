import type { Category, FieldRule, RulePack } from '@/lib/rules/schema';
import { coreLabel } from './text';
import type { DetectedField } from './types';

/** The rule-pack limits of a text field, for the panel's live 字数 counter and for planning. */
export interface FieldLimits {
  fieldId: string;
  maxChars?: number;
  minChars?: number;
  maxKeywords?: number;
  noBookTitleMarks: boolean;
}

const TITLE_LABELS = new Set(['作品名称', '案例名称']);

/** The category's field that holds the work's name (作品名称, 案例名称, or 研修主题 whose aliases include them). */
export function titleField(category: Category | undefined): FieldRule | undefined {
  return category?.fields.find((field) =>
    [field.label, ...field.aliases].some((text) => TITLE_LABELS.has(coreLabel(text))));
}

function findField(id: string, pack: RulePack | undefined, category: Category | undefined): FieldRule | undefined {
  const own = category?.fields.find((field) => field.id === id);
  if (own) return own;
  for (const other of pack?.categories ?? []) {
    const found = other.fields.find((field) => field.id === id);
    if (found) return found;
  }
  return undefined;
}

function toLimits(rule: FieldRule): FieldLimits {
  return {
    fieldId: rule.id,
    ...(rule.maxChars !== undefined ? { maxChars: rule.maxChars } : {}),
    ...(rule.minChars !== undefined ? { minChars: rule.minChars } : {}),
    ...(rule.maxKeywords !== undefined ? { maxKeywords: rule.maxKeywords } : {}),
    noBookTitleMarks: rule.noBookTitleMarks,
  };
}

/**
 * The limits the rule pack sets for a detected field, or undefined when the field is not a pack text field (a
 * person's name, a phone number). The category's own rule wins over another category's rule with the same id
 * (案例概述 is ≤ 300 字 for 校本研修, ≤ 400 字 for 工作室).
 */
export function fieldLimits(field: Pick<DetectedField, 'attribute'>, pack?: RulePack,
  category?: Category): FieldLimits | undefined {
  const { attribute } = field;
  if (attribute === 'workTitle') {
    const rule = titleField(category);
    // The pack's common rules forbid 《》 in 作品名称 whichever the category (district notice 附件1: "请勿使用书名号《》").
    return rule ? toLimits(rule) : { fieldId: 'work_name', noBookTitleMarks: true };
  }
  if (!attribute?.startsWith('field:')) return undefined;
  const rule = findField(attribute.slice('field:'.length), pack, category);
  return rule ? toLimits(rule) : undefined;
}
