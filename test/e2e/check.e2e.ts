import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReportSchema } from '@/lib/checks/report';
import { buildDocx, para } from '@/test/fixtures/checks/office';
import { PDF } from './files';
import { artifactPath, extensionPage, extensionSuite, openExtensionPage } from './harness';

const docxBytes = () => buildDocx(para('研修主题：单元整体教学'));

const suite = extensionSuite('check-e2e', (dir) => {
  // A real encoder's file, not a hand-built one: 2 s of 1280×720 at 30 fps, where the category wants 25 fps.
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc=size=1280x720:rate=30', '-t', '2',
    '-pix_fmt', 'yuv420p', '-movflags', '+faststart', join(dir, '教学视频.mp4'),
  ]);
  writeFileSync(join(dir, '作品登记表.pdf'), PDF);
});

describe('预检 page', () => {
  it('checks a 30 fps video and a PDF for zhijiao_shijian, lists what is missing and exports the report', async () => {
    const { page, errors } = await openExtensionPage(suite.browser, 'check.html');
    const { dir } = suite;
    await page.getByLabel('报送类别').selectOption('zhijiao_shijian');
    await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe('zhijiao_shijian');

    await page.getByTestId('check-file-input').setInputFiles([join(dir, '教学视频.mp4'), join(dir, '作品登记表.pdf')]);
    const overall = page.getByTestId('check-overall');
    await expect.poll(() => overall.getAttribute('data-verdict'), { timeout: 20_000 }).toBe('fail');

    const video = page.getByTestId('check-slot-video').getByTestId('check-file');
    expect(await video.getAttribute('data-name')).toBe('教学视频.mp4');
    expect(await video.getByText('帧速率 30 fps，要求 25 fps').count()).toBe(1);
    expect(await video.locator('.badge').first().textContent()).toBe('不合格');
    expect(await video.getByRole('link', { name: '修复视频' }).getAttribute('href')).toBe('/repair.html?category=zhijiao_shijian');
    expect(await page.getByTestId('check-slot-registration_form').getByTestId('check-file').getAttribute('data-verdict')).toBe('pass');
    expect(await page.getByTestId('check-missing').locator('li').allTextContents()).toEqual(['案例简介', '教案']);
    await page.screenshot({ path: artifactPath('check.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出报告 (JSON)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^预检报告-zhijiao_shijian-\d{4}-\d{2}-\d{2}\.json$/);
    const report = checkReportSchema.parse(JSON.parse(readFileSync((await file.path())!, 'utf8')));
    expect(report.category).toBe('zhijiao_shijian');
    expect(report.missing.map((m) => m.slot)).toEqual(['intro', 'lesson_plan']);
    const fps = report.files.find((f) => f.name === '教学视频.mp4')!.media?.fps;
    expect(fps).toBeCloseTo(30, 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks 报送途径: a Word 信息表 passes on the platform and fails on the district round; a vocational category has no district round', async () => {
    const { page, errors } = await openExtensionPage(suite.browser, 'check.html?category=xiaoben');
    const { dir } = suite;
    const route = page.getByRole('group', { name: '报送途径' });
    expect(await route.getByRole('radio', { name: /活动平台在线报送/ }).isChecked()).toBe(true);
    writeFileSync(join(dir, '案例信息表.docx'), docxBytes());
    await page.getByTestId('check-file-input').setInputFiles([join(dir, '案例信息表.docx')]);
    const info = page.getByTestId('check-slot-info_form').getByTestId('check-file');
    await expect.poll(() => info.getAttribute('data-verdict'), { timeout: 20_000 }).toBe('pass');
    await route.getByRole('radio', { name: /区级报送/ }).check();
    await expect.poll(() => info.getAttribute('data-verdict'), { timeout: 20_000 }).toBe('fail');
    expect(await page.getByTestId('check-slot-info_form').getByText('格式：.pdf').count()).toBe(1);

    await page.getByLabel('报送类别').selectOption('zhijiao_shijian');
    expect(await page.getByTestId('check-route').getByRole('radio').count()).toBe(0);
    expect(await page.getByTestId('check-route').textContent()).toContain('不参与区级评选');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens from the popup and keeps ?category= from a link', async () => {
    const { browser } = suite;
    const popup = await browser.context.newPage();
    await popup.goto(extensionPage(browser, 'popup.html'));
    const opened = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: '文件预检' }).click();
    const page = await opened;
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/check.html');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('文件预检');

    await page.goto(extensionPage(browser, 'check.html?category=ronghe'));
    expect(await page.getByLabel('报送类别').inputValue()).toBe('ronghe');
    expect(await page.getByRole('checkbox', { name: /网络学习空间/ }).count()).toBe(1);
    await page.close();
    await popup.close();
  });
});
