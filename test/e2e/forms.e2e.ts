import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '@/lib/profile/schema';
import { extensionPage, launchWithExtension, startFixtureServer, type ExtensionBrowser } from './harness';
import { SAMPLE_TEAM, seedSampleProfile } from './sample-profile';

/*
 * The 填表 page in the built extension: the form filled from restored data, printed to PDF by Chromium (the same
 * engine as the teacher's 打印 → 另存为 PDF), the PDF's pages counted with poppler's pdfinfo and its text read with
 * pdftotext (-raw: in the order Chromium drew the text, i.e. cell by cell), so the values are checked on the printed
 * sheet itself.
 */

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: ExtensionBrowser;
let dir: string;

const at = 1_750_000_000_000;
const draft = (id: string, categoryId: string, title: string, fields: Record<string, string>): Draft => ({
  id, title, categoryId, teamId: SAMPLE_TEAM.id, fields, createdAt: at, updatedAt: at,
});

const FEATURES = '以生活中的平移、旋转现象导入，配合GeoGebra动画演示和分层练习，帮助学生建立图形运动的空间观念。'.repeat(3);
const DRAFTS: Draft[] = [
  draft('d-jingpin', 'jingpin', '图形的运动单元微课', {
    stage: '小学',
    work_features: FEATURES,
    install_notes: '使用Chrome或Edge浏览器打开index.html即可运行，无需安装。',
  }),
  draft('d-xiaoben', 'xiaoben', '小学数学图形的位置与运动重难点教学探究', {
    keywords: '图形与几何、校本研修、智慧平台',
    subject: '数学',
    stage: '第二学段（3-4年级）、第三学段（5-6年级）',
    grade: '4年级、5年级',
    course_basis: '图形与几何-图形的位置与运动（第二、三学段）',
    summary: '学校数学组依托国家中小学智慧教育平台开展为期三个月的校本研修。'.repeat(4),
  }),
];

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension(server.port);
  await seedSampleProfile(browser, { drafts: DRAFTS });
  dir = await mkdtemp(join(tmpdir(), 'submit-helper-forms-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function openForm(draftId: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(extensionPage(browser, `forms.html?draft=${draftId}`));
  await page.getByTestId('form-sheet').waitFor();
  return page;
}

/** Prints the page as the browser's 打印 does (A4 from the stylesheet's @page) and reads the PDF back. */
async function printToPdf(page: Page, name: string): Promise<{ pages: number; text: string }> {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, await page.pdf({ preferCSSPageSize: true }));
  if (process.env.FORMS_E2E_KEEP) await writeFile(join(process.env.FORMS_E2E_KEEP, `${name}.pdf`), await readFile(file));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  // A4 is 595 × 842 pt.
  expect(Number(size[1])).toBeCloseTo(595.3, 0);
  expect(Number(size[2])).toBeCloseTo(841.9, 0);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)![1]), text: text.replace(/\s+/g, '') };
}

