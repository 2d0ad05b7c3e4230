import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDocx, para } from '../fixtures/checks/office';
import { EXPECTED_ROWS, writeDistrict } from '../fixtures/organiser/district';
import { PDF, writeFile, writeMp4 } from './files';
import { extensionPage, extensionSuite, openExtensionPage } from './harness';
import type { Page } from 'playwright-core';

const ZHIJIAO = '职业教育实践性教学案例';

/** A 职业教育实践性教学案例 work; `fps` 30 makes the video fail. */
function work(dir: string, folder: string, fps = 25): void {
  const path = join(dir, folder);
  mkdirSync(path, { recursive: true });
  writeFile(path, '作品登记表.pdf', PDF);
  writeFile(path, '案例简介.docx', buildDocx(para('案例简介。')));
  writeFile(path, '教案.docx', buildDocx(para('教案。')));
  writeMp4(path, '教学视频.mp4', 20 * 60, fps, 50_000_000);
}

const suite = extensionSuite('batch-e2e', (dir) => {
  // A district of three teachers and four works: two categories' folders, one misspelt, one failing video.
  work(dir, `区县/中职+城关职校+张三/${ZHIJIAO}/数控车削`);
  work(dir, `区县/中职+城关职校+张三/${ZHIJIAO}/钳工实训`, 30);
  work(dir, '区县/中职+城南职校+李四/职业教育 实践性教学案例/焊接');
  mkdirSync(join(dir, '区县/小学+实验小学+王五/精品学习资源/古诗动画'), { recursive: true });
  writeFile(join(dir, '区县/小学+实验小学+王五/精品学习资源/古诗动画'), '作品登记表.pdf', PDF);
  // The organiser's district: several categories, RAR'd and 7z'd teachers, faults (test/fixtures/organiser).
  mkdirSync(join(dir, 'desk'));
  writeDistrict(join(dir, 'desk'));
});

/**
 * Drops folders and files from disk onto `target` as the operating system does: through Chromium's own drag
 * input (DevTools' Input.dispatchDragEvent), so the page gets real FileSystemEntry objects, empty folders included.
 */
async function dropFromDisk(page: Page, target: ReturnType<Page['getByLabel']>, paths: string[]): Promise<void> {
  const box = (await target.boundingBox())!;
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  await cdp.detach();
}

