import { detectFields, fieldLimits, type FieldInfo } from '@/lib/autofill';
import type { Category, RulePack } from '@/lib/rules/schema';
import { countChars } from '@/lib/text';
import type { FieldState } from './checklist';

/** What the checklist needs from the page's text fields and author blocks. */
export interface PageFields {
  fields: FieldState[];
  /** Distinct authors with a name filled in. */
  authors: number;
}

function textOf(value: string | string[]): string {
  return Array.isArray(value) ? value.join('') : value;
}

/** Reads 字数 of the category's limited text fields and counts named authors, from fields the autofill library detected. */
export function pageFieldStates(fields: readonly FieldInfo[], pack: RulePack, category: Category): PageFields {
  const out: FieldState[] = [];
  const authors = new Set<string>();
  for (const field of fields) {
    if (field.role?.startsWith('author[') && field.attribute === 'name' && textOf(field.current).trim() !== '') {
      authors.add(field.role);
    }
    const limits = fieldLimits(field, pack, category);
    if (!limits || (limits.maxChars === undefined && limits.minChars === undefined)) continue;
    out.push({
      fieldId: limits.fieldId,
      label: field.label,
      // 字数 as Word counts it: the notices' limits are Word's count, not the site's maxlength.
      chars: countChars(textOf(field.current)),
      ...(limits.maxChars !== undefined ? { maxChars: limits.maxChars } : {}),
      ...(limits.minChars !== undefined ? { minChars: limits.minChars } : {}),
    });
  }
  return { fields: out, authors: authors.size };
}

/** Detects the page's fields and reads them; an error in detection leaves the checklist without field items. */
export function readPageFields(doc: Document, pack: RulePack, category: Category, ignore?: string): PageFields {
  try {
    return pageFieldStates(detectFields(doc, { pack, category, ...(ignore ? { ignore } : {}) }), pack, category);
  } catch (error) {
    console.warn('[报送助手] field detection failed', error);
    return { fields: [], authors: 0 };
  }
}
