import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDocx, para } from '../fixtures/checks/office';
import { PDF, writeFile, writeMp4 } from './files';
import { extensionPage, extensionSuite, openExtensionPage } from './harness';

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
});

describe('批量预检 page', () => {
  it('checks a picked district folder work by work, with progress, a failures filter, detail and an .xlsx export', async () => {
    const { page, errors } = await openExtensionPage(suite.browser, 'batch.html');
    const { dir } = suite;
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const p = document.querySelector('[data-testid="batch-progress"]');
        if (p) seen.push(p.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('batch-folder-input').setInputFiles(join(dir, '区县'));
    await page.getByTestId('batch-done').waitFor({ timeout: 60_000 });
    const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
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
