import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readdir, readFile } from 'node:fs/promises';
import {
  artifactPath,
  EXTENSION_DIR,
  ROOT,
  extensionPage,
  launchWithExtension,
  panel,
  startFixtureServer,
  type ExtensionBrowser,
} from './harness';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension(server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('built extension', () => {
  it('declares only the permissions and hosts the design allows', async () => {
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    const matches = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches).sort();
    expect(matches).toEqual(['*://*.hecloudnet.com/*', '*://hecloudnet.com/*', '*://huodong.ncet.edu.cn/*']);
    expect(manifest.content_security_policy.extension_pages).toContain("'wasm-unsafe-eval'");
    expect(manifest.content_security_policy.extension_pages).not.toMatch(/https?:/);
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.version).toBe(pkg.version);
  });

  it('ships no address of a code CDN', async () => {
    const files = (await readdir(EXTENSION_DIR, { recursive: true })).filter((f) => /\.(js|html|json|css)$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = await readFile(join(EXTENSION_DIR, file), 'utf8');
      expect(text.match(/unpkg\.com|jsdelivr\.net|cdnjs\.|esm\.sh|skypack/g), file).toBeNull();
    }
  });

  it.each([
    ['huodong.ncet.edu.cn', 'huodong', '全国师生数字素养提升实践活动平台'],
    ['www.hecloudnet.com', 'hecloudnet', '职业教育专项活动平台'],
    ['hecloudnet.com', 'hecloudnet', '职业教育专项活动平台'],
  ])('shows the panel on %s', async (host, siteId, siteName) => {
    const page = await browser.context.newPage();
    await page.goto(`http://${host}/site/#/teacher_index`);
    const root = panel(page);
    await expect.poll(() => root.count(), { timeout: 15_000 }).toBe(1);
    expect(await root.getAttribute('data-site')).toBe(siteId);
    expect(await root.getByRole('status').textContent()).toBe('报送助手已启用');
    expect(await root.getByTestId('panel-site').textContent()).toBe(siteName);
    // The page's own content is untouched.
    expect(await page.locator('#app h1').textContent()).toBe('教师活动首页');
    await page.close();
  });

  it('follows hash navigation and collapses from the keyboard', async () => {
    const page = await browser.context.newPage();
    await page.goto('http://huodong.ncet.edu.cn/site/#/teacher_index');
    const root = panel(page);
    await expect.poll(() => root.count(), { timeout: 15_000 }).toBe(1);
    await page.click('a[href="#/works"]');
    await expect.poll(() => root.getAttribute('data-route')).toBe('/site/#/works');
    expect(await page.locator('#app h1').textContent()).toBe('我的作品');
    const toggle = root.getByRole('button', { name: '收起面板' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => root.getByRole('status').count()).toBe(0);
    await root.getByRole('button', { name: '展开面板' }).click();
    await expect.poll(() => root.getByRole('status').count()).toBe(1);
    await page.screenshot({ path: artifactPath('panel.png') });
    await page.close();
  });

  it('stays off other hosts', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/site/#/teacher_index`);
    await page.waitForLoadState('load');
    // Give a content script every chance to appear: it runs at document_idle.
    await page.waitForTimeout(1500);
    expect(await page.locator('submit-helper-panel').count()).toBe(0);
    await page.close();
  });

  it('popup lists the nine categories and groups the windows for the date', async () => {
    const page = await browser.context.newPage();
    // Pinned inside the 2025 校本研修/工作室 window (15–30 September, Beijing).
    await page.clock.setFixedTime(new Date('2025-09-20T04:00:00Z'));
    await page.goto(extensionPage(browser, 'popup.html'));
    const items = page.getByTestId('popup-category');
    await expect.poll(() => items.count()).toBe(9);
    const ids = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-category')));
    expect(ids.sort()).toEqual(
      ['jingpin', 'mingshi', 'ronghe', 'ronghe_suzhi', 'xiaoben', 'xinxihua', 'zhijiao_shijian', 'zhijiao_shuzihua', 'zizhi'],
    );
    const keys = (state: string) =>
      page.getByTestId(`popup-group-${state}`).locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    expect((await keys('open')).sort()).toEqual(['pack:mingshi:submission', 'pack:xiaoben:submission']);
    expect(await keys('closed')).toContain('pack:zhijiao_shijian:registration_upload');
    expect(await page.getByTestId('popup-group-open').getByText('还剩 10 天').count()).toBe(2);
    // Every category shows its state without expanding anything (#13).
    const states = Object.fromEntries(
      await items.evaluateAll((els) => els.map((e) => [e.getAttribute('data-category'), e.getAttribute('data-state')])),
    );
    expect(states).toMatchObject({ xiaoben: 'open', mingshi: 'open', zhijiao_shijian: 'closed', jingpin: 'none' });
    expect(await items.filter({ hasText: '进行中' }).count()).toBe(2);
    expect(await page.getByTestId('popup-categories').isVisible()).toBe(true);
    await expect.poll(() => items.filter({ hasText: '通知未给出时间' }).first().isVisible()).toBe(true);
    // 添加本区截止日期 opens the settings on their deadlines tab.
    const [settings] = await Promise.all([
      browser.context.waitForEvent('page'),
      page.getByRole('button', { name: '为“精品学习资源”添加本区截止日期' }).click(),
    ]);
    expect(settings.url()).toContain('options.html#deadlines');
    await expect.poll(() => settings.getByRole('tab', { selected: true }).textContent()).toBe('自定义截止日期');
    await settings.close();
    await page.setViewportSize({ width: 380, height: 640 });
    await page.screenshot({ path: artifactPath('popup.png'), fullPage: true });

    // Today, every 2025 window is over.
    await page.clock.setFixedTime(new Date('2026-11-22T04:00:00Z'));
    await page.reload();
    await expect.poll(() => keys('closed').then((k) => k.length)).toBeGreaterThanOrEqual(3);
    expect(await keys('open')).toEqual([]);
    await page.close();
  });

  it('runs the service worker without errors', async () => {
    const id = await browser.serviceWorker.evaluate(
      () => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id,
    );
    expect(id).toBe(browser.extensionId);
    expect(browser.errors).toEqual([]);
  });
});
