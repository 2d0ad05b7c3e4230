import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { SITE_HOSTS, findChromium, startFixtureServer } from './harness';
import { fixtureSnapshot, rerenderFixture, waitForFixture, type FixtureSnapshot } from './fixtures/forms/fixture-api';

/**
 * The form fixtures stand in for pages nobody can log in to, so they must behave like the real thing before the
 * extension's tests lean on them: the libraries render, their own models follow real input, uploads reach the
 * site's handlers, and the library's validation runs. No extension is loaded here.
 */

type Library = FixtureSnapshot['framework'];

interface RouteCase {
  library: Library;
  host: (typeof SITE_HOSTS)[number];
  route: string;
  heading: string;
  text: { field: (page: Page) => Locator; value: string; path: string };
  choose: { pick: (page: Page) => Promise<void>; path: string; value: unknown };
  upload?: { label: string; slot: string; files: Array<{ name: string; mimeType: string; bytes: number }> };
  /** A required-field message the library's rules must produce for an empty form. */
  emptyError?: string;
}

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: [
      `--host-resolver-rules=${SITE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${server.port}`).join(', ')}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Whole-text match; inner spaces (the printed forms' "手  机") match any run of white space. */
const exact = (text: string) =>
  new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*')}\\s*$`);

/** An Element (Plus or UI) form item by its visible label. */
function elItem(page: Page, label: string): Locator {
  return page.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: exact(label) }) });
}

/** An Ant Design Vue form item by its visible label (labels like "手  机" keep their inner spaces). */
function antItem(page: Page, label: string): Locator {
  return page.locator('.ant-form-item').filter({ has: page.locator('.ant-form-item-label label', { hasText: exact(label) }) });
}

/** The form item for an upload slot, whichever library draws it. */
function uploadItem(page: Page, library: Library, label: string): Locator {
  return library === 'antdv' ? antItem(page, label) : elItem(page, label);
}

async function chooseElementPlus(page: Page, label: string, option: string, search?: string) {
  await elItem(page, label).locator('.el-select__wrapper').click();
  if (search) await page.keyboard.type(search);
  await page.locator('.el-select-dropdown__item:visible', { hasText: exact(option) }).click();
}

async function chooseElementUi(page: Page, label: string, option: string) {
  await elItem(page, label).locator('.el-select .el-input__inner').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: exact(option) }).click();
}

/**
 * Ant Design Vue draws options in a virtual list: an option off screen is not in the DOM, and scrolling one into view
 * replaces the nodes under the pointer. The keyboard is the dependable way through it, as it is for a user.
 */
