import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '@/lib/checks';
import { checkDistrict, inferLayout, type LayoutEntry } from '@/lib/organiser';
import { toHtml } from '@/lib/organiser/html';
import { cjkWidth, summaryTable, toCsv } from '@/lib/organiser/table';
import { toXlsx } from '@/lib/organiser/xlsx';
import { currentPack } from '@/lib/rules';
import { buildPdf } from '@/test/fixtures/checks/images';
import { buildDocx, para } from '@/test/fixtures/checks/office';

const pack = currentPack();

/** A small district: a complete 校本研修 work, one whose 总结报告 is over 2000 字 and lacks 支撑材料, an empty teacher. */
async function district() {
  const bytes = new Map<string, Uint8Array>();
  const add = (path: string, data: Uint8Array) => bytes.set(path, data);
  const work = '区/初中+第一中学+张三、李四/国家中小学智慧教育平台校本研修案例/大单元教学';
  add(`${work}/案例信息表.pdf`, buildPdf(1));
  add(`${work}/实施方案.docx`, buildDocx(para('实施方案。')));
  add(`${work}/总结报告.docx`, buildDocx(para('总结'.repeat(1100))));
  const entries: LayoutEntry[] = [...bytes].map(([path, data]) => ({ path, size: data.length }));
  entries.push({ path: '区/小学+实验小学+王五', dir: true });
  const layout = inferLayout(entries, pack.categories);
  const results = await checkDistrict(layout, {
    check: (unit) =>
      checkFiles(unit.category, unit.files.map((f) => ({ blob: new Blob([bytes.get(f.source)! as BlobPart]), name: f.name, path: f.path })), { rulePack: pack.version }),
  });
  return summaryTable(results);
}

describe('summaryTable', () => {
  it('has one row per work with the teacher split from the folder name, each item\'s state and the faults in words', async () => {
    const table = await district();
    expect(table.columns.slice(0, 6).map((c) => c.header)).toEqual(['学段', '学校', '教师', '类别', '作品名称', '作者数']);
    expect(table.columns.map((c) => c.header)).toEqual(expect.arrayContaining(['案例信息表', '校本研修实施方案', '校本研修总结报告', '支撑材料', '问题', '结论']));
    const [zhang, wang] = table.rows;
    expect(zhang!.cells).toMatchObject({ stage: '初中', school: '第一中学', teacher: '张三、李四', authors: 2, work: '大单元教学', verdict: '不合格' });
    expect(zhang!.cells['slot:案例信息表']).toBe('通过');
    expect(zhang!.cells['slot:校本研修总结报告']).toBe('不合格');
    expect(zhang!.cells['slot:支撑材料']).toBe('缺少');
    expect(String(zhang!.cells.failures)).toContain('缺少：支撑材料');
    expect(String(zhang!.cells.failures)).toMatch(/总结报告\.docx：.*2200/);
    expect(wang!.cells).toMatchObject({ teacher: '王五', verdict: '不合格', failures: '教师文件夹是空的，没有任何作品' });
  });
});

describe('exports', () => {
  it('writes an .xlsx with a frozen header, a filter over every column and CJK widths, which exceljs reads back', async () => {
    const table = await district();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table)).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('汇总表')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('学段');
    expect(sheet.getRow(2).getCell(3).value).toBe('张三、李四');
    expect(sheet.getRow(2).getCell(6).value).toBe(2);
    expect(sheet.getRow(3).getCell(3).value).toBe('王五');
    const verdict = table.columns.findIndex((c) => c.key === 'verdict') + 1;
    expect(sheet.getRow(3).getCell(verdict).value).toBe('不合格');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(4).width).toBe(30);
    expect(sheet.rowCount).toBe(3);
  });

  it('writes CSV with a BOM, CRLF and quoted multi-line cells', async () => {
    const csv = toCsv(await district());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n初中,第一中学,张三、李四,国家中小学智慧教育平台校本研修案例,大单元教学,2,');
    expect(csv).toMatch(/"缺少：支撑材料\n/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes a printable HTML page with every cell escaped', async () => {
    const table = await district();
    table.rows[0]!.cells.work = '<script>x</script>';
    const html = toHtml(table, { title: '汇总表', meta: ['规则包 2025.1'] });
    expect(html).toContain('<th scope="col">学段</th>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>x');
    expect(html).toContain('@page { size: A4 landscape');
    expect(html).toContain('class="v-fail"');
  });

  it('counts CJK as two columns', () => {
    expect(cjkWidth('学段ab')).toBe(6);
  });
});