/** Starts keeping every text the progress line shows; `progressSeen` returns them. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid="batch-progress"]');
      if (p) seen.push(p.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);

/** A download's bytes. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('批量预检 page', () => {
  it('checks a picked district folder work by work, with progress, a failures filter, detail and an .xlsx export', async () => {
    const { page, errors } = await openExtensionPage(suite.browser, 'batch.html');
    const { dir } = suite;
    await recordProgress(page);
    await page.getByTestId('batch-folder-input').setInputFiles(join(dir, '区县'));
    await page.getByTestId('batch-done').waitFor({ timeout: 60_000 });
    const progress = await progressSeen(page);
    expect(progress.some((text) => /已检查 \d+ \/ 3 位教师/.test(text))).toBe(true);
    // Sparse videos: 150 MB on disk by size, a few KB of headers read.
    expect(await page.getByTestId('batch-done').textContent()).toMatch(/^检查完成：读取了 .+，文件共 1\d\d(\.\d)? MB。$/);

    const rows = page.getByTestId('batch-row');
    expect(await rows.count()).toBe(4);
    const verdicts = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-teacher'), tr.children[2]!.textContent, tr.getAttribute('data-verdict')]));
    expect(verdicts).toEqual([
      ['小学+实验小学+王五', '古诗动画', 'fail'],
      ['中职+城关职校+张三', '钳工实训', 'fail'],
      ['中职+城关职校+张三', '数控车削', 'pass'],
      ['中职+城南职校+李四', '焊接', 'fail'],
    ]);
    expect(await rows.nth(3).textContent()).toContain('空格不同');

    await page.getByLabel('只看不合格').check();
    expect(await rows.count()).toBe(3);
    expect(await rows.evaluateAll((trs) => trs.every((tr) => tr.getAttribute('data-verdict') === 'fail'))).toBe(true);

    await page.getByRole('button', { name: '查看详情 中职+城关职校+张三' }).click();
    const detail = page.getByTestId('batch-detail');
    expect(await detail.getByTestId('batch-file').filter({ hasText: '教学视频.mp4' }).getByText('帧速率 30 fps，要求 25 fps').count()).toBe(1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出汇总表 (Excel)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^报送汇总表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync((await file.path())!)).buffer);
    const sheet = workbook.getWorksheet('汇总表')!;
    expect(sheet.rowCount).toBe(5);
    expect([1, 2, 3, 4, 5, 6].map((c) => sheet.getRow(1).getCell(c).value)).toEqual(['学段', '学校', '教师', '类别', '作品名称', '作者数']);
    expect([1, 2, 3, 4, 5, 6].map((c) => sheet.getRow(3).getCell(c).value)).toEqual(['中职', '城关职校', '张三', ZHIJIAO, '钳工实训', 1]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an organiser drops a district of several categories, some RAR\'d or 7z\'d, some faulty: one row per work, each fault named, .xlsx and CSV', async () => {
    const { page, errors } = await openExtensionPage(suite.browser, 'batch.html');
    await recordProgress(page);
    await dropFromDisk(page, page.getByLabel('区县文件夹拖放区'), [join(suite.dir, 'desk/城关区')]);
    await page.getByTestId('batch-done').waitFor({ timeout: 90_000 });
    const progress = await progressSeen(page);
    expect(progress.some((text) => /已检查 \d+ \/ 7 位教师/.test(text))).toBe(true);

    const rows = page.getByTestId('batch-row');
    const seen = await rows.evaluateAll((trs) => trs.map((tr) => ({ teacher: tr.getAttribute('data-teacher'), work: tr.children[2]!.textContent, verdict: tr.getAttribute('data-verdict'), problems: tr.children[4]!.textContent ?? '' })));
    expect(seen.map((r) => [r.teacher, r.work, r.verdict])).toEqual(EXPECTED_ROWS.map((e) => [e.teacher, e.work ?? '—', e.verdict]));
    EXPECTED_ROWS.forEach((e, i) => {
      for (const fault of e.faults) expect(seen[i]!.problems).toContain(fault);
      if (e.faults.length === 0) expect(seen[i]!.problems).toBe('');
    });

    // The 30 fps video inside 李四's stored RAR5 was read in place: its detail names the frame rate.
    await page.getByRole('button', { name: '查看详情 中职+城南职校+李四' }).click();
    expect(await page.getByTestId('batch-detail').getByTestId('batch-file').filter({ hasText: '教学视频.mp4' }).getByText('帧速率 30 fps，要求 25 fps').count()).toBe(1);

    await page.getByLabel('只看不合格').check();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-teacher')))).toEqual(EXPECTED_ROWS.filter((e) => e.verdict === 'fail').map((e) => e.teacher));
    await page.getByLabel('只看不合格').uncheck();

    const xlsx = await downloaded(page, () => page.getByRole('button', { name: '导出汇总表 (Excel)' }).click());
    expect(xlsx.name).toMatch(/^报送汇总表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
    const sheet = workbook.getWorksheet('汇总表')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 6)).toEqual(['学段', '学校', '教师', '类别', '作品名称', '作者数']);
    expect(headers.slice(-3)).toEqual(['问题', '结论', '教师文件夹']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Read back, the filter is the range it covers: every column, header and rows.
    expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(headers.length).letter}${EXPECTED_ROWS.length + 1}`);
    // Widths for Chinese: the school column fits 11 CJK characters.
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(22);
    const col = (name: string) => headers.indexOf(name) + 1;
    const cells = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    expect(cells.map((r) => [r.getCell(col('教师文件夹')).value, r.getCell(col('作品名称')).value || null, r.getCell(col('结论')).value])).toEqual(
      EXPECTED_ROWS.map((e) => [e.teacher, e.work, { pass: '通过', warn: '提醒', fail: '不合格' }[e.verdict]]),
    );
    EXPECTED_ROWS.forEach((e, i) => {
      for (const fault of e.faults) expect(String(cells[i]!.getCell(col('问题')).value)).toContain(fault);
    });
    expect([1, 2, 3, 4, 5].map((c) => cells[2]!.getCell(c).value)).toEqual(['小学', '实验小学', '孙七', '融合创新应用教学案例（“素质教育”主题）', '劳动教育']);

    const csv = await downloaded(page, () => page.getByRole('button', { name: '导出 CSV' }).click());
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8');
    expect(text.slice(1).startsWith('学段,学校,教师,类别,作品名称,作者数,')).toBe(true);
    for (const e of EXPECTED_ROWS) expect(text).toContain(e.teacher);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens from the popup', async () => {
    const { browser } = suite;
    const popup = await browser.context.newPage();
    await popup.goto(extensionPage(browser, 'popup.html'));
    const opened = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: '批量预检（区县）' }).click();
    const page = await opened;
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/batch.html');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('批量预检（区县汇总）');
    await page.close();
    await popup.close();
  });
});
