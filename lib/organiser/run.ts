import { formatFinding, type Lang } from '../checks/messages';
import { type CheckReport, type Verdict, worstVerdict } from '../checks/report';
import type { Category } from '../rules/schema';
import type { Layout, WorkUnit } from './layout';
import { formatLayoutIssue } from './messages';

/** A work's row: its layout, the engine's report (null when no category could be told), and the verdict. */
export interface WorkResult {
  unit: WorkUnit;
  report: CheckReport | null;
  verdict: Verdict;
}

export interface DistrictProgress {
  teachersDone: number;
  teachersTotal: number;
  worksDone: number;
  worksTotal: number;
}

export interface CheckDistrictOptions {
  /** Checks one work's files against its category (checkFiles with the page's or the command's pool). */
  check: (unit: WorkUnit & { category: Category }) => Promise<CheckReport>;
  /** Works checked at once; each check runs its own files in the pool, so 2 keeps the pool busy. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: DistrictProgress) => void;
  /** Called as each work finishes, in the order they finish. */
  onResult?: (result: WorkResult, index: number) => void;
}

/**
 * The engine's own folder check says "类别文件夹应为 X" for a misspelt folder; the layout issue says the same
 * with what differs, so the row names the fault once.
 */
function withoutDuplicates(unit: WorkUnit, report: CheckReport): CheckReport {
  if (!unit.issues.some((i) => i.code === 'category_misspelt')) return report;
  const findings = report.findings.filter((f) => f.code !== 'layout_category_folder');
  return { ...report, findings, verdict: worstVerdict([...findings.map((f) => f.verdict), ...report.files.map((f) => f.verdict)]) };
}

export function resultOf(unit: WorkUnit, report: CheckReport | null): WorkResult {
  const cleaned = report ? withoutDuplicates(unit, report) : null;
  const verdicts: Verdict[] = unit.issues.map((i) => i.verdict);
  if (cleaned) verdicts.push(cleaned.verdict);
  else verdicts.push('fail');
  return { unit, report: cleaned, verdict: worstVerdict(verdicts) };
}

/** Checks every work of a layout; rows come back in the layout's order. Only an abort makes it throw. */
export async function checkDistrict(layout: Layout, options: CheckDistrictOptions): Promise<WorkResult[]> {
  const { units } = layout;
  const results: Array<WorkResult | undefined> = units.map(() => undefined);
  const left = new Map<string, number>();
  for (const u of units) left.set(u.teacherPath, (left.get(u.teacherPath) ?? 0) + 1);
  const progress: DistrictProgress = { teachersDone: 0, teachersTotal: left.size, worksDone: 0, worksTotal: units.length };
  options.onProgress?.({ ...progress });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < units.length) {
      options.signal?.throwIfAborted();
      const i = next++;
      const unit = units[i]!;
      const report = unit.category ? await options.check({ ...unit, category: unit.category }) : null;
      const result = resultOf(unit, report);
      results[i] = result;
      options.onResult?.(result, i);
      progress.worksDone++;
      const remaining = left.get(unit.teacherPath)! - 1;
      left.set(unit.teacherPath, remaining);
      if (remaining === 0) progress.teachersDone++;
      options.onProgress?.({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 2, units.length)) }, worker));
  return results as WorkResult[];
}

/** Every fault of a row in words: layout first, then missing items, then each file's, then the whole work's. */
export function failuresOf(result: WorkResult, lang: Lang = 'zh', slotLabel: (id: string) => string = (id) => id): string[] {
  const out = result.unit.issues.map((i) => formatLayoutIssue(i, lang));
  const report = result.report;
  if (!report) return out;
  if (report.missing.length > 0) {
    out.push(`${lang === 'zh' ? '缺少' : 'Missing'}${lang === 'zh' ? '：' : ': '}${report.missing.map((m) => slotLabel(m.slot)).join(lang === 'zh' ? '、' : ', ')}`);
  }
  for (const file of report.files) {
    for (const f of file.findings) if (f.verdict !== 'pass') out.push(`${file.name}${lang === 'zh' ? '：' : ': '}${formatFinding(f, lang)}`);
  }
  for (const f of report.findings) if (f.verdict !== 'pass' && f.code !== 'slot_missing') out.push(formatFinding(f, lang));
  return out;
}
