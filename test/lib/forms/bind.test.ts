import { describe, expect, it } from 'vitest';
import { bindForm, formFileName, formForCategory, readyToPrint, type BoundCell, type BoundOptions, type BoundValue,
  type FilledForm } from '@/lib/forms';
import type { Draft, Team } from '@/lib/profile/schema';
import { PACK_2025 } from '@/lib/rules/packs/2025';
import { parseRulePack, type RulePack } from '@/lib/rules';
import { draft, PEOPLE, person, TEAM } from '../autofill/profile-data';

const parsed = parseRulePack(PACK_2025);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const pack: RulePack = parsed.pack;
const MIB = 1024 * 1024;

function fill(d: Draft, team: Team | undefined = TEAM, extra: Partial<Parameters<typeof bindForm>[0]> = {}): FilledForm {
  const layout = formForCategory(pack, d.categoryId!)!;
  return bindForm({ layout, pack, draft: d, ...(team ? { team } : {}), people: PEOPLE, ...extra });
}

function cells(form: FilledForm): BoundCell[] {
  return form.rows.flatMap((row) => row.cells);
}

function value(form: FilledForm, key: string): BoundValue {
  const found = cells(form).find((cell): cell is BoundValue => cell.kind === 'value' && cell.cell.key === key);
  if (!found) throw new Error(`no value cell ${key}`);
  return found;
}

function ticks(form: FilledForm, key: string): string[] {
  const found = cells(form).find((cell): cell is BoundOptions => cell.kind === 'options' && cell.cell.key === key);
  if (!found) throw new Error(`no options cell ${key}`);
  return found.cell.options.filter((_, i) => found.ticked[i]).map((option) => option.label);
}

const codes = (form: FilledForm) => form.problems.map((entry) => `${entry.code}:${entry.key ?? ''}`);

