import type { FileType, ScanRule, Slot } from '../rules/schema';
import { extensionOf } from './detect';
import type { Inspection } from './inspect';
import { makeFinding } from './messages';
import type { Finding, PdfScanInfo } from './report';

const ARCHIVE_TYPES: ReadonlySet<FileType> = new Set(['zip', 'rar', '7z']);

/**
 * A frame rate within 1 % of the required one passes: 25 fps allows 24.75–25.25, so 23.976 and 29.97 fail while
 * an average pulled off 25.000 by one odd last frame does not.
 */
export const FPS_TOLERANCE = 0.01;

/** Whether a slot takes a real type. A QuickTime movie is not an MP4: where the notice asks for MP4, a MOV fails. */
export function slotAcceptsType(slot: Pick<Slot, 'accept'>, type: FileType): boolean {
  return slot.accept.types.includes(type);
}

/**
 * Whether a file of this type belongs on the slot, for assignment only: a MOV still lands on the MP4 video slot, so
 * the teacher reads "须为 MP4" there instead of "not assigned".
 */
export function slotFitsType(slot: Pick<Slot, 'accept'>, type: FileType): boolean {
  return slotAcceptsType(slot, type) || (type === 'mov' && slot.accept.types.includes('mp4'));
}

/** A QuickTime movie where only MP4 is taken (district notice 二(二)2(3)① "输出格式为MP4"). */
function movForMp4(slot: Pick<Slot, 'accept'>, type: FileType): boolean {
  return type === 'mov' && !slotAcceptsType(slot, 'mov') && slot.accept.types.includes('mp4');
}

/** Findings of one inspected file against the slot it was assigned to. */
export function checkAgainstSlot(file: Inspection, slot: Slot): Finding[] {
  const out: Finding[] = [];
  const type = file.detected.type;
  const ext = extensionOf(file.name);
  const unreadable = file.findings.some((f) => f.verdict === 'unreadable');

  if (slot.noArchives && ARCHIVE_TYPES.has(type) && !slot.accept.types.includes(type)) {
    out.push(makeFinding('archive_not_allowed', 'fail', { actual: type }));
  } else if (movForMp4(slot, type)) {
    out.push(makeFinding('video_container_mov', 'fail'));
  } else if (!slotAcceptsType(slot, type)) {
    out.push(makeFinding('type_not_accepted', 'fail', { actual: type, accepted: [...slot.accept.types] }));
  }
  if (!slot.accept.extensions.includes(ext)) {
    out.push(makeFinding('extension_not_accepted', 'fail', { ext, accepted: [...slot.accept.extensions] }));
  }
  if (slot.maxBytes !== undefined) {
    out.push(
      file.size > slot.maxBytes
        ? makeFinding('size_too_large', 'fail', { size: file.size, max: slot.maxBytes })
        : makeFinding('size_ok', 'pass', { size: file.size, max: slot.maxBytes }),
    );
  }
  if (slot.video && file.media && !unreadable) out.push(...videoFindings(file, slot.video, movForMp4(slot, type)));
  if (slot.document && !unreadable) out.push(...documentFindings(file, slot.document));
  if (slot.archive && !unreadable) out.push(...archiveFindings(file, slot.archive));
  if (slot.image?.minLongEdge !== undefined && file.image) {
    const longEdge = Math.max(file.image.width, file.image.height);
    const params = { width: file.image.width, height: file.image.height, longEdge, min: slot.image.minLongEdge };
    out.push(makeFinding(longEdge >= slot.image.minLongEdge ? 'image_ok' : 'image_small', longEdge >= slot.image.minLongEdge ? 'pass' : 'fail', params));
  }
  if (slot.scan && type === 'pdf' && file.scan && !unreadable) out.push(...scanFindings(file, file.scan, slot.scan));
  return out;
}

/**
 * A slot that takes a signed, scanned form: every page should be a picture of paper, of A4 shape, as many pages as
 * the form has. All warnings: a scanner may do something unusual, and only the teacher can look at the sheet.
 */
function scanFindings(file: Inspection, scan: PdfScanInfo, rule: ScanRule): Finding[] {
  const out: Finding[] = [];
  const pages = file.pdf?.pages ?? (scan.pageObjects > 0 ? scan.pageObjects : undefined);
  if (scan.pageImages === 0) {
    out.push(scan.complete ? makeFinding('pdf_not_scan', 'warn', { fonts: scan.fonts, ...(pages !== undefined ? { pages } : {}) }) : makeFinding('pdf_scan_unknown', 'warn'));
  } else if (pages !== undefined && scan.pageImages < pages) {
    out.push(makeFinding('pdf_scan_partial', 'warn', { pages, scanned: scan.pageImages }));
  } else {
    out.push(makeFinding('pdf_scan_ok', 'pass', { pages: pages ?? scan.pageImages }));
  }
  if (scan.pageImages > 0 && scan.sizedPages > scan.a4Pages) {
    out.push(makeFinding('pdf_scan_not_a4', 'warn', { count: scan.sizedPages - scan.a4Pages, pages: scan.sizedPages }));
  }
  if (rule.pages !== undefined && pages !== undefined && pages !== rule.pages) {
    out.push(makeFinding('pdf_scan_pages', 'warn', { pages, expected: rule.pages }));
  }
  return out;
}

