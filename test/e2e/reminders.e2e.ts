import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentPack } from '@/lib/rules';
import { chinaDay } from '@/lib/time/china';
import { extensionPage, launchWithExtension, startFixtureServer, type ExtensionBrowser } from './harness';

type Chrome = {
  action: { getBadgeText(d: object): Promise<string> };
  alarms: { getAll(): Promise<Array<{ name: string; scheduledTime: number }>> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
};

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

const inWorker = <T,>(fn: (chrome: Chrome) => Promise<T>) =>
  browser.serviceWorker.evaluate(`(${fn.toString()})(chrome)`) as Promise<T>;

/** Beijing `HH:MM` of an instant. */
const chinaClock = (ms: number) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

describe('reminders in the built extension', () => {
  it('notifies once at the configured time for a deadline three days away, badge 3, nothing repeated after a restart', async () => {
    // The reminder time is the next whole minute at least 15 s away, so the alarm fires during the test.
    const fireAt = Math.ceil((Date.now() + 15_000) / 60_000) * 60_000;
    const due = addDays(chinaDay(new Date(fireAt)), 3);

    const page = await browser.context.newPage();
    await page.goto(extensionPage(browser, 'options.html'));
    await page.getByRole('tab', { name: '提醒与规则' }).click();
    await page.getByLabel('提醒时间（北京时间）').fill(chinaClock(fireAt));
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('已保存');

    await page.getByRole('tab', { name: '自定义截止日期' }).click();
    await page.getByLabel('名称').fill('区级FTP报送');
    await page.getByLabel('日期（北京时间）').fill(due);
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('已保存');

    await expect.poll(() => inWorker((c) => c.action.getBadgeText({})), { timeout: 10_000 }).toBe('3');
    const alarms = await inWorker((c) => c.alarms.getAll());
    const closing3 = alarms.find((a) => /^remind\|custom:.+\|closing\|3$/.test(a.name));
    expect(closing3?.scheduledTime).toBe(fireAt);
    expect(alarms.filter((a) => a.name.startsWith('remind|')).map((a) => a.name.split('|').at(-1)).sort()).toEqual(['0', '1', '3']);

    const notificationId = closing3!.name.slice('remind|'.length);
    await expect
      .poll(() => inWorker((c) => c.notifications.getAll()), { timeout: 90_000, interval: 1000 })
      .toEqual({ [notificationId]: true });
    await page.close();

    // Restart the browser on the same profile.
    const profile = browser.userDataDir;
    await browser.close({ keepProfile: true });
    browser = await launchWithExtension(server.port, { userDataDir: profile });
    await expect.poll(() => inWorker((c) => c.action.getBadgeText({})), { timeout: 15_000 }).toBe('3');
    await expect
      .poll(async () => (await inWorker((c) => c.alarms.getAll())).filter((a) => a.name.startsWith('remind|')).length, { timeout: 15_000 })
      .toBe(2);
    // Give a faulty catch-up every chance to show the reminder again.
    await new Promise((r) => setTimeout(r, 2000));
    expect(await inWorker((c) => c.notifications.getAll())).toEqual({});
    const log = (await inWorker((c) => c.storage.local.get('reminderLog'))).reminderLog as { shown: string[] };
    expect(log.shown.filter((id) => id === notificationId)).toHaveLength(1);
  });

  it('shows and reminds the organisers\' windows of the pack once 我是组织者 is switched on in the popup', async () => {
    // The bundled pack's organiser windows are in 2025; a newer pack moves the provincial recommendation to today.
    const today = chinaDay(new Date());
    const pack = structuredClone(currentPack());
    const [year, revision] = pack.version.split('.').map(Number) as [number, number];
    pack.version = `${year}.${revision + 2000}`;
    const window = pack.windows.find((w) => w.id === 'provincial_recommendation')!;
    window.from = today;
    window.to = addDays(today, 3);
    await browser.serviceWorker.evaluate(
      (p) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({ importedRulePack: p }),
      pack as unknown as Record<string, unknown>,
    );
    const organiserAlarms = async () =>
      (await inWorker((c) => c.alarms.getAll())).filter((a) => a.name.startsWith('remind|pack:organiser:')).map((a) => a.name).sort();
    await expect.poll(() => inWorker((c) => c.storage.local.get('importedRulePack')).then((v) => Object.keys(v).length)).toBe(1);
    expect(await organiserAlarms()).toEqual([]);

    const page = await browser.context.newPage();
    await page.goto(extensionPage(browser, 'popup.html'));
    const open = page.getByTestId('popup-group-open');
    const row = open.locator('[data-key="pack:organiser:provincial_recommendation"]');
    await page.getByRole('heading', { name: /进行中/ }).waitFor();
    expect(await row.count()).toBe(0);
    await page.getByRole('switch', { name: '我是组织者' }).check();
    await row.waitFor();
    expect(await row.textContent()).toContain('组织者');
    expect(await row.textContent()).toContain('还剩 3 天');
    // The background rebuilt its alarms from the switch: the lead days still ahead of the close.
    await expect.poll(organiserAlarms, { timeout: 10_000 }).toEqual(expect.arrayContaining([
      'remind|pack:organiser:provincial_recommendation|closing|0',
      'remind|pack:organiser:provincial_recommendation|closing|1',
    ]));
    await page.getByRole('switch', { name: '我是组织者' }).uncheck();
    await expect.poll(organiserAlarms, { timeout: 10_000 }).toEqual([]);
    expect(await row.count()).toBe(0);
    await page.close();
  });
});
