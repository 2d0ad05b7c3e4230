import { splitValues, matchOption } from '@/lib/autofill/text';
import { workSizeValue } from '@/lib/autofill/plan';
import type { Draft, Person, Team } from '@/lib/profile/schema';
import type { Category, FieldRule, RulePack } from '@/lib/rules/schema';
import { countChars, countKeywords, hasBookTitleMarks } from '@/lib/text';
import type { Cell, FormLayout, LabelCell, OptionsCell, TextCell, ValueCell, ValueSource } from './schema';

/** Everything a form is filled from. */
export interface BindInput {
  layout: FormLayout;
  pack: RulePack;
  draft: Draft;
  team?: Team;
  /** Every saved person; the team picks its authors and contact by id. */
  people: readonly Person[];
  /** Work files chosen in 预检 (or on the site), by slot: 作品大小 totals them as the on-site fill does. */
  chosenFiles?: ReadonlyArray<{ slotId: string | null; size: number }>;
}

/** Something to fix before printing; the UI turns `code` and `params` into words. */
export interface FormProblem {
  code:
    | 'missing'
    | 'sizeUnknown'
    | 'overLimit'
    | 'tooManyKeywords'
    | 'bookTitleMarks'
    | 'tooManyAuthors'
    | 'firstAuthorUnit'
    | 'optionUnknown'
    | 'tooManyOptions'
    | 'noCategory'
    | 'categoryNotOnForm';
  /** `error` must be fixed before the form is printed; `warning` is a gap the teacher may fill by hand. */
  severity: 'error' | 'warning';
  /** The cell the problem sits on, when it has one. */
  key?: string;
  /** The cell's label as the form prints it. */
  label?: string;
  params: Record<string, string | number>;
}

/** A value cell with what goes into it. */
export interface BoundValue {
  kind: 'value';
  cell: ValueCell;
  text: string;
  required: boolean;
  missing: boolean;
  /** 字数 (Word's count) when the pack sets a limit on the field. */
  chars?: number;
  maxChars?: number;
  keywords?: number;
  maxKeywords?: number;
  problems: FormProblem[];
}

/** A □ group with the boxes to tick. */
export interface BoundOptions {
  kind: 'options';
  cell: OptionsCell;
  ticked: boolean[];
  required: boolean;
  missing: boolean;
  problems: FormProblem[];
}

export type BoundCell = { kind: 'label'; cell: LabelCell } | { kind: 'text'; cell: TextCell } | BoundValue | BoundOptions;

export interface BoundRow {
  cells: BoundCell[];
  minHeightMm?: number;
}

/** A form filled from the saved data, ready for the print view and the DOCX writer. */
export interface FilledForm {
  layout: FormLayout;
  category?: Category;
  rows: BoundRow[];
  /** Every problem, in the order of the form; errors and warnings alike. */
  problems: FormProblem[];
  /** `作品名称-登记表.docx` */
  fileName: string;
}

const CHOICE_SEPARATOR = '、';

function personById(people: readonly Person[], id: string | undefined): Person | undefined {
  return id === undefined ? undefined : people.find((person) => person.id === id);
}

function sourceText(source: ValueSource, input: BindInput, category: Category | undefined): string {
  const { draft, team, people } = input;
  switch (source.from) {
    case 'title':
      return draft.title;
    case 'field':
      return draft.fields[source.id] ?? '';
    case 'size':
      return workSizeValue(ruleOf(category, source.field), input.chosenFiles);
    case 'author':
      return personById(people, team?.authorIds[source.index])?.[source.attr] ?? '';
    case 'contact':
      return personById(people, team?.contactId)?.[source.attr] ?? '';
  }
}

function ruleOf(category: Category | undefined, id: string): FieldRule | undefined {
  return category?.fields.find((rule) => rule.id === id);
}

function firstText(sources: readonly ValueSource[], input: BindInput, category: Category | undefined): string {
  for (const source of sources) {
    const text = sourceText(source, input, category).trim();
    if (text !== '') return text;
  }
  return '';
}

/** The pack rule that limits a cell: the first field its value may come from. */
function cellRule(sources: readonly ValueSource[], category: Category | undefined): FieldRule | undefined {
  for (const source of sources) {
    const id = source.from === 'field' ? source.id : source.from === 'size' ? source.field : undefined;
    const rule = id === undefined ? undefined : ruleOf(category, id);
    if (rule) return rule;
  }
  return undefined;
}

function authorIndex(sources: readonly ValueSource[]): number | undefined {
  const source = sources.find((entry) => entry.from === 'author');
  return source?.from === 'author' ? source.index : undefined;
}

function isRequired(cell: ValueCell | OptionsCell, input: BindInput, sources: readonly ValueSource[]): boolean {
  if (cell.optional) return false;
  if (cell.onlyFor && !cell.onlyFor.includes(input.draft.categoryId ?? '')) return false;
  const index = authorIndex(sources);
  // The second and third author rows are blank on a smaller team; the first is always asked for.
  if (index !== undefined && index > 0) return index < (input.team?.authorIds.length ?? 0);
  return true;
}

function problem(code: FormProblem['code'], severity: FormProblem['severity'], cell: { key: string; label: string } | undefined,
  params: FormProblem['params'] = {}): FormProblem {
  return { code, severity, ...(cell ? { key: cell.key, label: cell.label } : {}), params };
}