/** `movSaid`: the type check already failed the file for being a MOV; the container is not named twice. */
function videoFindings(file: Inspection, limits: NonNullable<Slot['video']>, movSaid: boolean): Finding[] {
  const out: Finding[] = [];
  const media = file.media!;
  if (limits.container === 'mp4' && media.container !== 'mp4' && media.container !== 'mov') {
    out.push(makeFinding('video_container', 'fail', { container: media.container }));
  } else if (limits.container === 'mp4' && media.container === 'mov' && !movSaid) {
    out.push(makeFinding('video_container_mov', 'fail'));
  }

  if (limits.minDurationSec !== undefined || limits.maxDurationSec !== undefined) {
    const d = media.durationSec;
    const range = {
      ...(limits.minDurationSec !== undefined ? { minSec: limits.minDurationSec } : {}),
      ...(limits.maxDurationSec !== undefined ? { maxSec: limits.maxDurationSec } : {}),
    };
    if (d === undefined) out.push(makeFinding('video_duration_unknown', 'warn', { container: media.container, ...range }));
    else if (limits.maxDurationSec !== undefined && d > limits.maxDurationSec) out.push(makeFinding('video_too_long', 'fail', { durationSec: d, ...range }));
    else if (limits.minDurationSec !== undefined && d < limits.minDurationSec) out.push(makeFinding('video_too_short', 'fail', { durationSec: d, ...range }));
    else out.push(makeFinding('video_duration_ok', 'pass', { durationSec: d, ...range }));
  }

  if ((limits.minWidth !== undefined || limits.minHeight !== undefined) && media.width !== undefined && media.height !== undefined) {
    const minWidth = limits.minWidth ?? 0;
    const minHeight = limits.minHeight ?? 0;
    const params = { width: media.width, height: media.height, minWidth, minHeight, rotation: media.rotation ?? 0 };
    const ok = media.width >= minWidth && media.height >= minHeight;
    out.push(makeFinding(ok ? 'video_resolution_ok' : 'video_resolution_low', ok ? 'pass' : 'fail', params));
  }

  if (limits.fps !== undefined && media.fps !== undefined) {
    const params = { fps: round(media.fps, 3), required: limits.fps, vfr: media.vfr ?? false };
    const close = Math.abs(media.fps - limits.fps) <= limits.fps * FPS_TOLERANCE;
    if (!close) out.push(makeFinding('video_fps_mismatch', 'fail', params));
    else if (media.vfr) out.push(makeFinding('video_vfr', 'warn', params));
    else out.push(makeFinding('video_fps_ok', 'pass', params));
  }
  return out;
}

function documentFindings(file: Inspection, limits: NonNullable<Slot['document']>): Finding[] {
  const out: Finding[] = [];
  const range = {
    ...(limits.minChars !== undefined ? { min: limits.minChars } : {}),
    ...(limits.maxChars !== undefined ? { max: limits.maxChars } : {}),
  };
  const hasRange = limits.minChars !== undefined || limits.maxChars !== undefined;
  const chars = file.document?.chars;
  if (hasRange) {
    if (chars !== undefined) {
      if (limits.maxChars !== undefined && chars > limits.maxChars) out.push(makeFinding('doc_chars_over', 'fail', { chars, ...range }));
      else if (limits.minChars !== undefined && chars < limits.minChars) out.push(makeFinding('doc_chars_under', 'fail', { chars, ...range }));
      else out.push(makeFinding('doc_chars_ok', 'pass', { chars, ...range }));
    } else if (file.detected.type === 'doc') {
      out.push(makeFinding('doc_legacy', 'warn', range));
    } else {
      out.push(makeFinding('doc_not_countable', 'warn', { type: file.detected.type, ...range }));
    }
  }
  const levels = file.document?.headingLevels;
  if (limits.maxHeadingLevels !== undefined && levels !== undefined) {
    const params = { levels, max: limits.maxHeadingLevels };
    out.push(makeFinding(levels > limits.maxHeadingLevels ? 'doc_headings_over' : 'doc_headings_ok', levels > limits.maxHeadingLevels ? 'fail' : 'pass', params));
  }
  return out;
}

function archiveFindings(file: Inspection, limits: NonNullable<Slot['archive']>): Finding[] {
  const out: Finding[] = [];
  const type = file.detected.type;
  if (!ARCHIVE_TYPES.has(type)) return out;
  if (!file.archive) {
    // Hidden names already have their own finding; saying "cannot look inside" again adds nothing.
    if (!file.findings.some((f) => f.code === 'archive_names_encrypted')) out.push(makeFinding('archive_not_inspected', 'warn', { type }));
    return out;
  }
  const { items, totalBytes } = file.archive;
  if (limits.maxItems !== undefined) {
    const over = items > limits.maxItems;
    out.push(makeFinding(over ? 'archive_items_over' : 'archive_items_ok', over ? 'fail' : 'pass', { items, max: limits.maxItems }));
  }
  if (limits.maxTotalBytes !== undefined) {
    const over = totalBytes > limits.maxTotalBytes;
    out.push(makeFinding(over ? 'archive_bytes_over' : 'archive_bytes_ok', over ? 'fail' : 'pass', { totalBytes, max: limits.maxTotalBytes }));
  }
  return out;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
