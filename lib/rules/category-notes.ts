import type { Category, RulePack, Source } from './schema';

/**
 * What a teacher must know about a category beyond its files, shown once per category (预检, the panel): the rules
 * every category shares (`common`), its author limits, its total recording time, each with the notice's words.
 */
export type CategoryNote =
  | { code: 'common'; text: string; textEn: string; source: Source }
  | { code: 'maxAuthors'; max: number }
  | { code: 'worksPerFirstAuthor'; max: number }
  | { code: 'totalVideo'; maxSec: number; source?: Source };

export function categoryNotes(pack: RulePack, category: Category): CategoryNote[] {
  return [
    ...pack.common.map((rule): CategoryNote => ({ code: 'common', text: rule.text, textEn: rule.textEn, source: rule.source })),
    { code: 'maxAuthors', max: category.maxAuthors },
    ...(category.maxWorksPerFirstAuthor !== undefined ? [{ code: 'worksPerFirstAuthor', max: category.maxWorksPerFirstAuthor } as const] : []),
    ...(category.maxTotalVideoSec !== undefined
      ? [{ code: 'totalVideo', maxSec: category.maxTotalVideoSec, ...(category.totalSource ? { source: category.totalSource } : {}) } as const]
      : []),
  ];
}

/** The notices the pack follows, by title and the file they were read from: the heading of 规则出处. */
export function packNotices(pack: RulePack): Array<{ role: Source['notice']; title: string; file: string }> {
  return (['district', 'national'] as const).map((role) => ({ role, title: pack.notices[role].title, file: pack.notices[role].file }));
}

/** What a cited rule is about: the category itself, one of its slots (or a slot's limits), a field, a window. */
export type CitationSubject =
  | { kind: 'category' | 'total' | 'selfCheck' | 'common'; name: string; nameEn: string }
  | { kind: 'slot' | 'video' | 'document' | 'archive' | 'image' | 'variant' | 'field' | 'window'; name: string; nameEn: string };

/** One rule's provenance: the notice (by its title), the section, the words quoted. */
export interface Citation {
  subject: CitationSubject;
  notice: string;
  section: string;
  quote?: string;
}

/**
 * Every source a category's rules cite, in the order a teacher meets them (category, slots and their limits,
 * fields, totals, windows, then the shared rules), so 预检 can show where each rule comes from. Repeated
 * (section, quote) pairs of one subject are listed once.
 */
export function categoryCitations(pack: RulePack, category: Category): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<string>();
  const cite = (subject: CitationSubject, source: Source | undefined) => {
    if (!source) return;
    const key = `${subject.kind}|${subject.name}|${source.notice}|${source.section}|${source.quote ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ subject, notice: pack.notices[source.notice].title, section: source.section, ...(source.quote ? { quote: source.quote } : {}) });
  };
  const self = { name: category.name, nameEn: category.nameEn };
  for (const source of category.sources) cite({ kind: 'category', ...self }, source);
  for (const slot of category.slots) {
    const named = { name: slot.label, nameEn: slot.labelEn };
    for (const source of slot.sources) cite({ kind: 'slot', ...named }, source);
    cite({ kind: 'video', ...named }, slot.video?.source);
    cite({ kind: 'document', ...named }, slot.document?.source);
    cite({ kind: 'archive', ...named }, slot.archive?.source);
    cite({ kind: 'image', ...named }, slot.image?.source);
    for (const variant of slot.variants) cite({ kind: 'variant', ...named }, variant.source);
  }
  for (const field of category.fields) cite({ kind: 'field', name: field.label, nameEn: field.labelEn }, field.source);
  cite({ kind: 'total', ...self }, category.totalSource);
  for (const check of category.selfChecks) cite({ kind: 'selfCheck', name: check.text, nameEn: check.textEn }, check.source);
  for (const window of category.windows) cite({ kind: 'window', name: window.label, nameEn: window.labelEn }, window.source);
  for (const rule of pack.common) cite({ kind: 'common', name: rule.text, nameEn: rule.textEn }, rule.source);
  return out;
}