describe('填表 page (built extension)', () => {
  it('prints 附件1 filled on one A4 page, values on the sheet and no screen marks', async () => {
    const page = await openForm('d-jingpin');
    expect(await page.title()).toBe('图形的运动单元微课-登记表');
    // Screen: the blank 作品大小 is marked and listed on top.
    expect(await page.getByTestId('forms-summary').locator('li[data-code="sizeUnknown"]').count()).toBe(1);
    const { pages, text } = await printToPdf(page, 'annex1');
    expect(pages).toBe(1);
    for (const value of ['附件1', '作品登记表', '图形的运动单元微课', '王晓燕', '李明', '赵婷', '北京市第十九中学', '张建国',
      '13600003333', '010-88886666', 'zhangjg@example.cn', '精品学习资源☑', '小学☑', '初中□', '自制教学工具软件□',
      '（包括作品简介、特色亮点等，300字以内）', FEATURES, '使用Chrome或Edge浏览器打开index.html即可运行', '诚信承诺与作品授权', '作者签名：']) {
      expect(text, value).toContain(value.replace(/\s+/g, ''));
    }
    // Marks for the teacher stay off paper: no 未填 badge, no 字数 counter, no problem list.
    expect(text).not.toContain('未填');
    expect(text).not.toMatch(/\d+\/300字/);
    expect(text).not.toContain('打印前请检查');
    await page.close();
  });

  it('prints 附件5 on its two pages with the boxes ticked', async () => {
    const page = await openForm('d-xiaoben');
    const { pages, text } = await printToPdf(page, 'annex5');
    expect(pages).toBeLessThanOrEqual(2);
    for (const value of ['校本研修案例信息表', '注：填写均为5号，宋体', '小学数学图形的位置与运动重难点教学探究', '图形与几何、校本研修、智慧平台',
      '王晓燕', '一级教师', '13812345678', '☑数学', '□语文', '☑第二学段（3-4年级）', '☑第三学段（5-6年级）', '□第一学段（1-2年级）',
      '☑4年级', '☑5年级', '□9年级', '图形与几何-图形的位置与运动', '案例负责人签名：', '单位名称（公章）：', '共享提示：']) {
      expect(text, value).toContain(value);
    }
    await page.close();
  });

  it('downloads the Word file named after the work, with the values in its table', async () => {
    const page = await openForm('d-xiaoben');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 Word' }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toBe('小学数学图形的位置与运动重难点教学探究-信息表.docx');
    const xml = strFromU8(unzipSync(new Uint8Array(await readFile((await file.path())!)))['word/document.xml']!);
    for (const value of ['小学数学图形的位置与运动重难点教学探究', '王晓燕', '☑数学', '☑第二学段（3-4年级）']) expect(xml).toContain(value);
    await page.close();
  });

  it('is reached from the popup and from the draft editor of the options page', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(extensionPage(browser, 'popup.html'));
    let opened = browser.context.waitForEvent('page');
    await popup.getByRole('link', { name: '填表' }).click();
    let page = await opened;
    await page.getByTestId('form-sheet').waitFor();
    expect(new URL(page.url()).pathname).toBe('/forms.html');
    await page.close();
    await popup.close();

    const options = await browser.context.newPage();
    await options.goto(extensionPage(browser, 'options.html'));
    await options.getByRole('tab', { name: '作品草稿' }).click();
    await options.getByRole('button', { name: '小学数学图形的位置与运动重难点教学探究' }).click();
    opened = browser.context.waitForEvent('page');
    await options.getByRole('link', { name: '填表' }).click();
    page = await opened;
    await page.getByTestId('form-sheet').waitFor();
    expect(await page.getByTestId('form-sheet').getAttribute('data-form')).toBe('annex5');
    await page.close();
    await options.close();
    expect(browser.errors).toEqual([]);
  });

  it('预检 catches the printed, unsigned 登记表 where the signed scan is asked for, and passes its scan', async () => {
    // The sheet as printed above (Chromium's PDF: text and fonts), then "scanned": rasterised at 150 dpi by poppler
    // and wrapped one picture per A4 page by img2pdf, as a scanner's or a phone app's PDF is.
    const page = await openForm('d-jingpin');
    const typed = join(dir, '作品登记表.pdf');
    await writeFile(typed, await page.pdf({ preferCSSPageSize: true }));
    await page.close();
    execFileSync('pdftocairo', ['-jpeg', '-r', '150', typed, join(dir, 'scanned')]);
    const scanned = join(dir, '作品登记表（签字扫描）.pdf');
    execFileSync('img2pdf', ['--pagesize', 'A4', join(dir, 'scanned-1.jpg'), '-o', scanned]);

    for (const [file, verdict, sentence] of [
      [typed, 'warn', '这似乎不是签字后的扫描件：PDF 的页面只有文字'],
      [scanned, 'pass', 'PDF 的 1 页都是扫描图像'],
    ] as const) {
      const check = await browser.context.newPage();
      await check.goto(extensionPage(browser, 'check.html?category=jingpin'));
      await check.getByTestId('check-file-input').setInputFiles([file]);
      const item = check.getByTestId('check-slot-registration_form').getByTestId('check-file');
      await expect.poll(() => item.getAttribute('data-verdict'), { timeout: 20_000 }).toBe(verdict);
      expect(await item.getByText(sentence).count(), sentence).toBe(1);
      await check.close();
    }
    expect(browser.errors).toEqual([]);
  });
});
