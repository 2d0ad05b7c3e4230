import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chinaDay } from '@/lib/time/china';
import { readNotice } from '../lib/rules/notices';
import { artifactPath, extensionPage, extensionSuite } from './harness';

type Chrome = { alarms: { getAll(): Promise<Array<{ name: string }>> } };

/*
 * Next year's district notice, as the organiser would receive it: the 2025 text with next year's dates and a new
 * duration range for the vocational video (stated in seconds, so a 4-second clip made by ffmpeg sits inside it).
 * The year follows the clock, so the new window is always still to come.
 */
const next = Number(chinaDay(new Date()).slice(0, 4)) + 1;
function changedNotice(): string {
  return readNotice('000_c768d3d121b654c9.txt')
    .replace('时长限定在15-25分钟之间（少于15分钟或长于25分钟的作品视为不合格）', '时长限定在3-10秒之间（少于3秒或长于10秒的作品视为不合格）')
    .replace('2025年5月20日至8月31日', `${next}年5月20日至8月31日`)
    .replaceAll('2025年', `${next}年`);
}

const suite = extensionSuite('rulepack-e2e', (dir) => {
  // 4 s of 1280×720 at 25 fps: right for the 2025 pack in everything but its length (15–25 minutes).
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=1280x720:rate=25', '-t', '4',
    '-pix_fmt', 'yuv420p', '-movflags', '+faststart', join(dir, '教学视频.mp4'),
  ]);
});

async function videoVerdict(): Promise<string | null> {
  const page = await suite.browser.context.newPage();
  await page.goto(extensionPage(suite.browser, 'check.html?category=zhijiao_shijian'));
  await page.getByTestId('check-file-input').setInputFiles([join(suite.dir, '教学视频.mp4')]);
  const video = page.getByTestId('check-slot-video').getByTestId('check-file');
  await expect.poll(() => video.getAttribute('data-verdict'), { timeout: 30_000 }).toMatch(/pass|warn|fail|unreadable/);
  const verdict = await video.getAttribute('data-verdict');
  await page.close();
  return verdict;
}

describe('规则包 page in the built extension', () => {
  it('drafts next year’s pack from a pasted notice, saves it, and the checks, popup and reminders follow', async () => {
    expect(await videoVerdict()).toBe('fail');
    const popup = await suite.browser.context.newPage();
    await popup.goto(extensionPage(suite.browser, 'popup.html'));
    // The clock is past every 2025 window.
    await popup.getByTestId('popup-all-past').waitFor();
    await popup.close();

    const page = await suite.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(extensionPage(suite.browser, 'rulepack.html'));
    await page.getByLabel('粘贴区级通知（全部项目）文字').fill(changedNotice());
    await page.getByRole('button', { name: '起草规则包' }).click();
    await page.getByText(`已起草规则包 ${next}.1`, { exact: false }).waitFor();

    const min = page.locator('tr[data-path="categories.zhijiao_shijian.slots.video.video.minDurationSec"]');
    expect(await min.getAttribute('data-state')).toBe('changed');
    await min.getByRole('button', { name: /在通知中查看/u }).click();
    expect(await page.getByTestId('notice-highlight').textContent()).toBe('时长限定在3-10秒之间（少于3秒或长于10秒的作品视为不合格）');
    const window = page.locator('tr[data-path="categories.zhijiao_shijian.windows.registration_upload"]');
    expect(await window.getAttribute('data-state')).toBe('changed');
    await page.screenshot({ path: artifactPath('rulepack.png'), fullPage: false });

    await page.getByRole('button', { name: '保存并启用' }).click();
    await page.getByText(new RegExp(`已保存并启用规则包 ${next}\\.1（[0-9a-f]{12}）`, 'u')).waitFor();
    expect(await page.getByTestId('active-pack').textContent()).toContain(`${next}.1`);
    expect(errors).toEqual([]);

    // The 预检 check applies the new range: the same 4-second video now passes.
    expect(await videoVerdict()).toBe('pass');

    const after = await suite.browser.context.newPage();
    await after.goto(extensionPage(suite.browser, 'popup.html'));
    const upcoming = after.getByTestId('popup-group-upcoming').locator('[data-key="pack:zhijiao_shijian:registration_upload"]');
    await upcoming.waitFor();
    expect(await upcoming.textContent()).toContain(`${next}-05-20`);
    expect(await after.getByTestId('popup-all-past').count()).toBe(0);

    // The background rebuilt the reminder alarms from the saved pack at once.
    await expect.poll(async () => (await suite.browser.serviceWorker.evaluate(
      `(${((chrome: Chrome) => chrome.alarms.getAll()).toString()})(chrome)`,
    ) as Array<{ name: string }>).some((alarm) => alarm.name.includes('zhijiao_shijian:registration_upload')), { timeout: 15_000 })
      .toBe(true);
  });

  it('reads a text-layer PDF notice with pdf.js under the extension’s CSP', async () => {
    // No Debian tool here writes a PDF with a text layer (img2pdf writes images only), so the file is written by the
    // PDF 1.4 rules: one page, a Type 1 font, one text object. pdf.js and its bundled worker must read it.
    const pdf = minimalTextPdf('Deadline 2026-09-30 video 25 fps');
    const page = await suite.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await page.goto(extensionPage(suite.browser, 'rulepack.html'));
    await page.getByLabel('选择国家级通知（教师研修专项）文件').setInputFiles({ name: 'notice.pdf', mimeType: 'application/pdf', buffer: pdf });
    const area = page.getByLabel('粘贴国家级通知（教师研修专项）文字');
    await expect.poll(() => area.inputValue(), { timeout: 20_000 }).toContain('Deadline 2026-09-30 video 25 fps');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** A one-page PDF with a text layer, written by the PDF 1.4 rules (objects, xref table with byte offsets). */
function minimalTextPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
