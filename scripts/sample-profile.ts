/**
 * A sample teacher's data for the autofill e2e test and `npm run demo`: three authors, a contact person who is not
 * an author, a team, and a draft per fixture form. Seeded the way a teacher would restore it: the options page's
 * backup import, so nothing reaches into the extension's database from outside.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeBackup } from '@/lib/backup/format';
import type { Draft, Person, Team } from '@/lib/profile/schema';
import { extensionPage, type ExtensionBrowser } from './browser';

const person = (id: string, fields: Partial<Person>): Person => ({
  id, name: '', organization: '', title: '', mobile: '', landline: '', email: '', schoolType: '', subject: '', grade: '',
  major: '', region: '', createdAt: 1_750_000_000_000, updatedAt: 1_750_000_000_000, ...fields,
});

export const SAMPLE_PEOPLE: Person[] = [
  person('p-wang', { name: '王晓燕', organization: '北京市海淀区实验小学', title: '一级教师', mobile: '13812345678',
    email: 'wangxy@example.cn', schoolType: '小学', subject: '数学', grade: '五年级', major: '数控技术' }),
  person('p-li', { name: '李明', organization: '北京市海淀区实验小学', title: '高级教师', mobile: '13900001111' }),
  person('p-zhao', { name: '赵婷', organization: '北京市第十九中学', title: '二级教师', mobile: '13700002222' }),
  person('p-zhang', { name: '张建国', organization: '海淀区教师进修学校', title: '教研员', mobile: '13600003333',
    landline: '010-88886666', email: 'zhangjg@example.cn' }),
];

export const SAMPLE_TEAM: Team = {
  id: 't-math', name: '数学组', authorIds: ['p-wang', 'p-li', 'p-zhao'], contactId: 'p-zhang',
  createdAt: 1_750_000_000_000, updatedAt: 1_750_000_000_000,
};

const draft = (id: string, categoryId: string, title: string, fields: Record<string, string>, updatedAt: number): Draft => ({
  id, title, categoryId, teamId: SAMPLE_TEAM.id, fields, createdAt: 1_750_000_000_000, updatedAt,
});

export const SAMPLE_DRAFTS: Draft[] = [
  draft('d-jingpin', 'jingpin', '图形的运动单元微课', {
    work_features: '以生活中的平移、旋转现象导入，配合动画演示和课堂练习，帮助学生建立图形运动的空间观念。',
  }, 1_750_000_000_003),
  draft('d-shijian', 'zhijiao_shijian', '数控车床对刀实训教学案例', {
    summary: '以真实零件加工任务组织实训，学生分组完成对刀、试切与检测。',
  }, 1_750_000_000_002),
  draft('d-mingshi', 'mingshi', '工作室联合教研的数学建模研修', {
    summary: '工作室成员围绕数学建模开展线上线下联合研修。',
  }, 1_750_000_000_001),
];

/** Restores the sample data (or other drafts with the same people and team) through the options page's 备份与恢复 tab. */
export async function seedSampleProfile(browser: ExtensionBrowser, { drafts = SAMPLE_DRAFTS }: { drafts?: Draft[] } = {}): Promise<void> {
  const text = await serializeBackup({
    people: SAMPLE_PEOPLE, teams: [SAMPLE_TEAM], drafts, deadlines: [], fills: [],
  });
  const dir = await mkdtemp(join(tmpdir(), 'submit-helper-sample-'));
  const file = join(dir, 'sample-backup.json');
  await writeFile(file, text);
  const page = await browser.context.newPage();
  try {
    await page.goto(extensionPage(browser, 'options.html'));
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await page.locator('#backup-file').setInputFiles(file);
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByRole('tab', { name: '人员' }).click();
    await page.getByRole('navigation', { name: '人员列表' }).getByRole('button', { name: /张建国/ }).waitFor();
  } finally {
    await page.close();
    await rm(dir, { recursive: true, force: true });
  }
}
