import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPage, launchWithExtension, startFixtureServer, type ExtensionBrowser } from './harness';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let userDataDir: string;
let browser: ExtensionBrowser | undefined;

beforeAll(async () => {
  server = await startFixtureServer();
  userDataDir = await mkdtemp(join(tmpdir(), 'submit-helper-profiles-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(userDataDir, { recursive: true, force: true });
});

const AUTHORS = [
  { name: '王芳', organization: '北京市海淀区第一实验小学', mobile: '138 0013 8000', stored: '13800138000' },
  { name: '李雷', organization: '北京市海淀区第二实验小学', mobile: '13900139000', stored: '13900139000' },
  { name: '韩梅梅', organization: '北京市海淀区教师进修学校', mobile: '+86 15012345678', stored: '15012345678' },
];
const FEATURES = '以“诗意生活”为主线，整合三首古诗，设计线上线下融合的群文阅读活动。';

async function openOptions(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(extensionPage(b, 'options.html'));
  await page.getByRole('tab', { name: '人员' }).waitFor();
  return page;
}

async function savedStatus(page: Page) {
  await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 }).toBe('已保存');
}

describe('options page in the built extension', () => {
  it('takes three authors, a team and a draft, refusing a wrong mobile number', async () => {
    browser = await launchWithExtension(server.port, { userDataDir });
    const page = await openOptions(browser);

    for (const [index, author] of AUTHORS.entries()) {
      if (index > 0) await page.getByRole('button', { name: '新建人员' }).click();
      await page.getByLabel('姓名').fill(author.name);
      await page.getByLabel('工作单位').fill(author.organization);
      if (index === 0) {
        await page.getByLabel('手机').fill('1380013800');
        await page.getByRole('button', { name: '保存' }).click();
        await expect.poll(() => page.getByText(/手机号应为 11 位数字/).count()).toBe(1);
        expect(await page.getByLabel('手机').inputValue()).toBe('1380013800');
      }
      await page.getByLabel('手机').fill(author.mobile);
      await page.getByRole('button', { name: '保存' }).click();
      await savedStatus(page);
      expect(await page.getByLabel('手机').inputValue()).toBe(author.stored);
    }

    await page.getByRole('tab', { name: '团队' }).click();
    await page.getByLabel('团队名称').fill('语文组');
    for (const author of AUTHORS) {
      await page.getByLabel('添加作者').selectOption({ label: author.name });
      await page.getByRole('button', { name: '添加', exact: true }).click();
    }
    // Keyboard reordering: 韩梅梅 becomes second author.
    await page.getByRole('button', { name: '上移 韩梅梅' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('联系人').selectOption({ label: '王芳' });
    await page.getByRole('button', { name: '保存' }).click();
    await savedStatus(page);

    await page.getByRole('tab', { name: '作品草稿' }).click();
    await page.getByLabel('作品名称').fill('《古诗词》群文阅读');
    await expect.poll(() => page.getByText('不能使用书名号《》').count()).toBe(1);
    await page.getByLabel('作品名称').fill('古诗词群文阅读');
    await page.getByLabel('报送类别').selectOption('jingpin');
    await page.getByLabel('作者团队').selectOption({ label: '语文组' });
    await page.getByLabel('作品特点').fill(FEATURES);
    const counter = page.getByTestId('counter-work_features');
    expect(await counter.textContent()).toMatch(/^\d+ \/ 300 字$/);
    await page.getByLabel('作品特点').fill('字'.repeat(301));
    expect(await counter.getAttribute('data-over')).toBe('true');
    await page.getByLabel('作品特点').fill(FEATURES);
    await page.getByRole('button', { name: '保存' }).click();
    await savedStatus(page);

    await page.getByRole('tab', { name: '自定义截止日期' }).click();
    await page.getByLabel('名称').fill('区级FTP报送');
    await page.getByLabel('日期（北京时间）').fill('2025-06-20');
    await page.getByRole('button', { name: '保存' }).click();
    await savedStatus(page);

    await browser.close({ keepProfile: true });
    browser = undefined;
  });

  it('finds everything intact after the browser restarts, and answers content-script messages', async () => {
    browser = await launchWithExtension(server.port, { userDataDir });
    const page = await openOptions(browser);
    const list = page.getByRole('navigation', { name: '人员列表' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);
    await list.getByRole('button', { name: /韩梅梅/ }).click();
    expect(await page.getByLabel('手机').inputValue()).toBe('15012345678');
    expect(await page.getByLabel('工作单位').inputValue()).toBe('北京市海淀区教师进修学校');

    await page.getByRole('tab', { name: '团队' }).click();
    await page.getByRole('navigation', { name: '团队列表' }).getByRole('button', { name: /语文组/ }).click();
    const authors = await page.getByTestId('team-author').locator('.author-name').allTextContents();
    expect(authors).toEqual(['王芳', '韩梅梅', '李雷']);

    await page.getByRole('tab', { name: '作品草稿' }).click();
    await page.getByRole('button', { name: '古诗词群文阅读' }).click();
    expect(await page.getByLabel('作品特点').inputValue()).toBe(FEATURES);
    expect(await page.getByLabel('报送类别').inputValue()).toBe('jingpin');

    await page.getByRole('tab', { name: '自定义截止日期' }).click();
    await expect.poll(() => page.getByRole('button', { name: /2025-06-20 区级FTP报送/ }).count()).toBe(1);

    // The background answers the typed message map from the same database.
    const teams = await page.evaluate(async () => {
      type Reply = { ok: boolean; data: any };
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }).chrome;
      const reply = await runtime.sendMessage({ channel: 'submit-helper', name: 'getTeams', data: {} });
      const team = await runtime.sendMessage({ channel: 'submit-helper', name: 'getTeam', data: { id: reply.data[0].id } });
      return team.data.authors.map((p: { name: string; mobile: string }) => `${p.name}:${p.mobile}`);
    });
    expect(teams).toEqual(['王芳:13800138000', '韩梅梅:15012345678', '李雷:13900139000']);
    expect(browser.errors).toEqual([]);
  });
});
