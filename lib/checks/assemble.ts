import type { Category, FileType, Slot } from '../rules/schema';
import { extensionOf } from './detect';
import { makeFinding } from './messages';
import type { Finding } from './report';
import { slotFitsType } from './slot-checks';
import type { ByteSource } from './source';

/** A file as the UI hands it over: from a file picker, a drop, or a folder picker (then `path` is set). */
export interface InputFile {
  blob: ByteSource;
  name: string;
  /** Relative path from a folder pick, e.g. `小学+实验小学+张三/融合创新应用教学案例/作品/录像.mp4`. */
  path?: string;
}

/** What assignment needs to know about a file. */
export interface AssignableFile {
  name: string;
  path?: string;
  type: FileType;
}

/** Files that operating systems and editors leave behind (Finder, Explorer, Word's lock files). */
export function isSystemFile(pathOrName: string): boolean {
  const parts = pathOrName.split(/[\\/]/).filter(Boolean);
  if (parts.includes('__MACOSX')) return true;
  const base = parts[parts.length - 1] ?? '';
  const lower = base.toLowerCase();
  return lower === '.ds_store' || lower === 'thumbs.db' || lower === 'desktop.ini' || base.startsWith('._') || base.startsWith('~$');
}

function baseName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const ext = extensionOf(base);
  return (ext ? base.slice(0, -ext.length) : base).toLowerCase();
}

/** Longest slot keyword found in the file name (without extension), or 0. */
function keywordLength(slot: Slot, name: string): number {
  const base = baseName(name);
  let best = 0;
  for (const k of slot.keywords) if (base.includes(k.toLowerCase())) best = Math.max(best, k.length);
  return best;
}

/**
 * How well a file fits a slot. A keyword in the name weighs most, so "登记表.docx" lands on the 登记表 slot and
 * is told it must be a PDF scan instead of silently filling the Word slot; the real type comes next, then the
 * extension. 0 means "no reason to put it here".
 */
export function slotScore(slot: Slot, file: AssignableFile): number {
  const kw = keywordLength(slot, file.name);
  const typeOk = slotFitsType(slot, file.type);
  if (!kw && !typeOk) return 0;
  return (kw ? 100 + 2 * kw : 0) + (typeOk ? 80 : 0) + (slot.accept.extensions.includes(extensionOf(file.name)) ? 10 : 0);
}

/**
 * Assigns each file to a slot id (or null). The user's override map (keyed by path or by name) wins; the other
 * files are placed best-fit first, each into its highest-scoring slot that still has room (maxCount), falling back
 * to its best slot even when full so the report can say "too many files" there.
 */
export function assignSlots(
  category: Pick<Category, 'slots'>,
  files: readonly AssignableFile[],
  overrides: Readonly<Record<string, string>> = {},
): Array<string | null> {
  const slotIds = new Set(category.slots.map((s) => s.id));
  const assigned: Array<string | null> = files.map(() => null);
  const used = new Map<string, number>();
  const take = (i: number, slotId: string): void => {
    assigned[i] = slotId;
    used.set(slotId, (used.get(slotId) ?? 0) + 1);
  };

  const pending: Array<{ index: number; ranked: Array<{ slot: Slot; score: number }> }> = [];
  files.forEach((file, i) => {
    const override = (file.path !== undefined ? overrides[file.path] : undefined) ?? overrides[file.name];
    if (override !== undefined && slotIds.has(override)) {
      take(i, override);
      return;
    }
    const ranked = category.slots
      .map((slot) => ({ slot, score: slotScore(slot, file) }))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score);
    if (ranked.length > 0) pending.push({ index: i, ranked });
  });

  // Sure matches first: a file whose best score is high claims its slot before a vaguer file can.
  pending.sort((a, b) => b.ranked[0]!.score - a.ranked[0]!.score || a.index - b.index);
  for (const { index, ranked } of pending) {
    const bestScore = ranked[0]!.score;
    // A file named for a slot moves only to another slot its name also points to: a second "总结报告" must not
    // fill (and so hide) a missing 实施方案 just because both are Word files.
    const floor = bestScore >= 100 ? 100 : Math.min(bestScore, 90);
    const roomy = ranked.find(
      (r) => r.score >= floor && (r.slot.maxCount === undefined || (used.get(r.slot.id) ?? 0) < r.slot.maxCount),
    );
    take(index, (roomy ?? ranked[0]!).slot.id);
  }
  return assigned;
}

/** Whether a slot must be filled, given the teacher's answers to `requiredIf` questions (keyed by slot id). */
export function isSlotRequired(slot: Slot, answers: Readonly<Record<string, boolean>> = {}): boolean {
  if (slot.requiredIf) return slot.required || answers[slot.id] === true;
  return slot.required;
}

export interface AssignedFile {
  slot: string | null;
  size: number;
  media?: { durationSec?: number };
  /** An archive's counted files: its items toward the slot's item limit. */
  archive?: { items: number };
}

