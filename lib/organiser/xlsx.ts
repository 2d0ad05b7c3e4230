/**
 * The 汇总表 as an .xlsx that Excel and WPS open in Chinese: frozen header, auto-filter over every column,
 * widths for CJK text, wrapped problem cells, the verdict coloured. Written with exceljs (MIT, reads and writes
 * xlsx; loaded only when an export is asked for, it is large).
 */
import type { Verdict } from '../checks/report';
import type { SummaryTable } from './table';

const FILL: Record<Verdict, string> = { pass: 'FFE6F4EA', warn: 'FFFFF4CE', fail: 'FFFDE7E9', unreadable: 'FFEDE7F6' };

export interface XlsxOptions {
  sheetName?: string;
  /** Workbook metadata. */
  creator?: string;
  created?: Date;
}

export async function toXlsx(table: SummaryTable, options: XlsxOptions = {}): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? '报送助手';
  workbook.created = options.created ?? new Date();
  const sheet = workbook.addWorksheet(options.sheetName ?? '汇总表', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = table.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE3EA' } };
  const verdictCol = table.columns.findIndex((c) => c.key === 'verdict') + 1;
  for (const row of table.rows) {
    const added = sheet.addRow(table.columns.map((c) => row.cells[c.key] ?? ''));
    added.alignment = { vertical: 'top', wrapText: true };
    if (verdictCol > 0) added.getCell(verdictCol).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[row.verdict] } };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
