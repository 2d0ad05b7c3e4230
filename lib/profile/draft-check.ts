import type { Category, FieldRule } from '@/lib/rules/schema';
import { countChars, countKeywords, hasBookTitleMarks } from '@/lib/text';
import type { Draft, Team } from './schema';

/**
 * Form fields a draft does not keep among its texts: the work's name is the draft's own `title`, and 作品大小 is
 * computed from the chosen files at upload time.
 */
const NOT_DRAFT_TEXT_LABELS = ['作品名称', '案例名称', '作品大小'];

/** Separator for the values of a multiple-choice field kept as one text (as the forms print them). */
export const MULTI_VALUE_SEPARATOR = '、';

/** The category's fields a draft edits. */
export function draftFields(category: Category): FieldRule[] {
  return category.fields.filter((f) => !NOT_DRAFT_TEXT_LABELS.includes(f.label));
}

/** The live measure shown under a field: 字数 against the pack's limit, keywords against theirs. */
export interface FieldMeasure {
  chars: number;
  maxChars?: number;
  minChars?: number;
  keywords?: number;
  maxKeywords?: number;
  overLimit: boolean;
  underLimit: boolean;
  tooManyKeywords: boolean;
  bookTitleMarks: boolean;
}

export function measureField(rule: FieldRule, text: string): FieldMeasure {
  const chars = countChars(text);
  const keywords = rule.maxKeywords === undefined ? undefined : countKeywords(text);
  return {
    chars,
    maxChars: rule.maxChars,
    minChars: rule.minChars,
    keywords,
    maxKeywords: rule.maxKeywords,
    overLimit: rule.maxChars !== undefined && chars > rule.maxChars,
    underLimit: rule.minChars !== undefined && text.trim() !== '' && chars < rule.minChars,
    tooManyKeywords: keywords !== undefined && rule.maxKeywords !== undefined && keywords > rule.maxKeywords,
    bookTitleMarks: rule.noBookTitleMarks && hasBookTitleMarks(text),
  };
}

/** Something to fix before the draft is used on a form. */
export type DraftProblem =
  | { code: 'overLimit'; fieldId: string; chars: number; max: number }
  | { code: 'underLimit'; fieldId: string; chars: number; min: number }
  | { code: 'tooManyKeywords'; fieldId: string; count: number; max: number }
  | { code: 'bookTitleMarks'; fieldId: string }
  | { code: 'tooManyAuthors'; count: number; max: number }
  | { code: 'unknownCategory'; categoryId: string };

/** Checks a draft against its category in the rule pack (the pack may be newer than the draft). */
export function checkDraft(draft: Draft, category: Category | undefined, team?: Team): DraftProblem[] {
  if (draft.categoryId && !category) return [{ code: 'unknownCategory', categoryId: draft.categoryId }];
  const problems: DraftProblem[] = [];
  if (hasBookTitleMarks(draft.title)) problems.push({ code: 'bookTitleMarks', fieldId: 'title' });
  if (!category) return problems;
  for (const rule of draftFields(category)) {
    const text = draft.fields[rule.id] ?? '';
    const m = measureField(rule, text);
    if (m.overLimit) problems.push({ code: 'overLimit', fieldId: rule.id, chars: m.chars, max: rule.maxChars! });
    if (m.underLimit) problems.push({ code: 'underLimit', fieldId: rule.id, chars: m.chars, min: rule.minChars! });
    if (m.tooManyKeywords) {
      problems.push({ code: 'tooManyKeywords', fieldId: rule.id, count: m.keywords!, max: rule.maxKeywords! });
    }
    if (m.bookTitleMarks) problems.push({ code: 'bookTitleMarks', fieldId: rule.id });
  }
  if (team && team.authorIds.length > category.maxAuthors) {
    problems.push({ code: 'tooManyAuthors', count: team.authorIds.length, max: category.maxAuthors });
  }
  return problems;
}

/** Works of one first author in one category, against the category's 每位第一作者限报 limit. */
export interface FirstAuthorWorks {
  authorId: string;
  /** This draft and the other saved drafts of the same category whose team has the same first author. */
  count: number;
  max: number;
  otherTitles: string[];
}

/**
 * `maxWorksPerFirstAuthor` against the saved drafts: the work being edited counts once, with every other draft of
 * the category whose team starts with the same person. Undefined when the category states no limit or the draft
 * has no team yet.
 */
export function firstAuthorWorks(
  draft: Pick<Draft, 'categoryId' | 'teamId'> & { id?: string },
  drafts: readonly Draft[],
  teams: readonly Team[],
  category: Category | undefined,
): FirstAuthorWorks | undefined {
  const max = category?.maxWorksPerFirstAuthor;
  const firstOf = (teamId: string | undefined) => teams.find((t) => t.id === teamId)?.authorIds[0];
  const authorId = firstOf(draft.teamId);
  if (max === undefined || authorId === undefined || !category) return undefined;
  const others = drafts.filter((d) => d.id !== draft.id && d.categoryId === category.id && firstOf(d.teamId) === authorId);
  return { authorId, count: others.length + 1, max, otherTitles: others.map((d) => d.title) };
}
