import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSnapshot, rerenderFixture, waitForFixture } from './fixtures/forms/fixture-api';
import { artifactPath, launchWithExtension, panel, startFixtureServer, type ExtensionBrowser } from './harness';
import { SAMPLE_PEOPLE, seedSampleProfile } from './sample-profile';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension(server.port);
  await seedSampleProfile(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const [WANG, LI, ZHAO, ZHANG] = SAMPLE_PEOPLE as [typeof SAMPLE_PEOPLE[0], typeof SAMPLE_PEOPLE[0], typeof SAMPLE_PEOPLE[0], typeof SAMPLE_PEOPLE[0]];
const AUTHORS = [WANG, LI, ZHAO];

async function openForm(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForFixture(page);
  await expect.poll(() => autofill(page).getAttribute('data-page-kind'), { timeout: 15_000 }).toBe('registration');
  await expect.poll(() => autofill(page).getByTestId('fill-go').isEnabled(), { timeout: 15_000 }).toBe(true);
  return page;
}

function autofill(page: Page) {
  return panel(page).getByTestId('autofill');
}

async function fill(page: Page): Promise<string> {
  await autofill(page).getByTestId('fill-go').click();
  const result = autofill(page).getByTestId('fill-result');
  await result.waitFor({ timeout: 60_000 });
  return (await result.textContent()) ?? '';
}

async function undo(page: Page): Promise<string> {
  await autofill(page).getByTestId('fill-undo').click();
  await expect.poll(() => autofill(page).getByTestId('fill-result').textContent(), { timeout: 60_000 }).toMatch(/已撤销/);
  return (await autofill(page).getByTestId('fill-result').textContent()) ?? '';
}

const model = async (page: Page) => (await fixtureSnapshot(page)).model as Record<string, any>;

describe('one click fills the authors and the contact, and undo restores the form', () => {
  it('Element Plus (Vue 3), 附件1 on huodong.ncet.edu.cn', async () => {
    const page = await openForm('http://huodong.ncet.edu.cn/forms/element-plus/#/form/jiaoshi-fujian1');
    expect(await autofill(page).getAttribute('data-category')).toBe('jingpin');
    const before = await model(page);
    expect(await fill(page)).toMatch(/已填写 \d+ 项/);
    const after = await model(page);
    expect(after.authors).toEqual(AUTHORS.map((p) => ({ name: p.name, unit: p.organization })));
    expect(after.contact).toEqual({ name: ZHANG.name, mobile: ZHANG.mobile, phone: ZHANG.landline, email: ZHANG.email });
    expect(after.title).toBe('图形的运动单元微课');
    expect(after.subject).toBe('数学');
    expect(after.features).toMatch(/^以生活中的平移/);
    expect(await fixtureSnapshot(page).then((s) => s.submitted)).toBe(0);
    await page.screenshot({ path: artifactPath('autofill-element-plus.png') });

    const undone = await undo(page);
    // 学科 is a non-clearable el-select: no person can empty it either, and the panel says so.
    expect(undone).toMatch(/未能恢复“学科”/);
    const restored = await model(page);
    expect({ ...restored, subject: before.subject, stage: before.stage }).toEqual(before);
    await page.close();
  });

  it('Element UI (Vue 2), 附件11 on www.hecloudnet.com', async () => {
    const page = await openForm('http://www.hecloudnet.com/forms/element-ui/#/case/shijian');
    expect(await autofill(page).getAttribute('data-category')).toBe('zhijiao_shijian');
    const before = await model(page);
    await fill(page);
    const after = await model(page);
    expect(after.authors).toEqual(AUTHORS.map((p) => ({ name: p.name, mobile: p.mobile, unit: p.organization })));
    expect(after.contact).toEqual({ name: ZHANG.name, mobile: ZHANG.mobile, phone: ZHANG.landline, email: ZHANG.email });
    expect(after.title).toBe('数控车床对刀实训教学案例');
    expect(after.major).toEqual(['装备制造大类', '数控技术']);
    expect(after.intro).toMatch(/^以真实零件/);
    await undo(page);
    expect(await model(page)).toEqual(before);
    await page.close();
  });

  it('Ant Design Vue, 附件8 and 附件13 on huodong.ncet.edu.cn', async () => {
    const page = await openForm('http://huodong.ncet.edu.cn/forms/antdv/#/apply/gongzuoshi');
    expect(await autofill(page).getAttribute('data-category')).toBe('mingshi');
    const before = await model(page);
    await fill(page);
    const after = await model(page);
    expect(after.authors).toEqual(AUTHORS.map((p) => ({ name: p.name, unit: p.organization, title: p.title, mobile: p.mobile })));
    expect(after.theme).toBe('工作室联合教研的数学建模研修');
    await undo(page);
    const restored = await model(page);
    // 研修学科领域 is an a-select without allow-clear.
    expect({ ...restored, field: before.field }).toEqual(before);

    await page.goto('http://huodong.ncet.edu.cn/forms/antdv/#/apply/shuzihua');
    await expect.poll(() => autofill(page).getAttribute('data-category'), { timeout: 15_000 }).toBe('zhijiao_shuzihua');
    const empty = await model(page);
    await expect.poll(() => autofill(page).getByTestId('fill-go').isEnabled()).toBe(true);
    await fill(page);
    expect((await model(page)).contact).toEqual({ name: ZHANG.name, post: ZHANG.title, mobile: ZHANG.mobile, email: ZHANG.email });
    await undo(page);
    expect(await model(page)).toEqual(empty);
    await page.close();
  });
});

describe('the preview decides what is written', () => {
  it('fills 作品大小 with the total of the work files chosen on the page, not counting the signed form', async () => {
    const page = await openForm('http://huodong.ncet.edu.cn/forms/element-plus/#/form/jiaoshi-fujian1');
    const upload = (label: string) =>
      page.locator('.el-form-item', { has: page.locator(`.el-form-item__label:text-is("${label}")`) }).locator('input[type="file"]');
    const mib = (n: number) => Buffer.alloc(Math.round(n * 1024 * 1024));
    await upload('作品').setInputFiles([
      { name: '微课.mp4', mimeType: 'video/mp4', buffer: mib(2.5) },
      { name: '课件.pptx', mimeType: 'application/octet-stream', buffer: mib(0.75) },
    ]);
    await upload('作品登记表').setInputFiles({ name: '登记表.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), mib(1)]) });
    const sizeHelp = page.locator('submit-helper-counters [data-testid="text-help"][data-label="作品大小"]');
    await expect.poll(() => sizeHelp.textContent(), { timeout: 10_000 }).toBe('所选作品文件合计 3.25 MB，一键填写会填入');
    expect(await fill(page)).toMatch(/已填写 \d+ 项/);
    expect((await model(page)).sizeMb).toBe('3.25');
    await page.close();
  });

  it('keeps what the teacher typed unless 覆盖已填内容 is ticked, and leaves unticked lines alone', async () => {
    const page = await openForm('http://huodong.ncet.edu.cn/forms/element-plus/#/form/xiaoben');
    const firstName = page.locator('.el-form-item').filter({ hasText: '姓名' }).first().locator('input');
    await firstName.fill('刘老师');
    const preview = autofill(page).getByTestId('fill-preview');
    await expect.poll(() => preview.locator('li[data-skip="user-value"]').count()).toBe(1);
    // Untick the second author's 手机.
    const line = preview.locator('li', { hasText: '第二作者 · 手机' });
    await line.getByRole('checkbox').uncheck();
    await fill(page);
    let after = await model(page);
    expect(after.authors[0].name).toBe('刘老师');
    expect(after.authors[1]).toEqual({ name: LI.name, unit: LI.organization, title: LI.title, mobile: '' });
    expect(after.authors[2].mobile).toBe(ZHAO.mobile);

    await autofill(page).getByLabel('覆盖已填内容').check();
    await expect.poll(() => preview.locator('li[data-skip="user-value"]').count()).toBe(0);
    await fill(page);
    after = await model(page);
    expect(after.authors[0].name).toBe(WANG.name);
    expect(after.authors[1].mobile).toBe('');
    await page.close();
  });

  it('survives the site re-rendering the form: the plan follows the new elements', async () => {
    const page = await openForm('http://www.hecloudnet.com/forms/element-ui/#/case/xinxihua');
    await rerenderFixture(page);
    await rerenderFixture(page);
    expect(await panel(page).count()).toBe(1);
    await fill(page);
    const after = await model(page);
    expect(after.authors.map((a: { name: string }) => a.name)).toEqual(AUTHORS.map((p) => p.name));
    expect(after.contact.email).toBe(ZHANG.email);
    expect(await autofill(page).getByTestId('fill-result').textContent()).not.toMatch(/重新渲染/);
    await page.close();
  });
});

describe('teach mode', () => {
  it('remembers a field the teacher pointed at, per site and path, across a reload', async () => {
    const url = 'http://huodong.ncet.edu.cn/forms/element-plus/#/form/jiaoshi-fujian1';
    let page = await openForm(url);
    await autofill(page).getByTestId('teach-start').click();
    await page.locator('.el-form-item').filter({ hasText: /^年级/ }).locator('input').click();
    const form = autofill(page).getByTestId('teach-form');
    await form.waitFor();
    await form.getByTestId('teach-role').selectOption('contact');
    await form.getByTestId('teach-attribute').selectOption('mobile');
    await form.getByTestId('teach-save').click();
    await autofill(page).getByText(/已记住“年级”/).waitFor();
    await page.reload();
    await waitForFixture(page);
    await expect.poll(() => autofill(page).getByTestId('fill-go').isEnabled(), { timeout: 15_000 }).toBe(true);
    const line = autofill(page).getByTestId('fill-preview').locator('li', { hasText: '联系人 · 年级' });
    await expect.poll(() => line.textContent()).toMatch(/已指定.*13600003333/);
    await fill(page);
    expect((await model(page)).grade).toBe(ZHANG.mobile);
    await page.close();

    // Another path on the same site is not affected.
    page = await openForm('http://huodong.ncet.edu.cn/forms/element-plus/#/form/xiaoben');
    expect(await autofill(page).getByTestId('fill-preview').getByText('已指定').count()).toBe(0);
    await page.close();
  });
});

describe('text helpers', () => {
  it('counts 字数 like Word next to limited fields and warns about 《》 in 作品名称', async () => {
    const page = await openForm('http://huodong.ncet.edu.cn/forms/element-plus/#/form/jiaoshi-fujian1');
    const features = page.locator('.el-form-item').filter({ hasText: /^作品特点/ }).locator('textarea');
    // 10 English words and 5 汉字: Word counts 15, the page's own counter 5 + 59 characters.
    await features.fill('digital literacy helps teachers design better lessons every single day 数字化教学');
    const help = page.locator('submit-helper-counters [data-testid="text-help"][data-label="作品特点"]');
    await expect.poll(() => help.getAttribute('data-count')).toBe('15');
    expect(await help.textContent()).toBe('字数 15/300');
    // maxlength stops typing at 300 UTF-16 units, but a value the site restores from a saved draft is not cut.
    await features.evaluate((el: HTMLTextAreaElement) => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, '数'.repeat(305));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => help.getAttribute('data-over')).toBe('true');
    expect(await help.textContent()).toMatch(/超出 5 字/);

    const title = page.locator('.el-form-item').filter({ hasText: /^作品名称/ }).locator('input');
    await title.fill('《图形的运动》微课');
    const titleHelp = page.locator('submit-helper-counters [data-testid="text-help"][data-label="作品名称"]');
    await expect.poll(() => titleHelp.getAttribute('data-marks')).toBe('true');
    expect(await titleHelp.textContent()).toMatch(/不能使用书名号 《》/);
    await page.close();
  });
});

describe('the panel', () => {
  it('moves itself off the site submit button, and can be dragged', async () => {
    const page = await openForm('http://huodong.ncet.edu.cn/forms/element-plus/#/form/jiaoshi-fujian1');
    const submit = page.getByRole('button', { name: /提交/ }).first();
    await submit.scrollIntoViewIfNeeded();
    const box = async () => (await panel(page).boundingBox())!;
    const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const header = panel(page).locator('.panel__header h2');
    const drag = async (dx: number, dy: number) => {
      const from = (await header.boundingBox())!;
      await page.mouse.move(from.x + 5, from.y + 5);
      await page.mouse.down();
      await page.mouse.move(from.x + 5 + dx, from.y + 5 + dy, { steps: 5 });
      await page.mouse.up();
    };
    const start = await box();
    await drag(-200, 0);
    await expect.poll(async () => (await box()).x).toBeCloseTo(start.x - 200, -1);
    // Drag it right onto the submit button: it must not stay there.
    const target = (await submit.boundingBox())!;
    const now = await box();
    await drag(target.x - now.x, target.y - now.y);
    await expect.poll(async () => overlaps(await box(), (await submit.boundingBox())!)).toBe(false);
    await page.close();
  });

  it('stays off other hosts and fills nothing there', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/forms/element-plus/#/form/jiaoshi-fujian1`);
    await waitForFixture(page);
    const before = await model(page);
    await page.waitForTimeout(1500);
    expect(await page.locator('submit-helper-panel, submit-helper-counters').count()).toBe(0);
    expect(await model(page)).toEqual(before);
    await page.close();
    expect(browser.errors).toEqual([]);
  });
});
