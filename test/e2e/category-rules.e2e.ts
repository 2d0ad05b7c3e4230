import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentPack, findCategory } from '@/lib/rules';
import { extensionPage, launchWithExtension, startFixtureServer, type ExtensionBrowser } from './harness';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension(server.port);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('本类别须知 in 预检, in the built extension', () => {
  it('shows the shared rules once, the first-author limit, a self-check list to tick and where each rule comes from', async () => {
    const pack = currentPack();
    const shijian = findCategory(pack, 'zhijiao_shijian')!;
    const page = await browser.context.newPage();
    await page.goto(extensionPage(browser, 'check.html?category=zhijiao_shijian'));
    const section = page.getByRole('region', { name: '本类别须知' });
    await section.waitFor();
    for (const rule of pack.common) expect(await section.getByText(rule.text, { exact: true }).count()).toBe(1);
    expect(await section.getByText('每位第一作者限报 1 件。', { exact: true }).count()).toBe(1);

    const status = section.getByRole('status');
    expect(await status.textContent()).toBe(`已确认 0 / ${shijian.selfChecks.length} 项`);
    await section.getByRole('checkbox', { name: shijian.selfChecks[0]!.text }).check();
    expect(await status.textContent()).toBe(`已确认 1 / ${shijian.selfChecks.length} 项`);

    await section.getByText(/规则出处/).click();
    const video = shijian.slots.find((s) => s.video)!;
    const cited = section.locator('li[data-kind="video"]');
    expect(await cited.count()).toBe(1);
    expect(await cited.textContent()).toContain(video.video!.source.quote!);
    expect(await cited.isVisible()).toBe(true);

    // Another category: its own self-checks and the total recording time instead of the first-author limit.
    await page.goto(extensionPage(browser, 'check.html?category=xinxihua'));
    await section.waitFor();
    expect(await section.getByText('全部录像时间总计不超过 50 分 00 秒。', { exact: true }).count()).toBe(1);
    expect(await section.getByText(/每位第一作者限报/).count()).toBe(0);
    await page.close();
  });
});
