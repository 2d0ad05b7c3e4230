/**
 * The fill plan: pure data built from the teacher's profile and the detected fields' plain data (`FieldInfo`, what
 * detection read, including each field's current value). Nothing on the page is read or written here, so the plan can
 * be made in the panel's own frame; the teacher unticks what they do not want, and `runFill` executes the rest.
 */

import type { Draft, Person, Team } from '@/lib/profile/schema';
import { currentPack, findCategory } from '@/lib/rules';
import type { Category, FieldRule, RulePack } from '@/lib/rules/schema';
import { countChars, hasBookTitleMarks } from '@/lib/text';
import { fieldLimits, titleField } from './limits';
import { matchOption, splitValues } from './text';
import { fieldInfo } from './field-info';
import type { FieldInfo, FillAction, FillAttribute, FillRole, PersonAttribute, SkipReason } from './types';
import { isEmptyValue, sameValue } from './widgets';

/** Everything a plan may draw values from. */
export interface FillInput {
  /** Every person the teacher keeps; the team picks authors and the contact from them by id. */
  people: readonly Person[];
  team?: Team;
  draft?: Draft;
  /** 附件13's 主管领导 when kept as a person; otherwise the draft's `leader_*` fields are used. */
  leaderId?: string;
  /** Defaults to the newest bundled pack. */
  pack?: RulePack;
  /** Defaults to the draft's category in `pack`. */
  category?: Category;
  /** Files the teacher chose on this page, by slot: a size field (作品大小) totals them. */
  chosenFiles?: ReadonlyArray<{ slotId: string | null; size: number }>;
}

const MIB = 1024 * 1024;

/**
 * 作品大小 in MB from the chosen files, as the rule's `sizeOf` says which count. MB is read as MiB, as the rule
 * pack reads every "M" of the notices (and as Windows Explorer shows sizes); two decimals, trailing zeros dropped.
 */
export function workSizeValue(rule: FieldRule | undefined, files: FillInput['chosenFiles']): string {
  if (!rule?.sizeOf || !files?.length) return '';
  const except = new Set(rule.sizeOf.exceptSlots);
  const bytes = files.reduce((sum, f) => (f.slotId !== null && except.has(f.slotId) ? sum : sum + f.size), 0);
  return bytes > 0 ? String(Number((bytes / MIB).toFixed(2))) : '';
}

/** Options of `planFill`. */
export interface PlanOptions {
  /** Replace values already in the page (typed by the user or restored by the site). Default false. */
  overwrite?: boolean;
}

/** Pack fields that fall back to the first author's profile when the draft leaves them empty. */
const PERSON_FALLBACK: Readonly<Record<string, PersonAttribute>> = {
  subject: 'subject',
  subject_area: 'subject',
  stage: 'schoolType',
  school_type: 'schoolType',
  grade: 'grade',
  major: 'major',
};

/** 附件13 prints the 联系人 and 主管领导 rows as form fields; the draft keeps them under these ids. */
const ROLE_FIELD_ATTRIBUTES: ReadonlySet<PersonAttribute> = new Set(['name', 'title', 'mobile', 'email']);

const TEXT_WIDGETS = new Set(['text', 'textarea', 'number']);

function personFor(role: FillRole, input: FillInput): Person | undefined {
  const byId = (id: string | undefined) => (id === undefined ? undefined : input.people.find((p) => p.id === id));
  if (role === 'contact') return byId(input.team?.contactId);
  if (role === 'leader') return byId(input.leaderId);
  const match = /^author\[(\d+)\]$/.exec(role);
  return match ? byId(input.team?.authorIds[Number(match[1])]) : undefined;
}

function personValue(role: FillRole, attribute: PersonAttribute, input: FillInput): string {
  const value = personFor(role, input)?.[attribute] ?? '';
  if (value !== '') return value;
  if ((role === 'contact' || role === 'leader') && ROLE_FIELD_ATTRIBUTES.has(attribute)) {
    return input.draft?.fields[`${role}_${attribute}`] ?? '';
  }
  return '';
}

function workValue(attribute: FillAttribute, input: FillInput, category: Category | undefined): string {
  const draft = input.draft;
  if (attribute === 'workTitle') return draft?.title ?? '';
  const id = attribute.slice('field:'.length);
  const own = draft?.fields[id] ?? '';
  if (own !== '') return own;
  const rule = category?.fields.find((field) => field.id === id);
  if (rule?.sizeOf) return workSizeValue(rule, input.chosenFiles);
  if (titleField(category)?.id === id || id === 'work_name' || id === 'case_name') return draft?.title ?? '';
  const fallback = PERSON_FALLBACK[id];
  return fallback ? personValue('author[0]', fallback, input) : '';
}