describe('bindForm', () => {
  it('fills 附件1 from the draft, the team and its people', () => {
    const form = fill(draft({ fields: { stage: '小学', work_features: '特点', install_notes: '浏览器打开即可' } }), TEAM, {
      chosenFiles: [{ slotId: 'work', size: 3 * MIB }, { slotId: 'registration_form', size: 50 * MIB }, { slotId: 'description', size: MIB / 2 }],
    });
    expect(value(form, 'work_name').text).toBe('图形的运动单元微课');
    expect(value(form, 'subject').text).toBe('数学');
    expect(value(form, 'grade').text).toBe('5年级');
    // The signed form itself is not part of the work (the pack's sizeOf.exceptSlots).
    expect(value(form, 'work_size').text).toBe('3.5');
    expect(value(form, 'author1_name').text).toBe('王晓燕');
    expect(value(form, 'author3_organization').text).toBe('北京市第十九中学');
    expect(value(form, 'contact_name').text).toBe('张老师');
    expect(value(form, 'contact_landline').text).toBe('010-88886666');
    expect(value(form, 'contact_email').text).toBe('zhang@example.cn');
    expect(ticks(form, 'project_basic')).toEqual(['精品学习资源']);
    expect(ticks(form, 'project_vocational')).toEqual([]);
    expect(ticks(form, 'project_higher')).toEqual([]);
    expect(ticks(form, 'stage')).toEqual(['小学']);
    expect(form.problems).toEqual([]);
    expect(readyToPrint(form)).toBe(true);
    expect(form.fileName).toBe('图形的运动单元微课-登记表.docx');
  });

  it('ticks the 中职 box for 自制教学工具软件 and does not ask for the 基础教育组 学段', () => {
    const form = fill(draft({ categoryId: 'zizhi', fields: { work_features: 'a', install_notes: 'b' } }), TEAM,
      { chosenFiles: [{ slotId: 'software', size: MIB }] });
    expect(ticks(form, 'project_basic')).toEqual([]);
    expect(ticks(form, 'project_vocational')).toEqual(['自制教学工具软件']);
    expect(form.problems).toEqual([]);
  });

  it('marks every missing value and asks for 作品大小 when no work file is known', () => {
    const form = fill(draft({ fields: {} }), { ...TEAM, authorIds: ['p2'], contactId: undefined });
    // 李明's profile has no 学科, 年级 or 学段, so nothing falls back for them.
    expect(codes(form)).toEqual([
      'missing:subject', 'missing:grade', 'sizeUnknown:work_size', 'missing:stage', 'missing:contact_name',
      'missing:contact_mobile', 'missing:contact_email', 'missing:work_features', 'missing:install_notes',
    ]);
    expect(form.problems.every((entry) => entry.severity === 'warning')).toBe(true);
    expect(readyToPrint(form)).toBe(true);
  });

  it('does not ask for the rows of a second or third author the team does not have', () => {
    const form = fill(draft({ fields: { work_features: 'a', install_notes: 'b', stage: '小学' } }), { ...TEAM, authorIds: ['p1'] },
      { chosenFiles: [{ slotId: 'work', size: MIB }] });
    expect(value(form, 'author2_name')).toMatchObject({ text: '', required: false, missing: false });
    expect(form.problems).toEqual([]);
  });

  it('refuses a team whose first author has no unit', () => {
    const people = [...PEOPLE, person('x', { name: '无单位' })];
    const form = fill(draft({ fields: { work_features: 'a', install_notes: 'b' } }), { ...TEAM, authorIds: ['x'] }, { people });
    expect(form.problems).toContainEqual(expect.objectContaining({ code: 'firstAuthorUnit', severity: 'error', key: 'author1_organization' }));
    expect(readyToPrint(form)).toBe(false);
  });

  it('refuses more than three authors and prints only three', () => {
    const people = [...PEOPLE, person('p4', { name: '第四人', organization: '某校' })];
    const form = fill(draft(), { ...TEAM, authorIds: ['p1', 'p2', 'p3', 'p4'] }, { people });
    expect(form.problems).toContainEqual(expect.objectContaining({ code: 'tooManyAuthors', params: { count: 4, max: 3 } }));
    expect(cells(form).some((cell) => cell.kind === 'value' && cell.text === '第四人')).toBe(false);
  });

  it('refuses 《》 in the work\'s name', () => {
    const form = fill(draft({ title: '《图形的运动》微课' }));
    expect(form.problems).toContainEqual(expect.objectContaining({ code: 'bookTitleMarks', severity: 'error', key: 'work_name' }));
  });

  it.each([
    ['jingpin', 'work_features', 300],
    ['jingpin', 'install_notes', 300],
    ['ronghe', 'environment', 300],
    ['xinxihua', 'other_notes', 300],
    ['xiaoben', 'summary', 300],
    ['mingshi', 'summary', 400],
    ['zhijiao_shijian', 'work_features', 300],
    ['zhijiao_shuzihua', 'case_summary', 1000],
  ])('%s %s: %i 字 passes, one more fails', (categoryId, key, max) => {
    const at = fill(draft({ categoryId, fields: { [key]: '字'.repeat(max) } }));
    expect(value(at, key)).toMatchObject({ chars: max, maxChars: max });
    expect(codes(at)).not.toContain(`overLimit:${key}`);
    const over = fill(draft({ categoryId, fields: { [key]: `${'字'.repeat(max - 1)}，` + 'ok' } }));
    expect(value(over, key).chars).toBe(max + 1);
    expect(over.problems).toContainEqual(expect.objectContaining({ code: 'overLimit', key, params: { chars: max + 1, max } }));
    expect(readyToPrint(over)).toBe(false);
  });

  it('counts 字数 as Word does (an English word is one)', () => {
    // 基于 2 + GeoGebra 1 + 的 1 + 3D 1 + 演示 2
    const form = fill(draft({ fields: { work_features: '基于 GeoGebra 的 3D 演示' } }));
    expect(value(form, 'work_features').chars).toBe(7);
  });

  it('fills 附件5: 研修主题, keywords with their count, boxes ticked from the draft', () => {
    const form = fill(draft({
      categoryId: 'xiaoben',
      title: '小学数学图形的位置与运动重难点教学探究',
      fields: { keywords: '图形、运动、校本研修、数学、多余', subject: '数学', stage: '第二学段、第三学段（5-6年级）', grade: '3年级、5年级、十年级',
        course_basis: '图形的位置与运动', summary: '概述' },
    }));
    expect(value(form, 'topic').text).toBe('小学数学图形的位置与运动重难点教学探究');
    expect(value(form, 'keywords')).toMatchObject({ keywords: 5, maxKeywords: 4 });
    expect(ticks(form, 'subject')).toEqual(['数学']);
    expect(ticks(form, 'stage')).toEqual(['第二学段（3-4年级）', '第三学段（5-6年级）']);
    expect(ticks(form, 'grade')).toEqual(['3年级', '5年级']);
    expect(value(form, 'author1_title').text).toBe('一级教师');
    expect(value(form, 'author2_mobile').text).toBe('13900001111');
    expect(codes(form)).toEqual(['tooManyKeywords:keywords', 'optionUnknown:grade']);
    expect(form.fileName).toBe('小学数学图形的位置与运动重难点教学探究-信息表.docx');
  });

  it('warns (does not refuse) two 科目 on 附件5: "原则上选一个科目"', () => {
    const form = fill(draft({ categoryId: 'xiaoben', fields: { subject: '数学、语文' } }));
    expect(form.problems).toContainEqual(expect.objectContaining({ code: 'tooManyOptions', severity: 'warning', key: 'subject' }));
  });

  it('fills 附件11 with 手机号 per author and ticks the school type', () => {
    const form = fill(draft({ categoryId: 'zhijiao_shijian', fields: { school_type: '高职院校' } }));
    expect(value(form, 'author1_mobile').text).toBe('13812345678');
    expect(value(form, 'major').text).toBe('计算机应用');
    expect(ticks(form, 'project')).toEqual(['职业教育实践性教学案例']);
    expect(ticks(form, 'school_type')).toEqual(['高职院校']);
  });

  it('fills 附件13 from the team\'s contact and the draft\'s 主管领导 fields; no author rows', () => {
    const form = fill(draft({
      categoryId: 'zhijiao_shuzihua', title: '智慧校园数据基座建设',
      fields: { applicant_unit: '某职业技术学院', leader_name: '刘校长', leader_title: '副校长', leader_mobile: '13500004444',
        leader_email: 'liu@example.cn', address: '北京市海淀区某路1号', unit_intro: '简介', case_summary: '概要' },
    }));
    expect(value(form, 'contact_name').text).toBe('张老师');
    expect(value(form, 'contact_title').text).toBe('教研员');
    expect(value(form, 'leader_name').text).toBe('刘校长');
    expect(value(form, 'case_name').text).toBe('智慧校园数据基座建设');
    expect(form.problems).toEqual([]);
    expect(form.fileName).toBe('智慧校园数据基座建设-申报表.docx');
  });

  it('names a draft without a category and a category on another form', () => {
    const layout = formForCategory(pack, 'jingpin')!;
    const none = bindForm({ layout, pack, draft: draft({ categoryId: undefined }), people: PEOPLE });
    expect(none.problems[0]).toMatchObject({ code: 'noCategory', severity: 'error' });
    const other = bindForm({ layout, pack, draft: draft({ categoryId: 'xiaoben' }), people: PEOPLE });
    expect(other.problems[0]).toMatchObject({ code: 'categoryNotOnForm', params: { form: '附件1' } });
  });
});

describe('formFileName', () => {
  it.each([
    ['图形的运动', '图形的运动-登记表.docx'],
    ['a/b:c*d?"e"<f>|g', 'a_b_c_d__e__f__g-登记表.docx'],
    ['   ', '未命名作品-登记表.docx'],
  ])('%s', (title, name) => {
    expect(formFileName({ fileLabel: '登记表' }, title)).toBe(name);
  });
});
