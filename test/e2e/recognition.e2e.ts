/**
 * Recognition on forms the product was not written against (issue #11), through the built extension: six pages
 * rendered by UI libraries the product does not use (Naive UI, Arco Design Vue, TDesign, layui) and plain
 * government-style tables, each with the shared visibility traps (test/e2e/fixtures/forms/shared/traps.js). For every
 * page: one click of 一键填写 fills every visible field (the framework's own model holds the values), the count on the
 * button is exactly those fields, no trap is touched, the fields behind a closed section are listed as 展开后可填, and
 * 撤销填写 restores the model or names each field it could not restore with the right widget word.
 *
 * Each case logs `recognition: <page> fields right a/b, undo …, hidden filled n` for the issue note.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '@/lib/profile/schema';
import { buildDocx, para } from '../fixtures/checks/office';
import { PDF, writeFile, writeMp4 } from './files';
import { fixtureSnapshot, waitForFixture } from './fixtures/forms/fixture-api';
import { launchWithExtension, panel, startFixtureServer, type ExtensionBrowser } from './harness';
import { checklistStatus } from './panel-helpers';
import { SAMPLE_DRAFTS, SAMPLE_PEOPLE, SAMPLE_TEAM, seedSampleProfile } from './sample-profile';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: ExtensionBrowser;
let dir: string;

const recogDraft = (id: string, categoryId: string, title: string, fields: Record<string, string>): Draft => ({
  id, title, categoryId, teamId: SAMPLE_TEAM.id, fields, createdAt: 1_750_000_000_000, updatedAt: 1_760_000_000_000,
});

/** Newer than the sample drafts, so each page's category picks these. */
const DRAFTS: Draft[] = [
  recogDraft('r-shijian', 'zhijiao_shijian', '数控车床对刀实训教学案例', {
    school_type: '高职院校', major: '数控技术', work_features: '以真实零件加工任务组织实训，学生分组完成对刀、试切与检测。' }),
  recogDraft('r-shuzihua', 'zhijiao_shuzihua', '智慧实训平台建设与应用案例', {
    applicant_unit: '北京市某某职业技术学院', address: '北京市海淀区学院路1号', leader_name: '刘建华', leader_title: '副校长',
    leader_mobile: '13500004444', leader_email: 'liujh@example.cn', unit_intro: '学校始建于1958年。', case_summary: '以实训平台为抓手。' }),
  recogDraft('r-xiaoben', 'xiaoben', '小学数学图形的位置与运动重难点教学探究', {
    keywords: '图形与几何;空间观念', subject: '数学', stage: '第一学段（1-2年级）、第三学段（5-6年级）', grade: '5年级、6年级',
    summary: '围绕图形的运动开展校本研修。' }),
  recogDraft('r-mingshi', 'mingshi', '工作室联合教研的数学建模研修', {
    keywords: '数学建模;联合教研', studio_name: '王晓燕名师工作室', summary: '工作室成员围绕数学建模开展研修。' }),
  recogDraft('r-ronghe', 'ronghe', '跨学科主题学习中的信息科技课堂', {
    stage: '小学', environment: '教室配备交互式大屏。', course_building: '建成校本课程。', implementation: '分组项目学习。',
    results: '在区内推广。', other_notes: '无' }),
  recogDraft('r-jingpin', 'jingpin', '图形的运动单元微课', {
    stage: '小学', work_features: '以动画演示平移与旋转。', install_notes: '浏览器打开即可。' }),
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recognition-'));
  server = await startFixtureServer();
  browser = await launchWithExtension(server.port);
  await seedSampleProfile(browser, { drafts: [...SAMPLE_DRAFTS, ...DRAFTS] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const [WANG, LI, ZHAO, ZHANG] = SAMPLE_PEOPLE as [typeof SAMPLE_PEOPLE[0], typeof SAMPLE_PEOPLE[0], typeof SAMPLE_PEOPLE[0], typeof SAMPLE_PEOPLE[0]];
const AUTHORS = [WANG, LI, ZHAO];
const draftOf = (id: string) => DRAFTS.find((d) => d.id === id)!;
const EMPTY_TRAPS = { display: '', visibility: '', zero: '', opacity: '', offscreen: '', ariaHidden: '', inert: '', details: '', tab: '' };

function autofill(page: Page) {
  return panel(page).getByTestId('autofill');
}

async function openForm(url: string, category: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForFixture(page);
  await expect.poll(() => autofill(page).getAttribute('data-page-kind'), { timeout: 15_000 }).toBe('registration');
  await expect.poll(() => autofill(page).getAttribute('data-category'), { timeout: 15_000 }).toBe(category);
  await expect.poll(() => autofill(page).getByTestId('fill-go').isEnabled(), { timeout: 15_000 }).toBe(true);
  return page;
}

const model = async (page: Page) => (await fixtureSnapshot(page)).model as Record<string, any>;

/** Leaf paths of a model: `authors.1.name` → value; a list of plain values (checked options) is one leaf. */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const isRecordList = Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object');
  if (value !== null && typeof value === 'object' && (!Array.isArray(value) || isRecordList)) {
    for (const [key, inner] of Object.entries(value)) for (const [k, v] of leaves(inner, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  } else out.set(prefix, value);
  return out;
}

interface Case {
  name: string;
  url: string;
  category: string;
  /** The model after one click: every visible field the saved data can answer. */
  filled: (before: Record<string, any>) => Record<string, any>;
  /** Model paths undo cannot empty, with the label and the widget word the panel must name. */
  notRestored: Array<{ path: string; label: string; word: RegExp }>;
  /** Labels listed under 展开后可填. */
  collapsed: string[];
}

const SINGLE = /单选选中后不能取消/;
const DROPDOWN = /此下拉框不能清空/;

const CASES: Case[] = [
  {
    name: 'plain table 附件11', url: 'http://www.hecloudnet.com/forms/plain-table/fujian11.html', category: 'zhijiao_shijian',
    filled: (m) => ({ ...m, title: draftOf('r-shijian').title, major: '460103', schoolType: '2',
      authors: AUTHORS.map((p) => ({ name: p.name, mobile: p.mobile, unit: p.organization })),
      contact: { name: ZHANG.name, mobile: ZHANG.mobile, phone: ZHANG.landline, email: ZHANG.email },
      features: draftOf('r-shijian').fields.work_features }),
    notRestored: [{ path: 'schoolType', label: '院校类型', word: SINGLE }],
    collapsed: ['联系人手机', '固定电话'],
  },
  {
    name: 'plain table 附件13', url: 'http://www.hecloudnet.com/forms/plain-table/fujian13.html', category: 'zhijiao_shuzihua',
    filled: (m) => {
      const f = draftOf('r-shuzihua').fields;
      return { ...m, unit: f.applicant_unit, address: f.address, caseName: draftOf('r-shuzihua').title, intro: f.unit_intro,
        summary: f.case_summary, contact: { name: ZHANG.name, post: ZHANG.title, mobile: ZHANG.mobile, email: ZHANG.email },
        leader: { name: f.leader_name, post: f.leader_title, mobile: f.leader_mobile, email: f.leader_email } };
    },
    notRestored: [],
    collapsed: ['联系人手机', '固定电话'],
  },
  {
    name: 'layui 附件5', url: 'http://huodong.ncet.edu.cn/forms/layui/', category: 'xiaoben',
    filled: (m) => ({ ...m, theme: draftOf('r-xiaoben').title, keywords: draftOf('r-xiaoben').fields.keywords,
      authors: AUTHORS.map((p) => ({ name: p.name, unit: p.organization, title: p.title, mobile: p.mobile })),
      subject: '3', stages: ['1', '3'], grades: ['5', '6'], summary: draftOf('r-xiaoben').fields.summary,
      shown: { subject: '数学', stages: ['第一学段（1-2年级）', '第三学段（5-6年级）'], grades: ['5年级', '6年级'] } }),
    notRestored: [],
    collapsed: ['联系人手机', '固定电话'],
  },
  {
    name: 'Naive UI 附件8', url: 'http://huodong.ncet.edu.cn/forms/naive-ui/', category: 'mingshi',
    filled: (m) => ({ ...m, theme: draftOf('r-mingshi').title, keywords: draftOf('r-mingshi').fields.keywords,
      studio: draftOf('r-mingshi').fields.studio_name, field: '数学',
      authors: AUTHORS.map((p) => ({ name: p.name, unit: p.organization, title: p.title, mobile: p.mobile })),
      summary: draftOf('r-mingshi').fields.summary }),
    notRestored: [{ path: 'field', label: '研修学科领域', word: DROPDOWN }],
    collapsed: ['联系人手机', '固定电话'],
  },
  {
    name: 'Arco Design Vue 附件2', url: 'http://huodong.ncet.edu.cn/forms/arco/', category: 'ronghe',
    filled: (m) => {
      const f = draftOf('r-ronghe').fields;
      return { ...m, title: draftOf('r-ronghe').title, stage: '小学', subject: WANG.subject,
        authors: AUTHORS.map((p) => ({ name: p.name, unit: p.organization })),
        contact: { name: ZHANG.name, mobile: ZHANG.mobile, phone: ZHANG.landline, email: ZHANG.email },
        environment: f.environment, course: f.course_building, implementation: f.implementation, results: f.results, other: f.other_notes };
    },
    notRestored: [{ path: 'stage', label: '学段', word: SINGLE }, { path: 'subject', label: '学科', word: DROPDOWN }],
    collapsed: ['联系人手机', '固定电话'],
  },
  {
    name: 'TDesign 附件1', url: 'http://huodong.ncet.edu.cn/forms/tdesign/', category: 'jingpin',
    filled: (m) => ({ ...m, title: draftOf('r-jingpin').title, subject: WANG.subject, stage: '小学',
      authors: AUTHORS.map((p, i) => ({ serial: i + 1, name: p.name, unit: p.organization })),
      contact: { name: ZHANG.name, mobile: ZHANG.mobile, phone: ZHANG.landline, email: ZHANG.email },
      features: draftOf('r-jingpin').fields.work_features }),
    notRestored: [{ path: 'stage', label: '学段', word: SINGLE }, { path: 'subject', label: '学科', word: DROPDOWN }],
    // TDesign renders an inactive tab only once it is chosen: the tab trap has no field in the DOM yet.
    collapsed: ['作品安装运行说明', '联系人手机'],
  },
  {
    // Element Plus's checkbox group computes each change from the model it last rendered: two clicks in one task
    // used to keep only the last 学段.
    name: 'Element Plus 附件5 (two 学段 in one checkbox group)', url: 'http://huodong.ncet.edu.cn/forms/element-plus/#/form/xiaoben',
    category: 'xiaoben',
    filled: (m) => ({ ...m, theme: draftOf('r-xiaoben').title, keywords: draftOf('r-xiaoben').fields.keywords,
      authors: AUTHORS.map((p) => ({ name: p.name, unit: p.organization, title: p.title, mobile: p.mobile })),
      subject: 3, stages: ['第一学段（1-2年级）', '第三学段（5-6年级）'], grades: [5, 6], summary: draftOf('r-xiaoben').fields.summary }),
    notRestored: [{ path: 'subject', label: '科目', word: DROPDOWN }],
    collapsed: [],
  },
];

describe('one click on forms the product was not written against', () => {
  it.each(CASES)('$name', async ({ name, url, category, filled, notRestored, collapsed }) => {
    const page = await openForm(url, category);
    const before = await model(page);
    if ('traps' in before) expect(before.traps).toEqual(EMPTY_TRAPS);
    const expected = filled(before);
    // What layui's drawings show (`shown.*`) is read for the test, not a field of its own.
    const changed = [...leaves(expected)].filter(([path, value]) => !path.startsWith('shown.')
      && JSON.stringify(leaves(before).get(path)) !== JSON.stringify(value));

    // The button counts exactly the visible fields the data answers; closed sections are listed, not counted.
    const go = autofill(page).getByTestId('fill-go');
    const lists = (await go.textContent())?.match(/（(\d+) 项）/);
    const closed = autofill(page).getByTestId('fill-collapsed');
    expect(await closed.locator('li[data-skip="collapsed"]').evaluateAll((items) =>
      items.map((li) => li.querySelector('.fill__field')?.textContent ?? ''))).toEqual(
      collapsed.map((label) => expect.stringContaining(label)));

    await go.click();
    const result = autofill(page).getByTestId('fill-result');
    await result.waitFor({ timeout: 60_000 });
    const after = await model(page);
    const right = changed.filter(([path, value]) => JSON.stringify(leaves(after).get(path)) === JSON.stringify(value)).length;
    const hiddenFilled = Object.values((after.traps ?? {}) as Record<string, string>).filter((v) => v !== '').length;
    expect(after).toEqual(expected);
    expect(hiddenFilled).toBe(0);
    expect(await fixtureSnapshot(page).then((s) => s.submitted)).toBe(0);

    await autofill(page).getByTestId('fill-undo').click();
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toMatch(/已撤销/);
    const restored = await model(page);
    const kept = Object.fromEntries(notRestored.map(({ path }) => [path, leaves(after).get(path)]));
    const lost = [...leaves(restored)].filter(([path, value]) => JSON.stringify(leaves(before).get(path)) !== JSON.stringify(value))
      .map(([path]) => path.split('.')[0]);
    expect(lost.sort()).toEqual(Object.keys(kept).sort());
    const lines = await result.locator('li').allTextContents();
    expect(lines).toHaveLength(notRestored.length);
    for (const { label, word } of notRestored) {
      expect(lines.find((line) => line.includes(`“${label}”`))).toMatch(word);
    }
    console.info(`recognition: ${name} fields right ${right}/${changed.length}, button ${lists?.[1]}, `
      + `undo ${notRestored.length === 0 ? 'exact' : `exact but ${notRestored.map((n) => n.label).join('、')} (named)`}, `
      + `hidden filled ${hiddenFilled}, listed 展开后可填 ${collapsed.length}`);
    expect(Number(lists?.[1])).toBe(changed.length);
    await page.close();
  });
});


describe('the upload guard on plain government pages (plain <input type=file>, no library)', () => {
  it('附件11: every upload gets its slot from its table row; the submit dialog lists what is missing', async () => {
    const page = await browser.context.newPage();
    await page.goto('http://www.hecloudnet.com/forms/plain-table/fujian11.html');
    await waitForFixture(page);
    const checklist = panel(page).locator('[data-testid="guard-checklist"]');
    await expect.poll(() => checklist.count(), { timeout: 15_000 }).toBe(1);
    expect(await checklist.getAttribute('data-category')).toBe('zhijiao_shijian');
    // All four uploads are recognised: none is 'elsewhere' (no upload on the page) or unassigned.
    expect(await checklistStatus(page)).toEqual({ registration_form: 'missing', intro: 'missing', lesson_plan: 'missing', video: 'missing' });

    const input = (name: string) => page.locator(`input[type="file"][name="${name}"]`);
    const badge = (label: string) => page.locator(`submit-helper-guard [data-testid="guard-badge"][data-upload="${label}#0"]`);
    await input('ja').setInputFiles(writeFile(dir, '教案.docx', buildDocx(para('教学目标'))));
    await badge('教案').locator('[data-testid="guard-file"][data-verdict="pass"]').waitFor();
    await input('sp').setInputFiles(writeMp4(dir, '实录.mp4', 20 * 60, 30));
    // The plain row is checked against the 教学视频 slot's rules like any library's upload.
    await badge('教学视频').locator('[data-testid="guard-file"][data-verdict="fail"]').waitFor();
    await expect.poll(() => checklistStatus(page)).toEqual({ registration_form: 'missing', intro: 'missing', lesson_plan: 'ok', video: 'failed' });

    const submit = page.getByRole('button', { name: '提 交' });
    await submit.click();
    const dialog = page.locator('submit-helper-guard [data-testid="guard-dialog"]');
    await dialog.waitFor();
    const items = await dialog.locator('li').allTextContents();
    expect(items).toEqual(expect.arrayContaining(['缺少“作品登记表（附件11）”', '缺少“案例简介”']));
    expect(items.some((line) => /教学视频/.test(line) && /25 fps/.test(line))).toBe(true);
    await dialog.getByRole('button', { name: '返回修改' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await fixtureSnapshot(page)).submitted).toBe(0);

    await submit.click();
    await dialog.getByRole('button', { name: '仍然提交' }).click();
    await expect.poll(async () => (await fixtureSnapshot(page)).submitted).toBe(1);
    expect((await fixtureSnapshot(page)).lastSubmit!.errors).toEqual(['请上传作品登记表']);
    await page.close();
  });

  it('附件13: uploads named only by the text before them or by their tip still get their slots', async () => {
    const page = await browser.context.newPage();
    await page.goto('http://www.hecloudnet.com/forms/plain-table/fujian13.html');
    await waitForFixture(page);
    const checklist = panel(page).locator('[data-testid="guard-checklist"]');
    await expect.poll(() => checklist.count(), { timeout: 15_000 }).toBe(1);
    expect(await checklist.getAttribute('data-category')).toBe('zhijiao_shuzihua');
    expect(await checklistStatus(page)).toEqual({ application_form: 'missing', main_text: 'missing', pictures: 'empty', supplementary: 'empty' });
    await page.locator('input[name="sbb"]').setInputFiles(writeFile(dir, '申报表.pdf', PDF));
    await page.locator('input[name="ztnr"]').setInputFiles(writeFile(dir, '主体.docx', buildDocx(para('一、案例背景'))));
    await expect.poll(() => checklistStatus(page)).toMatchObject({ application_form: 'ok' });
    // A two-line body is far below 附件13's 3000 字: the slot fails on its own rule, it is not "missing".
    await expect.poll(() => checklistStatus(page).then((s) => s.main_text)).toBe('failed');
    await page.getByRole('button', { name: '确认提交' }).click();
    const dialog = page.locator('submit-helper-guard [data-testid="guard-dialog"]');
    await dialog.waitFor();
    const items = await dialog.locator('li').allTextContents();
    expect(items.some((line) => line.startsWith('缺少'))).toBe(false);
    expect(items.some((line) => /案例主体内容/.test(line) && /字/.test(line))).toBe(true);
    await dialog.getByRole('button', { name: '仍然提交' }).click();
    await expect.poll(async () => (await fixtureSnapshot(page)).submitted).toBe(1);
    expect((await fixtureSnapshot(page)).lastSubmit).toEqual({ valid: true, errors: [] });
    await page.close();
  });
});
