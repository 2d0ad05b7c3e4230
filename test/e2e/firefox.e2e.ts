import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMp4 } from './files';
import { extensionTab, findInFrames, launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';
import { artifactPath, startFixtureServer } from './harness';

// A smoke run of the Firefox build in Firefox ESR: the panel on the mapped hosts, and a 预检 check on an extension
// page opened from the panel. Debian's firefox-esr ships en-US only, so the add-on speaks English here.
let server: Awaited<ReturnType<typeof startFixtureServer>>;
let firefox: FirefoxWithExtension;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'firefox-e2e-'));
  server = await startFixtureServer();
  firefox = await launchFirefoxWithExtension(server.port);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Firefox ESR with the built add-on', () => {
  it.each([
    ['huodong.ncet.edu.cn', 'huodong'],
    ['www.hecloudnet.com', 'hecloudnet'],
  ])('shows the panel on %s and leaves the page alone', async (host, siteId) => {
    const page = await firefox.browser.newPage();
    await page.goto(`http://${host}/site/#/teacher_index`);
    const root = await findInFrames(page, '[data-testid="submit-helper-panel"]');
    expect(await root.evaluate((el) => el.getAttribute('data-site'))).toBe(siteId);
    expect(await root.evaluate((el) => el.textContent)).toContain('Submission Helper is on');
    expect(await page.$eval('#app h1', (h) => h.textContent)).toBe('教师活动首页');
    await page.close();
  });

  it('opens 预检 from the panel on a form and checks a 30 fps video there', async () => {
    const page = await firefox.browser.newPage();
    await page.goto('http://www.hecloudnet.com/forms/element-ui/#/case/shijian');
    await (await findInFrames(page, '.guard__precheck', 30_000)).click();
    const check = await extensionTab(firefox.browser, 'check.html');
    expect(await check.evaluate(() => new URLSearchParams(location.search).get('category'))).toBe('zhijiao_shijian');
    const input = (await check.waitForSelector('[data-testid="check-file-input"]')) as import('puppeteer-core').ElementHandle<HTMLInputElement>;
    await input.uploadFile(writeMp4(dir, 'lesson.mp4', 20 * 60, 30));
    const overall = await check.waitForSelector('[data-testid="check-overall"][data-verdict="fail"]', { timeout: 30_000 });
    expect(overall).toBeTruthy();
    const file = await check.waitForSelector('[data-testid="check-file"][data-name="lesson.mp4"]');
    expect(await file!.evaluate((el) => el.getAttribute('data-verdict'))).toBe('fail');
    expect(await file!.evaluate((el) => el.textContent)).toMatch(/30 fps/);
    await check.screenshot({ path: artifactPath('firefox-check.png'), fullPage: true });
    await check.close();
    await page.close();
  });
});