async function chooseAnt(page: Page, label: string, option: string, search?: string) {
  await antItem(page, label).locator('.ant-select-selector').click();
  if (search) await page.keyboard.type(search);
  const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
  await active.waitFor();
  for (let step = 0; (await active.getAttribute('title')) !== option; step += 1) {
    if (step > 400) throw new Error(`option ${option} not found under ${label}`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

const CASES: RouteCase[] = [
  {
    library: 'element-plus',
    host: 'huodong.ncet.edu.cn',
    route: '/form/jiaoshi-fujian1',
    heading: '作品登记表（微课、精品学习资源、自制教学工具软件）',
    text: { field: (p) => elItem(p, '作品名称').locator('input'), value: '“图形的运动”单元微课', path: 'title' },
    choose: { pick: (p) => chooseElementPlus(p, '学科', '信息技术', '信息'), path: 'subject', value: '信息技术' },
    upload: { label: '作品登记表', slot: 'registration', files: [{ name: '作品登记表.pdf', mimeType: 'application/pdf', bytes: 2048 }] },
    emptyError: '请输入作品名称',
  },
  {
    library: 'element-plus',
    host: 'huodong.ncet.edu.cn',
    route: '/form/xiaoben',
    heading: '国家中小学智慧教育平台校本研修案例信息表',
    text: { field: (p) => elItem(p, '研修主题').locator('input'), value: '小学数学图形的位置与运动重难点教学探究', path: 'theme' },
    // 科目 keeps a numeric code: 生物学 is the tenth of the fifteen.
    choose: { pick: (p) => chooseElementPlus(p, '科目', '生物学'), path: 'subject', value: 10 },
    upload: {
      label: '支撑材料',
      slot: 'support',
      files: [
        { name: '研修照片1.jpg', mimeType: 'image/jpeg', bytes: 4096 },
        { name: '研修照片2.jpg', mimeType: 'image/jpeg', bytes: 5000 },
      ],
    },
    emptyError: '请选择科目',
  },
  {
    library: 'element-plus',
    host: 'huodong.ncet.edu.cn',
    route: '/list',
    heading: '我的作品',
    text: { field: (p) => elItem(p, '作品名称').locator('input'), value: '微课', path: 'keyword' },
    choose: { pick: (p) => chooseElementPlus(p, '状态', '草稿'), path: 'status', value: '草稿' },
  },
  {
    library: 'element-ui',
    host: 'www.hecloudnet.com',
    route: '/case/shijian',
    heading: '（职业教育实践性教学案例）',
    text: { field: (p) => p.locator('tr', { has: p.locator('th', { hasText: exact('作品名称') }) }).locator('input'), value: '数控车床对刀操作', path: 'title' },
    choose: {
      pick: async (p) => {
        await p.locator('tr', { has: p.locator('th', { hasText: exact('所属专业') }) }).locator('.el-cascader').click();
        await p.locator('.el-cascader-node:visible', { hasText: exact('装备制造大类') }).click();
        await p.locator('.el-cascader-node:visible', { hasText: exact('数控技术') }).click();
      },
      path: 'major',
      value: ['装备制造大类', '数控技术'],
    },
    upload: { label: '教学视频', slot: 'video', files: [{ name: '教学视频.mp4', mimeType: 'video/mp4', bytes: 8192 }] },
    emptyError: '请输入作品名称',
  },
  {
    library: 'element-ui',
    host: 'hecloudnet.com',
    route: '/case/xinxihua',
    heading: '（信息化教学课程案例、融合创新应用教学案例）',
    text: { field: (p) => elItem(p, 'E-mail').locator('input'), value: 'wang@example.edu.cn', path: 'contact.email' },
    choose: { pick: (p) => chooseElementUi(p, '学科', '信息技术'), path: 'subject', value: '信息技术' },
    upload: { label: '案例介绍文档', slot: 'caseDoc', files: [{ name: '案例介绍.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: 3000 }] },
    emptyError: '请填写教学环境设施建设情况',
  },
  {
    library: 'antdv',
    host: 'www.hecloudnet.com',
    route: '/apply/shuzihua',
    heading: '职业教育数字化和智能化应用能力提升案例申报表',
    text: { field: (p) => antItem(p, '手  机').first().locator('input'), value: '13800138000', path: 'contact.mobile' },
    choose: { pick: (p) => chooseAnt(p, '所属专业', '计算机应用技术', '计算机应用'), path: 'major', value: '计算机应用技术' },
    upload: { label: '案例申报表', slot: 'declaration', files: [{ name: '案例申报表（盖章）.pdf', mimeType: 'application/pdf', bytes: 1500 }] },
    emptyError: '请输入申报单位',
  },
  {
    library: 'antdv',
    host: 'huodong.ncet.edu.cn',
    route: '/apply/gongzuoshi',
    heading: '名师名校长线上工作室研修案例信息表',
    text: { field: (p) => antItem(p, '工作室名称').locator('input'), value: '王晓燕名师工作室', path: 'studioName' },
    choose: { pick: (p) => chooseAnt(p, '研修学科领域', '信息科技'), path: 'field', value: '信息科技' },
    upload: {
      label: '支撑材料',
      slot: 'support',
      files: [
        { name: '直播截图.png', mimeType: 'image/png', bytes: 1024 },
        { name: '成果集.pdf', mimeType: 'application/pdf', bytes: 2048 },
      ],
    },
    emptyError: '请输入工作室名称',
  },
];

interface OpenedPage {
  page: Page;
  problems: string[];
  snapshot: () => Promise<FixtureSnapshot>;
}

/** Opens a fixture route on its real host name and records console errors, page errors and any non-static request. */
async function open(library: Library, host: string, route: string): Promise<OpenedPage> {
  const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (req.method() !== 'GET' || !['script', 'stylesheet', 'document', 'font', 'image'].includes(req.resourceType()) || url.host !== host) {
      problems.push(`request: ${req.method()} ${req.resourceType()} ${req.url()}`);
    }
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`http ${res.status()}: ${res.url()}`);
  });
  await page.goto(`http://${host}/forms/${library}/#${route}`);
  await waitForFixture(page);
  const snapshot = () => fixtureSnapshot(page);
  return { page, problems, snapshot };
}

function at(model: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], model);
}

const submitButton = (page: Page) => page.getByRole('button', { name: /^提\s*交/ });

describe.each(CASES)('$library #$route', (c) => {
  it('renders with the library, without errors or requests', async () => {
    const { page, problems, snapshot } = await open(c.library, c.host, c.route);
    await expect.poll(() => page.getByText(c.heading, { exact: true }).count()).toBeGreaterThan(0);
    const snap = await snapshot();
    expect(snap.framework).toBe(c.library);
    expect(snap.route).toBe(c.route);
    const libraryRoot = ({ 'element-plus': '.el-form, .el-table', 'element-ui': '.el-form', antdv: '.ant-form' } as Record<string, string>)[c.library]!;
    expect(await page.locator(libraryRoot).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('updates the framework model from typing and from choosing an option', async () => {
    const { page, problems, snapshot } = await open(c.library, c.host, c.route);
    const field = c.text.field(page);
    await field.click();
    await page.keyboard.type(c.text.value);
    await field.blur();
    await expect.poll(async () => at((await snapshot()).model, c.text.path)).toBe(c.text.value);
    await c.choose.pick(page);
    await expect.poll(async () => at((await snapshot()).model, c.choose.path)).toEqual(c.choose.value);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('re-creates the form subtree on rerender and keeps the model', async () => {
    const { page, problems, snapshot } = await open(c.library, c.host, c.route);
    const field = c.text.field(page);
    await field.fill(c.text.value);
    const before = await field.elementHandle();
    await rerenderFixture(page);
    expect(await before!.evaluate((el) => el.isConnected)).toBe(false);
    expect((await snapshot()).renders).toBe(1);
    expect(at((await snapshot()).model, c.text.path)).toBe(c.text.value);
    await expect.poll(() => c.text.field(page).inputValue()).toBe(c.text.value);
    expect(problems).toEqual([]);
    await page.close();
  });
});

const UPLOAD_CASES = CASES.flatMap((c) => (c.upload ? [{ ...c, upload: c.upload }] : []));
const FORM_CASES = CASES.flatMap((c) => (c.emptyError ? [{ ...c, emptyError: c.emptyError }] : []));

describe.each(UPLOAD_CASES)('$library #$route upload', (c) => {
  it('hands a file set on the upload input to the site\'s own handler, without uploading it', async () => {
    const upload = c.upload;
    const { page, problems, snapshot } = await open(c.library, c.host, c.route);
    const input = uploadItem(page, c.library, upload.label).locator('input[type=file]');
    await input.setInputFiles(upload.files.map((f) => ({ name: f.name, mimeType: f.mimeType, buffer: Buffer.alloc(f.bytes, 1) })));
    const expected = upload.files.map((f) => ({ name: f.name, size: f.bytes, type: f.mimeType }));
    await expect.poll(async () => (await snapshot()).files[upload.slot]).toEqual(expected);
    const log = (await snapshot()).fileLog;
    expect(log.map((e) => [e.slot, e.name, e.accepted])).toEqual(upload.files.map((f) => [upload.slot, f.name, true]));
    // The library lists the file too, so what the page shows agrees with what the handler holds.
    await expect.poll(() => uploadItem(page, c.library, upload.label).getByText(upload.files[0]!.name).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe.each(FORM_CASES)('$library #$route submit', (c) => {
  it('runs the library\'s required-field validation on submit', async () => {
    const { page, problems, snapshot } = await open(c.library, c.host, c.route);
    await submitButton(page).click();
    await expect.poll(async () => (await snapshot()).submitted).toBe(1);
    await expect.poll(async () => (await snapshot()).lastSubmit?.valid).toBe(false);
    expect((await snapshot()).lastSubmit?.errors).toContain(c.emptyError);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('site behaviour the extension has to live with', () => {
  it('Element Plus: a wrong type is turned away by the site, and a second PDF replaces the first', async () => {
    const { page, problems, snapshot } = await open('element-plus', 'huodong.ncet.edu.cn', '/form/jiaoshi-fujian1');
    const input = elItem(page, '作品登记表').locator('input[type=file]');
    await input.setInputFiles({ name: '登记表.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('x') });
    await expect.poll(async () => (await snapshot()).fileLog.length).toBe(1);
    expect((await snapshot()).fileLog[0]).toMatchObject({ slot: 'registration', name: '登记表.docx', accepted: false });
    await expect.poll(async () => (await snapshot()).files.registration).toEqual([]);
    await input.setInputFiles({ name: 'a.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 a') });
    await expect.poll(async () => (await snapshot()).files.registration?.map((f) => f.name)).toEqual(['a.pdf']);
    await input.setInputFiles({ name: 'b.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 bb') });
    await expect.poll(async () => (await snapshot()).files.registration?.map((f) => f.name)).toEqual(['b.pdf']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Element Plus: the list page filters its table from the model', async () => {
    const { page, problems } = await open('element-plus', 'huodong.ncet.edu.cn', '/list');
    const rows = page.locator('.work-table .el-table__body tr');
    await expect.poll(() => rows.count()).toBe(4);
    await elItem(page, '作品名称').locator('input').fill('校本');
    await expect.poll(() => rows.count()).toBe(0);
    await elItem(page, '作品名称').locator('input').fill('教学');
    await expect.poll(() => rows.count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Element Plus: a completely filled 附件1 form passes the site\'s validation', async () => {
    const { page, problems, snapshot } = await open('element-plus', 'huodong.ncet.edu.cn', '/form/jiaoshi-fujian1');
    await elItem(page, '作品名称').locator('input').fill('“图形的运动”单元微课');
    await chooseElementPlus(page, '学科', '数学');
    await elItem(page, '作品大小').locator('input').fill('35.2');
    await elItem(page, '组别').locator('.el-radio', { hasText: '基础教育组' }).click();
    await elItem(page, '作品类型').locator('.el-checkbox', { hasText: '短视频' }).click();
    await chooseElementPlus(page, '学段', '小学');
    const authorRow = page.locator('.author-table .el-table__body tr').first();
    await authorRow.locator('input').nth(0).fill('王晓燕');
    await authorRow.locator('input').nth(1).fill('某某市实验小学');
    await elItem(page, '姓名').locator('input').fill('王晓燕');
    await elItem(page, '手机').locator('input').fill('13800138000');
    await elItem(page, '电子邮箱').locator('input').fill('wang@example.edu.cn');
    await elItem(page, '作品特点').locator('textarea').fill('以动画演示平移、旋转与轴对称。');
    await elItem(page, '完成时间').locator('input').fill('2025-05-20');
    await page.keyboard.press('Enter');
    await elItem(page, '作品登记表').locator('input[type=file]').setInputFiles({ name: '登记表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await elItem(page, '作品').locator('input[type=file]').setInputFiles({ name: '微课.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(64) });
    await page.locator('.el-checkbox', { hasText: '诚信承诺' }).click();
    await submitButton(page).click();
    await expect.poll(async () => (await snapshot()).lastSubmit).toEqual({ valid: true, errors: [] });
    const model = (await snapshot()).model;
    expect(model).toMatchObject({ group: '基础教育组', kinds: ['短视频'], stage: '小学', finishedOn: '2025-05-20', agree: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Ant Design Vue: 所属专业 is a virtual list that holds only a window of its 300+ options', async () => {
    const { page, problems } = await open('antdv', 'www.hecloudnet.com', '/apply/shuzihua');
    await antItem(page, '所属专业').locator('.ant-select-selector').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    expect(await options.count()).toBeLessThan(40);
    expect(await page.evaluate(() => (window as unknown as { VOCATIONAL_MAJORS: Array<{ majors: string[] }> }).VOCATIONAL_MAJORS.flatMap((g) => g.majors).length)).toBeGreaterThan(300);
    expect(await options.filter({ hasText: exact('党务工作') }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Ant Design Vue: a packed archive is refused for 辅助材料, files are otherwise kept one by one', async () => {
    const { page, problems, snapshot } = await open('antdv', 'www.hecloudnet.com', '/apply/shuzihua');
    const input = antItem(page, '辅助材料').locator('input[type=file]');
    await input.setInputFiles({ name: '材料.zip', mimeType: 'application/zip', buffer: Buffer.from('PK') });
    await expect.poll(async () => (await snapshot()).fileLog.map((e) => [e.name, e.accepted])).toEqual([['材料.zip', false]]);
    await input.setInputFiles([
      { name: '图1.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(10) },
      { name: '图2.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(20) },
    ]);
    await expect.poll(async () => (await snapshot()).files.attachments?.map((f) => f.name)).toEqual(['图1.jpg', '图2.jpg']);
    expect(await antItem(page, '辅助材料').locator('.ant-upload-list-item').count()).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Element UI: el-input-number commits on change, and the video slot accepts one MP4', async () => {
    const { page, problems, snapshot } = await open('element-ui', 'www.hecloudnet.com', '/case/shijian');
    const size = page.locator('tr', { has: page.locator('th', { hasText: exact('作品大小') }) }).locator('.el-input-number input');
    await size.fill('321.5');
    await size.blur();
    await expect.poll(async () => (await snapshot()).model.sizeMb).toBe(321.5);
    const video = elItem(page, '教学视频').locator('input[type=file]');
    expect(await video.getAttribute('accept')).toBe('.mp4');
    await video.setInputFiles({ name: '录像.mov', mimeType: 'video/quicktime', buffer: Buffer.alloc(16) });
    await expect.poll(async () => (await snapshot()).fileLog.map((e) => [e.name, e.accepted])).toEqual([['录像.mov', false]]);
    expect((await snapshot()).files.video).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