/** Missing slots, counts, per-slot totals and the category's total recording time. */
export function slotFindings(
  category: Category,
  files: readonly AssignedFile[],
  answers: Readonly<Record<string, boolean>> = {},
): { missing: Array<{ slot: string; label: string }>; findings: Finding[] } {
  const missing: Array<{ slot: string; label: string }> = [];
  const findings: Finding[] = [];
  for (const slot of category.slots) {
    const mine = files.filter((f) => f.slot === slot.id);
    const count = mine.length;
    const labels = { slot: slot.id, label: slot.label, labelEn: slot.labelEn };
    const needed = isSlotRequired(slot, answers) ? Math.max(1, slot.minCount) : count > 0 ? slot.minCount : 0;
    if (count === 0 && needed > 0) {
      missing.push({ slot: slot.id, label: slot.label });
      findings.push(makeFinding('slot_missing', 'fail', labels));
    } else if (count < needed) {
      findings.push(makeFinding('slot_too_few', 'fail', { ...labels, count, min: needed }));
    }
    if (slot.maxCount !== undefined && count > slot.maxCount) {
      findings.push(makeFinding('slot_too_many', 'fail', { ...labels, count, max: slot.maxCount }));
    }
    // "总数量不超过5件" is about the whole submission: loose files count one each, an archive its files, so two
    // ZIPs of three photos are six items even though each ZIP alone is within the limit.
    if (slot.archive?.maxItems !== undefined && count > 1) {
      const items = mine.reduce((n, f) => n + (f.archive ? f.archive.items : 1), 0);
      const max = slot.archive.maxItems;
      findings.push(items > max
        ? makeFinding('slot_items_over', 'fail', { ...labels, items, max })
        : makeFinding('slot_items_ok', 'pass', { ...labels, items, max }));
    }
    if (slot.maxTotalBytes !== undefined) {
      const totalBytes = mine.reduce((n, f) => n + f.size, 0);
      if (totalBytes > slot.maxTotalBytes) {
        findings.push(makeFinding('slot_total_bytes_over', 'fail', { ...labels, totalBytes, max: slot.maxTotalBytes }));
      }
    }
  }

  if (category.maxTotalVideoSec !== undefined) {
    const videoSlots = new Set(category.slots.filter((s) => s.video).map((s) => s.id));
    const videos = files.filter((f) => f.slot !== null && videoSlots.has(f.slot));
    const known = videos.filter((f) => f.media?.durationSec !== undefined);
    const durationSec = known.reduce((n, f) => n + f.media!.durationSec!, 0);
    const maxSec = category.maxTotalVideoSec;
    if (durationSec > maxSec) findings.push(makeFinding('video_total_over', 'fail', { durationSec, maxSec }));
    else if (known.length < videos.length) findings.push(makeFinding('video_total_unknown', 'warn', { unknown: videos.length - known.length, maxSec }));
    else if (videos.length > 0) findings.push(makeFinding('video_total_ok', 'pass', { durationSec, maxSec }));
  }
  return { missing, findings };
}

/**
 * School stages a district teacher folder starts with (学段+学校+教师姓名). Only a warning: a school may write
 * its stage another way.
 */
const STAGE_PREFIX = /^(幼儿园|学前|小学|初中|高中|中学|中职|高职|职高|技工|特殊教育|特教|九年一贯|十二年一贯|完全中学|普通高中|义务教育)/;

function splitPath(path: string): string[] {
  return path.replace(/\\/g, '/').replace(/^\.?\//, '').split('/').filter(Boolean);
}

/**
 * District packaging (district notice 四(一)2): `学段+学校+教师姓名 / 项目名称 / 作品名称 / files`, where the
 * second-level folder must be the category's name exactly. Checked only for files that came with a path.
 */
export function layoutFindings(category: Pick<Category, 'name'>, paths: readonly string[]): Finding[] {
  if (paths.length === 0) return [];
  const split = paths.map(splitPath);
  const findings: Finding[] = [];
  const selectedCategoryFolder = split.every((s) => s[0] === category.name);
  // When the teacher picked the category folder itself, there is no teacher level to look at.
  const offset = selectedCategoryFolder ? -1 : 0;
  if (selectedCategoryFolder) findings.push(makeFinding('layout_no_teacher_folder', 'warn'));

  const shallow = split.filter((s) => s.length < 4 + offset);
  if (shallow.length > 0) {
    findings.push(makeFinding('layout_depth', 'fail', { path: shallow[0]!.join('/'), count: shallow.length }));
  }
  const deep = split.filter((s) => s.length >= 4 + offset);
  if (!selectedCategoryFolder) {
    const teachers = [...new Set(split.map((s) => s[0]!))];
    if (teachers.length > 1) findings.push(makeFinding('layout_multiple_roots', 'fail', { count: teachers.length, folders: teachers }));
    for (const t of teachers) {
      if (deep.some((s) => s[0] === t) && !STAGE_PREFIX.test(t)) findings.push(makeFinding('layout_teacher_folder', 'warn', { found: t }));
    }
    const categories = [...new Set(deep.map((s) => s[1]!))];
    for (const found of categories) {
      if (found !== category.name) findings.push(makeFinding('layout_category_folder', 'fail', { found, expected: category.name }));
    }
  }
  const works = [...new Set(deep.map((s) => s[2 + offset]!))];
  if (works.length > 1) findings.push(makeFinding('layout_multiple_works', 'warn', { count: works.length, folders: works }));
  if (findings.every((f) => f.verdict === 'pass')) findings.push(makeFinding('layout_ok', 'pass'));
  return findings;
}
