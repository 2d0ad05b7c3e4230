import { z } from 'zod';

/** Where a rule comes from: a notice file in shared/seeds and the section that states it. */
export const sourceSchema = z.object({
  notice: z.enum(['district', 'national']),
  section: z.string().min(1),
  quote: z.string().min(1).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** Real file types the check engine can recognise by magic bytes. */
export const FILE_TYPES = [
  'mp4', 'mov', 'mkv', 'avi', 'pdf', 'doc', 'docx', 'ppt', 'pptx', 'xls', 'xlsx',
  'zip', 'rar', '7z', 'jpeg', 'png', 'gif', 'exe', 'html', 'unknown',
] as const;
export const fileTypeSchema = z.enum(FILE_TYPES);
export type FileType = z.infer<typeof fileTypeSchema>;

export const siteIdSchema = z.enum(['huodong', 'hecloudnet', 'district-ftp']);
export type SiteId = z.infer<typeof siteIdSchema>;

const positive = z.number().positive();
const count = z.number().int().nonnegative();

/** Limits for a video slot. Durations in seconds, inclusive. */
export const videoLimitsSchema = z.object({
  minDurationSec: positive.optional(),
  maxDurationSec: positive.optional(),
  minWidth: count.optional(),
  minHeight: count.optional(),
  /** Exact frame rate required (e.g. 25); compared with a small tolerance. */
  fps: positive.optional(),
  container: z.enum(['mp4']).optional(),
  source: sourceSchema,
});

/** Limits for a Word document slot: 字数 counted like Word. */
export const documentLimitsSchema = z.object({
  minChars: count.optional(),
  maxChars: count.optional(),
  maxHeadingLevels: count.optional(),
  source: sourceSchema,
});

export const archiveLimitsSchema = z.object({
  maxItems: count.optional(),
  maxTotalBytes: count.optional(),
  source: sourceSchema,
});

export const imageLimitsSchema = z.object({
  minLongEdge: count.optional(),
  source: sourceSchema,
});

/**
 * The slot takes a paper form, signed (or stamped) and scanned to PDF ("签字扫描为PDF格式"): a PDF whose pages are
 * typed text, not pictures of paper, is the unsigned file and is caught (lib/checks/pdf-scan.ts).
 */
export const scanRuleSchema = z.object({
  /** Pages of the printed form (its layout's `pages` in lib/forms/layouts); a scan with another count is a warning. */
  pages: z.number().int().min(1).optional(),
  source: sourceSchema,
});

/** What a slot accepts: real types (by magic bytes) and the extensions the file name may carry. */
export const acceptSchema = z.object({
  types: z.array(fileTypeSchema).min(1),
  extensions: z.array(z.string().regex(/^\.[a-z0-9]+$/)).min(1),
});

/**
 * A notice that states a slot differently for one submission route (a site id): what it says replaces the slot's
 * own `accept` (and `maxCount`) on that route (lib/checks/evaluate.ts).
 */
export const slotVariantSchema = z.object({
  site: siteIdSchema,
  accept: acceptSchema,
  /** "ZIP压缩包格式": one archive on this route. */
  maxCount: z.number().int().nonnegative().optional(),
  /** The route asks for a signed scan where the slot itself does not (the district round's 信息表). */
  scan: scanRuleSchema.optional(),
  source: sourceSchema,
});

/** One kind of file a category asks for. */
export const slotSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  labelEn: z.string().min(1),
  /** Words in a file name or an upload's label that point to this slot (登记表, 视频, 支撑材料…). */
  keywords: z.array(z.string().min(1)).min(1),
  required: z.boolean(),
  /** When set, the slot is required only if the teacher says this applies (shown as a question). */
  requiredIf: z.object({ question: z.string(), questionEn: z.string() }).optional(),
  accept: acceptSchema,
  /** Each file must be uploaded on its own (a ZIP where a slot forbids packing is a fault). */
  noArchives: z.boolean().default(false),
  minCount: count,
  /** Omitted = no upper bound. */
  maxCount: count.optional(),
  maxBytes: count.optional(),
  /** Sum over the slot's files. */
  maxTotalBytes: count.optional(),
  video: videoLimitsSchema.optional(),
  document: documentLimitsSchema.optional(),
  archive: archiveLimitsSchema.optional(),
  image: imageLimitsSchema.optional(),
  scan: scanRuleSchema.optional(),
  variants: z.array(slotVariantSchema).default([]),
  notes: z.array(z.string()).default([]),
  sources: z.array(sourceSchema).min(1),
});