function bindValue(cell: ValueCell, input: BindInput, category: Category | undefined): BoundValue {
  const layoutHasAuthors = input.layout.authorRows > 0;
  const text = firstText(cell.bind, input, category);
  const required = isRequired(cell, input, cell.bind);
  const rule = cellRule(cell.bind, category);
  const bound: BoundValue = { kind: 'value', cell, text, required, missing: required && text === '', problems: [] };
  if (bound.missing) {
    const size = cell.bind.some((source) => source.from === 'size');
    // The first author's unit decides the 学段 and the unit that stamps the form: a blank one is an error.
    const firstUnit = cell.bind.some((source) => source.from === 'author' && source.index === 0 && source.attr === 'organization');
    if (firstUnit && layoutHasAuthors) bound.problems.push(problem('firstAuthorUnit', 'error', cell));
    else bound.problems.push(problem(size ? 'sizeUnknown' : 'missing', 'warning', cell));
  }
  if (rule?.maxChars !== undefined || rule?.minChars !== undefined) {
    bound.chars = countChars(text);
    if (rule.maxChars !== undefined) {
      bound.maxChars = rule.maxChars;
      if (bound.chars > rule.maxChars) {
        bound.problems.push(problem('overLimit', 'error', cell, { chars: bound.chars, max: rule.maxChars }));
      }
    }
  }
  if (rule?.maxKeywords !== undefined) {
    bound.keywords = countKeywords(text);
    bound.maxKeywords = rule.maxKeywords;
    if (bound.keywords > rule.maxKeywords) {
      bound.problems.push(problem('tooManyKeywords', 'error', cell, { count: bound.keywords, max: rule.maxKeywords }));
    }
  }
  // Every notice forbids 《》 in the work's name, whatever the pack says about the field.
  const isName = rule?.noBookTitleMarks === true || cell.bind.some((source) => source.from === 'title');
  if (isName && hasBookTitleMarks(text)) bound.problems.push(problem('bookTitleMarks', 'error', cell));
  return bound;
}

function bindOptions(cell: OptionsCell, input: BindInput, category: Category | undefined): BoundOptions {
  if (cell.bind === 'category') {
    const id = input.draft.categoryId;
    const ticked = cell.options.map((option) => id !== undefined && (option.value ?? option.label) === id);
    return { kind: 'options', cell, ticked, required: false, missing: false, problems: [] };
  }
  const required = isRequired(cell, input, cell.bind);
  const values = splitValues(firstText(cell.bind, input, category));
  const labels = cell.options.map((option) => option.value ?? option.label);
  const ticked = labels.map(() => false);
  const unknown: string[] = [];
  for (const wanted of values) {
    const match = matchOption(labels, wanted);
    if (match === undefined) unknown.push(wanted);
    else ticked[labels.indexOf(match)] = true;
  }
  const bound: BoundOptions = { kind: 'options', cell, ticked, required, missing: required && values.length === 0, problems: [] };
  if (bound.missing) bound.problems.push(problem('missing', 'warning', cell));
  if (unknown.length > 0) {
    bound.problems.push(problem('optionUnknown', 'warning', cell, { values: unknown.join(CHOICE_SEPARATOR) }));
  }
  const count = ticked.filter(Boolean).length;
  // 附件5 科目: "原则上选一个科目" — in principle one, so more is a warning, not a refusal.
  if (!cell.multiple && count > 1) bound.problems.push(problem('tooManyOptions', 'warning', cell, { count }));
  return bound;
}

function bindCell(cell: Cell, input: BindInput, category: Category | undefined): BoundCell {
  switch (cell.kind) {
    case 'label':
      return { kind: 'label', cell };
    case 'text':
      return { kind: 'text', cell };
    case 'value':
      return bindValue(cell, input, category);
    case 'options':
      return bindOptions(cell, input, category);
  }
}

/** Characters Windows and macOS refuse in a file name, and control characters. */
const UNSAFE_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f]/g;

/** `作品名称-登记表.docx`; the name is the draft's title with characters no file system takes replaced. */
export function formFileName(layout: Pick<FormLayout, 'fileLabel'>, title: string, ext = 'docx'): string {
  const name = title.replace(UNSAFE_FILE_NAME, '_').trim().slice(0, 80) || '未命名作品';
  return `${name}-${layout.fileLabel}.${ext}`;
}

/** Fills a form layout from a draft, its team and the saved people, and lists what to fix before printing. */
export function bindForm(input: BindInput): FilledForm {
  const { layout, pack, draft, team } = input;
  const category = draft.categoryId === undefined ? undefined : pack.categories.find((entry) => entry.id === draft.categoryId);
  const head: FormProblem[] = [];
  if (!category) head.push(problem('noCategory', 'error', undefined));
  else if (!layout.categories.includes(category.id)) {
    head.push(problem('categoryNotOnForm', 'error', undefined, { category: category.name, form: layout.annex }));
  }
  const authors = team?.authorIds.length ?? 0;
  const maxAuthors = Math.min(layout.authorRows || Infinity, category?.maxAuthors ?? Infinity);
  if (layout.authorRows > 0 && authors > maxAuthors) head.push(problem('tooManyAuthors', 'error', undefined, { count: authors, max: maxAuthors }));

  const rows = layout.rows.map((row): BoundRow => ({
    cells: row.cells.map((cell) => bindCell(cell, input, category)),
    ...(row.minHeightMm !== undefined ? { minHeightMm: row.minHeightMm } : {}),
  }));

  const cellProblems = rows.flatMap((row) => row.cells.flatMap((cell) => ('problems' in cell ? cell.problems : [])));
  const title = firstText([{ from: 'title' }], input, category);
  return { layout, ...(category ? { category } : {}), rows, problems: [...head, ...cellProblems], fileName: formFileName(layout, title) };
}

/** Whether the form may go to print: no error-level problem. Warnings (blank cells) may be filled by hand. */
export function readyToPrint(form: FilledForm): boolean {
  return form.problems.every((entry) => entry.severity !== 'error');
}
