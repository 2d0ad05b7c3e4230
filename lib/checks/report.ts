import { z } from 'zod';
import { fileTypeSchema, siteIdSchema } from '../rules/schema';
import { FINDING_CODES } from './messages';

export const REPORT_SCHEMA_ID = 'submit-helper/check-report@1';

/** Ordered from best to worst; a whole-file or whole-report verdict is the worst of its findings. */
export const VERDICTS = ['pass', 'warn', 'fail', 'unreadable'] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

export const findingCodeSchema = z.enum(FINDING_CODES);

const paramValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export const findingParamsSchema = z.record(z.string(), paramValueSchema);
export type FindingParams = z.infer<typeof findingParamsSchema>;

/** One observation about a file or the whole submission; `message` is Chinese, re-render with `formatFinding`. */
export const findingSchema = z.object({
  code: findingCodeSchema,
  verdict: verdictSchema,
  params: findingParamsSchema,
  message: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

/** What the engine read from a video's headers. Absent fields could not be read (e.g. an MKV's codec). */
export const mediaInfoSchema = z.object({
  container: z.enum(['mp4', 'mov', 'mkv', 'webm', 'avi']),
  durationSec: z.number().nonnegative().optional(),
  /** Display size: tkhd size with a 90°/270° rotation applied. */
  width: z.number().int().nonnegative().optional(),
  height: z.number().int().nonnegative().optional(),
  rotation: z.number().int().optional(),
  /** Average frame rate of the video track: samples ÷ media duration. */
  fps: z.number().positive().optional(),
  /** True when fewer than 98 % of frames sit on the dominant frame interval. */
  vfr: z.boolean().optional(),
  videoCodec: z.string().optional(),
  audioCodec: z.string().optional(),
  fragmented: z.boolean().optional(),
});
export type MediaInfo = z.infer<typeof mediaInfoSchema>;

export const documentInfoSchema = z.object({
  /** 字数 as Word counts it; absent for a legacy .doc. */
  chars: z.number().int().nonnegative().optional(),
  /** Deepest heading level used (1 = 标题 1); 0 when the document has no headings. */
  headingLevels: z.number().int().nonnegative().optional(),
});
export type DocumentInfo = z.infer<typeof documentInfoSchema>;

export const archiveInfoSchema = z.object({
  /** Files only: folders, `__MACOSX/`, `.DS_Store`, `Thumbs.db` are not counted. */
  items: z.number().int().nonnegative(),
  /** Sum of the counted files' uncompressed sizes. */
  totalBytes: z.number().nonnegative(),
  encrypted: z.boolean(),
  /** Which format the directory was read from (absent in reports written before RAR and 7z were read). */
  format: z.enum(['zip', 'rar4', 'rar5', '7z']).optional(),
});
export type ArchiveInfo = z.infer<typeof archiveInfoSchema>;

export const imageInfoSchema = z.object({
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
});
export type ImageInfo = z.infer<typeof imageInfoSchema>;

export const pdfInfoSchema = z.object({
  pages: z.number().int().nonnegative().optional(),
});

/** What a PDF's objects say about its pages being scans (lib/checks/pdf-scan.ts). */
export const pdfScanInfoSchema = z.object({
  pageObjects: z.number().int().nonnegative(),
  images: z.number().int().nonnegative(),
  /** Images large enough to be a scanned page. */
  pageImages: z.number().int().nonnegative(),
  fonts: z.number().int().nonnegative(),
  sizedPages: z.number().int().nonnegative(),
  a4Pages: z.number().int().nonnegative(),
  complete: z.boolean(),
});
export type PdfScanInfo = z.infer<typeof pdfScanInfoSchema>;

export const fileReportSchema = z.object({
  name: z.string(),
  path: z.string().optional(),
  size: z.number().nonnegative(),
  /** The slot the file was assigned to; null when it fits none (or is a system file that was ignored). */
  slot: z.string().nullable(),
  detected: z.object({ type: fileTypeSchema, mime: z.string() }),
  media: mediaInfoSchema.optional(),
  document: documentInfoSchema.optional(),
  archive: archiveInfoSchema.optional(),
  image: imageInfoSchema.optional(),
  pdf: pdfInfoSchema.optional(),
  scan: pdfScanInfoSchema.optional(),
  findings: z.array(findingSchema),
  verdict: verdictSchema,
});
export type FileReport = z.infer<typeof fileReportSchema>;

/** The result of checking one category's files. */
export const checkReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA_ID),
  /** Rule pack version, e.g. "2025.1". */
  rulePack: z.string(),
  category: z.string(),
  /** The submission route the slots were judged for (a site id); absent in reports made before routes existed. */
  route: siteIdSchema.optional(),
  verdict: verdictSchema,
  missing: z.array(z.object({ slot: z.string(), label: z.string() })),
  /** Findings about the submission as a whole: missing slots, totals, folder layout. */
  findings: z.array(findingSchema),
  files: z.array(fileReportSchema),
});
export type CheckReport = z.infer<typeof checkReportSchema>;

export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst = 0;
  for (const v of verdicts) worst = Math.max(worst, VERDICTS.indexOf(v));
  return VERDICTS[worst]!;
}