/** A text field printed on a form, with the limits the form prints. */
export const fieldRuleSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  labelEn: z.string().min(1),
  /** Other wordings of the label on the official pages. */
  aliases: z.array(z.string()).default([]),
  form: z.string().min(1),
  minChars: count.optional(),
  maxChars: count.optional(),
  maxKeywords: count.optional(),
  /** The text must not contain 《》 (every notice forbids it in 作品名称). */
  noBookTitleMarks: z.boolean().default(false),
  /** Closed list of values (科目, 学段 …). */
  options: z.array(z.string()).optional(),
  multiple: z.boolean().default(false),
  /**
   * A size field (作品大小, in MB): filled with the total of the files chosen for the category, except these slots
   * (the signed registration form is paperwork about the work, not the work).
   */
  sizeOf: z.object({ exceptSlots: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)) }).optional(),
  source: sourceSchema,
});

/** A submission window; dates are calendar days in Asia/Shanghai, both inclusive. */
export const windowSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  labelEn: z.string().min(1),
  site: siteIdSchema.optional(),
  audience: z.enum(['teacher', 'organiser']),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: sourceSchema,
});

export const categorySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  group: z.string().min(1),
  groupEn: z.string().min(1),
  /** Where the teacher submits; the first is the one whose notice the slots follow. */
  sites: z.array(siteIdSchema).min(1),
  /** Registration form number(s) of the notice (附件1 …). */
  forms: z.array(z.string()),
  slots: z.array(slotSchema).min(1),
  fields: z.array(fieldRuleSchema),
  maxAuthors: z.number().int().min(1),
  maxWorksPerFirstAuthor: z.number().int().min(1).optional(),
  /** Sum of all recordings across the category's video slots. */
  maxTotalVideoSec: positive.optional(),
  totalSource: sourceSchema.optional(),
  /** Outcome rules the teacher should confirm themselves (not file checks). */
  selfChecks: z.array(z.object({ text: z.string(), textEn: z.string(), source: sourceSchema })).default([]),
  windows: z.array(windowSchema),
  sources: z.array(sourceSchema).min(1),
});

export const rulePackSchema = z.object({
  schema: z.literal('submit-helper/rule-pack@1'),
  /** e.g. "2025.1": activity year, then the pack's own revision. */
  version: z.string().regex(/^\d{4}\.\d+$/),
  year: z.number().int(),
  activity: z.string().min(1),
  notices: z.object({
    district: z.object({ title: z.string(), file: z.string() }),
    national: z.object({ title: z.string(), file: z.string() }),
  }),
  /** Rules every category shares (≤ 3 authors, no 《》 in 作品名称, awarded works ineligible). */
  common: z.array(z.object({ text: z.string(), textEn: z.string(), source: sourceSchema })),
  /** Organiser-side dates not tied to one category. */
  windows: z.array(windowSchema),
  categories: z.array(categorySchema).min(1),
});

export type VideoLimits = z.infer<typeof videoLimitsSchema>;
export type DocumentLimits = z.infer<typeof documentLimitsSchema>;
export type ArchiveLimits = z.infer<typeof archiveLimitsSchema>;
export type ImageLimits = z.infer<typeof imageLimitsSchema>;
export type ScanRule = z.infer<typeof scanRuleSchema>;
export type Accept = z.infer<typeof acceptSchema>;
export type Slot = z.infer<typeof slotSchema>;
export type FieldRule = z.infer<typeof fieldRuleSchema>;
export type Window = z.infer<typeof windowSchema>;
export type Category = z.infer<typeof categorySchema>;
export type RulePack = z.infer<typeof rulePackSchema>;
/** A pack as written in source, before zod fills defaults. */
export type RulePackInput = z.input<typeof rulePackSchema>;
