import { z } from 'zod';
import { hasBookTitleMarks } from '@/lib/text';
import { isCalendarDay, isClockTime, isEmail, MOBILE_RE, normalizeLandline, normalizeMobile } from './validators';

/**
 * Every issue message is one of these codes; the UI turns a code into Chinese or English text. Keeping words out of
 * the schemas lets the background, the options page and the backup importer share them.
 */
export const PROFILE_ERROR_CODES = [
  'required',
  'tooLong',
  'mobile',
  'landline',
  'email',
  'bookTitleMarks',
  'tooManyAuthors',
  'duplicateAuthor',
  'date',
  'time',
  'invalid',
] as const;
export type ProfileErrorCode = (typeof PROFILE_ERROR_CODES)[number];

/**
 * Every notice caps a work at three authors (district notice 四(一) "每件作品作者不超过3人"; national notice
 * 附件1/附件2 作者信息 rows). A category may allow fewer; that is checked against the rule pack per draft.
 */
export const MAX_TEAM_AUTHORS = 3;

export const idSchema = z.string().min(1).max(64);
const timestamp = z.number().int().nonnegative();
const categoryIdSchema = z.string().regex(/^[a-z][a-z0-9_]*$/);

const requiredText = (max: number) =>
  z.string().trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });
const optionalText = (max: number) => z.string().trim().max(max, { error: 'tooLong' }).default('');

const mobileSchema = z
  .string()
  .transform(normalizeMobile)
  .refine((v) => v === '' || MOBILE_RE.test(v), { error: 'mobile' })
  .default('');

const landlineSchema = z
  .string()
  .trim()
  .refine((v) => v === '' || normalizeLandline(v) !== null, { error: 'landline' })
  .transform((v) => (v === '' ? '' : normalizeLandline(v)!))
  .default('');

const emailSchema = z
  .string()
  .trim()
  .refine((v) => v === '' || isEmail(v), { error: 'email' })
  .default('');

/** One teacher (author or contact person) as the registration forms ask for them. */
export const personSchema = z.object({
  id: idSchema,
  /** 姓名 */
  name: requiredText(40),
  /** 工作单位 / 所在单位, written as on the unit's official seal (按单位公章填写). */
  organization: optionalText(100),
  /** 职称 / 职务 */
  title: optionalText(40),
  /** 手机, stored as 11 digits. */
  mobile: mobileSchema,
  /** 固定电话, stored as `area-local[-extension]`. */
  landline: landlineSchema,
  /** 电子邮箱 */
  email: emailSchema,
  /** 学校类型 / 学段 */
  schoolType: optionalText(40),
  /** 学科 / 科目 */
  subject: optionalText(40),
  /** 年级 */
  grade: optionalText(40),
  /** 所属专业 (vocational categories) */
  major: optionalText(60),
  /** 地区 (省/市/区县) */
  region: optionalText(60),
  createdAt: timestamp,
  updatedAt: timestamp,
});
/** A stored person. */
export type Person = z.infer<typeof personSchema>;
/** A person as typed into a form, before normalisation. */
export type PersonInput = z.input<typeof personSchema>;

/** Ordered authors (first, second, third) plus the form's 联系人, who may or may not be an author. */
export const teamSchema = z.object({
  id: idSchema,
  name: requiredText(60),
  authorIds: z
    .array(idSchema)
    .max(MAX_TEAM_AUTHORS, { error: 'tooManyAuthors' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'duplicateAuthor' }),
  contactId: idSchema.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
/** A stored team. */
export type Team = z.infer<typeof teamSchema>;
export type TeamInput = z.input<typeof teamSchema>;

/** Field ids come from the rule pack (`fieldRuleSchema.id`). */
const fieldIdSchema = z.string().regex(/^[a-z][a-z0-9_]*$/);

/** A work being prepared: its name, category, team, and the form's text fields keyed by the pack's field ids. */
export const draftSchema = z.object({
  id: idSchema,
  /** 作品名称; every notice forbids 《》 in it. */
  title: requiredText(100).refine((v) => !hasBookTitleMarks(v), { error: 'bookTitleMarks' }),
  categoryId: categoryIdSchema.optional(),
  teamId: idSchema.optional(),
  // Over-limit text is kept: a draft is work in progress, and refusing to save it would lose the teacher's
  // writing. The 字数 limits are shown live and checked before filling (see draft-check.ts).
  fields: z.record(fieldIdSchema, z.string().max(50_000, { error: 'tooLong' })).default({}),
  createdAt: timestamp,
  updatedAt: timestamp,
});
/** A stored work draft. */
export type Draft = z.infer<typeof draftSchema>;
export type DraftInput = z.input<typeof draftSchema>;

/** A date the teacher adds (a district's FTP round is not in any notice); calendar days in Asia/Shanghai. */
export const deadlineSchema = z.object({
  id: idSchema,
  label: requiredText(60),
  categoryId: categoryIdSchema.optional(),
  date: z.string().refine(isCalendarDay, { error: 'date' }),
  time: z.string().refine(isClockTime, { error: 'time' }).optional(),
  note: z.string().trim().max(200, { error: 'tooLong' }).optional(),
});
/** A stored custom deadline. */
export type Deadline = z.infer<typeof deadlineSchema>;
export type DeadlineInput = z.input<typeof deadlineSchema>;

/** What the content script filled on a page, kept so the teacher can see what was submitted where. */
export const fillRecordSchema = z.object({
  id: idSchema,
  at: timestamp,
  url: z.url({ protocol: /^https?$/ }).max(2000),
  siteId: z.string().max(40).optional(),
  draftId: idSchema.optional(),
  teamId: idSchema.optional(),
  /** Labels of the fields that were filled, as the page printed them. */
  fields: z.array(z.string().max(200)).max(200),
});
/** A stored fill-history entry. */
export type FillRecord = z.infer<typeof fillRecordSchema>;
export type FillRecordInput = z.input<typeof fillRecordSchema>;


/** Field path (`mobile`, `authorIds`, `fields.summary`) → the first error code for it. */
export type FieldErrors = Partial<Record<string, ProfileErrorCode>>;

/** Flattens a zod error into one code per field, the shape the editors show under each input. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (out[key]) continue;
    out[key] = (PROFILE_ERROR_CODES as readonly string[]).includes(issue.message)
      ? (issue.message as ProfileErrorCode)
      : 'invalid';
  }
  return out;
}
