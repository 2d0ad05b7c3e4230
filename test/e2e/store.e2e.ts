import { describe, expect, it } from 'vitest';
import { artifactPath, extensionSuite, openExtensionPage } from './harness';

const suite = extensionSuite('store-e2e');

describe('privacy page', () => {
  it('opens from the settings and says what is stored and that nothing is sent', async () => {
    const { page: options, errors } = await openExtensionPage(suite.browser, 'options.html');
    const opened = suite.browser.context.waitForEvent('page');
    await options.getByRole('link', { name: '隐私说明' }).click();
    const page = await opened;
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/privacy.html');
    expect(await page.title()).toBe('报送助手 · 隐私说明');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('隐私说明');
    expect(await page.getByRole('heading', { level: 2 }).count()).toBe(6);
    expect(await page.getByText(/^不发送给任何人/).count()).toBe(1);
    await page.screenshot({ path: artifactPath('privacy.png'), fullPage: true });
    await page.getByRole('link', { name: '返回设置' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/options.html');
    expect(errors).toEqual([]);
  });
});