function isChoice(field: FieldInfo): boolean {
  return field.widget === 'radio-group' || field.widget === 'checkbox-group'
    || (field.widget === 'select' && field.options.length > 0);
}

/** The value shaped for the widget: a list for multi-choice, an option's own text where options are known. */
function shape(field: FieldInfo, raw: string, multiple: boolean): { value: string | string[]; missing: boolean } {
  if (!multiple) {
    if (!isChoice(field)) return { value: raw, missing: false };
    const option = matchOption(field.options, raw);
    return option === undefined ? { value: raw, missing: true } : { value: option, missing: false };
  }
  const items = splitValues(raw);
  if (field.options.length === 0) return { value: items, missing: false };
  const options = items.map((item) => matchOption(field.options, item));
  return {
    value: options.map((option, i) => option ?? items[i]!),
    // Filling part of a multi-choice would look complete in the preview; refuse it instead.
    missing: options.some((option) => option === undefined),
  };
}

function planOne(field: FieldInfo, input: FillInput, category: Category | undefined,
  pack: RulePack | undefined, options: PlanOptions): FillAction | undefined {
  const { attribute } = field;
  if (!attribute) return undefined;
  const role: FillRole = field.role ?? (attribute === 'workTitle' || attribute.startsWith('field:') ? 'work' : 'author[0]');
  const raw = (attribute === 'workTitle' || attribute.startsWith('field:')
    ? workValue(attribute, input, category)
    : personValue(role, attribute as PersonAttribute, input)).trim();

  const limits = fieldLimits(field, pack, category);
  const ruleMultiple = limits && category?.fields.find((rule) => rule.id === limits.fieldId)?.multiple;
  const multiple = field.multiple || field.widget === 'checkbox-group' || ruleMultiple === true;
  const { value, missing } = shape(field, raw, multiple);
  const current = field.current;

  let skip: SkipReason | undefined;
  let limit: number | undefined;
  const text = Array.isArray(value) ? value.join('、') : value;
  if (raw === '') skip = 'no-data';
  else if (field.availability === 'collapsed') skip = 'collapsed';
  else if (field.ambiguous) skip = 'ambiguous-role';
  else if (field.disabled) skip = 'disabled';
  else if (field.readonly) skip = 'readonly';
  else if (missing) skip = 'no-option';
  else if (limits?.maxChars !== undefined && countChars(text) > limits.maxChars) {
    skip = 'too-long';
    limit = limits.maxChars;
  } else if (TEXT_WIDGETS.has(field.widget) && field.maxLength !== undefined && text.length > field.maxLength) {
    // The input would cut the text at maxlength; a silently truncated 作品特点 is worse than an empty one.
    skip = 'too-long';
    limit = field.maxLength;
  } else if (limits?.noBookTitleMarks && hasBookTitleMarks(text)) skip = 'book-title-marks';
  else if (!isEmptyValue(current) && sameValue(current, value)) skip = 'same-value';
  else if (!isEmptyValue(current) && !options.overwrite) skip = 'user-value';

  return {
    id: field.index,
    field: fieldInfo(field),
    role,
    attribute,
    value,
    current,
    reason: {
      label: field.label,
      labelSource: field.labelSource,
      roleSource: field.roleSource ?? 'default',
      ...(field.roleContext !== undefined ? { roleContext: field.roleContext } : {}),
    },
    ...(skip !== undefined ? { skip } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}

/**
 * One action per recognised field, in document order; fields with no attribute are left out. An action carries
 * `skip` when it must not run (no data, readonly, disabled, a different value already there unless `overwrite`, a
 * 字数 limit or the field's maxlength would be broken, 《》 in a title, no matching option). Reads the page's
 * current values, never writes.
 */
export function planFill(input: FillInput, fields: readonly FieldInfo[], options: PlanOptions = {}): FillAction[] {
  const pack = input.pack ?? currentPack();
  const categoryId = input.draft?.categoryId;
  const category = input.category ?? (categoryId ? findCategory(pack, categoryId) : undefined);
  const actions: FillAction[] = [];
  for (const field of fields) {
    const action = planOne(field, input, category, pack, options);
    if (action) actions.push(action);
  }
  return actions;
}
