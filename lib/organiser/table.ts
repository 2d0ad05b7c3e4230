/**
 * The 汇总表: one row per work, the columns an organiser files with the district (学段, 学校, 教师, 类别, 作品名称,
 * 作者数, each required item's state, the faults in words, the verdict). The same table feeds the .xlsx, the CSV
 * and the printable HTML.
 */
import { isSlotRequired } from '../checks/assemble';
import type { Lang } from '../checks/messages';
import { type Verdict, worstVerdict } from '../checks/report';
import type { Category } from '../rules/schema';
import { failuresOf, type WorkResult } from './run';

export interface SummaryColumn {
  key: string;
  header: string;
  /** Width in Excel character units; CJK text takes two per character. */
  width: number;
  /** A required item's column (its cells are states). */
  slot?: boolean;
}

export interface SummaryRow {
  verdict: Verdict;
  cells: Record<string, string | number>;
}

export interface SummaryTable {
  columns: SummaryColumn[];
  rows: SummaryRow[];
}

const VERDICT_WORDS: Record<Lang, Record<Verdict, string>> = {
  zh: { pass: '通过', warn: '提醒', fail: '不合格', unreadable: '无法读取' },
  en: { pass: 'pass', warn: 'note', fail: 'fail', unreadable: 'unreadable' },
};

const HEADERS: Record<Lang, Record<string, string>> = {
  zh: { stage: '学段', school: '学校', teacher: '教师', category: '类别', work: '作品名称', authors: '作者数', failures: '问题', verdict: '结论', folder: '教师文件夹' },
  en: { stage: 'Stage', school: 'School', teacher: 'Teacher', category: 'Category', work: 'Work', authors: 'Authors', failures: 'Problems', verdict: 'Verdict', folder: 'Teacher folder' },
};

/** A required item's state in a row. */
function slotState(result: WorkResult, category: Category, slotId: string, lang: Lang): string {
  const report = result.report;
  const slot = category.slots.find((s) => s.id === slotId)!;
  const words = VERDICT_WORDS[lang];
  if (!report) return '';
  const mine = report.files.filter((f) => f.slot === slotId);
  if (mine.length === 0) {
    return isSlotRequired(slot) ? (lang === 'zh' ? '缺少' : 'missing') : lang === 'zh' ? '无' : 'none';
  }
  const slotFindings = report.findings.filter((f) => f.params.slot === slotId && f.verdict !== 'pass');
  return words[worstVerdict([...mine.map((f) => f.verdict), ...slotFindings.map((f) => f.verdict)])];
}

/** The 汇总表 of a run. Item columns are the union, by label, of the slots of the categories in the run. */
export function summaryTable(results: readonly WorkResult[], lang: Lang = 'zh'): SummaryTable {
  const h = HEADERS[lang];
  const slotColumns = new Map<string, SummaryColumn>();
  for (const r of results) {
    for (const slot of r.unit.category?.slots ?? []) {
      const label = lang === 'en' ? slot.labelEn : slot.label;
      if (!slotColumns.has(label)) slotColumns.set(label, { key: `slot:${label}`, header: label, width: Math.max(10, cjkWidth(label) + 2), slot: true });
    }
  }
  const columns: SummaryColumn[] = [
    { key: 'stage', header: h.stage!, width: 8 },
    { key: 'school', header: h.school!, width: 22 },
    { key: 'teacher', header: h.teacher!, width: 12 },
    { key: 'category', header: h.category!, width: 30 },
    { key: 'work', header: h.work!, width: 26 },
    { key: 'authors', header: h.authors!, width: 8 },
    ...slotColumns.values(),
    { key: 'failures', header: h.failures!, width: 60 },
    { key: 'verdict', header: h.verdict!, width: 10 },
    { key: 'folder', header: h.folder!, width: 30 },
  ];
  const rows = results.map((r): SummaryRow => {
    const { unit } = r;
    const category = unit.category;
    const cells: Record<string, string | number> = {
      stage: unit.teacher.stage ?? '',
      school: unit.teacher.school ?? '',
      teacher: unit.teacher.name,
      category: category ? (lang === 'en' ? category.nameEn : category.name) : (unit.categoryFolder ?? ''),
      work: unit.workName ?? '',
      authors: unit.teacherFolder ? unit.teacher.authors.length : '',
      failures: failuresOf(r, lang, (id) => {
        const slot = category?.slots.find((s) => s.id === id);
        return slot ? (lang === 'en' ? slot.labelEn : slot.label) : id;
      }).join('\n'),
      verdict: VERDICT_WORDS[lang][r.verdict],
      folder: unit.teacherFolder,
    };
    for (const slot of category?.slots ?? []) cells[`slot:${lang === 'en' ? slot.labelEn : slot.label}`] = slotState(r, category!, slot.id, lang);
    return { verdict: r.verdict, cells };
  });
  return { columns, rows };
}

/** Display width as Excel and terminals count it: CJK and full-width characters take two. */
export function cjkWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV for Excel and WPS: UTF-8 with a byte-order mark (without it Excel reads GBK and garbles Chinese), CRLF. */
export function toCsv(table: SummaryTable): string {
  const lines = [table.columns.map((c) => csvField(c.header)), ...table.rows.map((r) => table.columns.map((c) => csvField(r.cells[c.key] ?? '')))];
  return `\ufeff${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
