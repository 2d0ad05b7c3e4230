// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { detectFields, planFill, workSizeValue, type FillAction, type SkipReason } from '@/lib/autofill';
import { currentPack, findCategory } from '@/lib/rules';
import { draft, PEOPLE, person, TEAM } from './profile-data';

const pack = currentPack();

beforeEach(() => {
  document.body.innerHTML = '';
});

function planFor(html: string, input: { fields?: Record<string, string>; title?: string; categoryId?: string } = {},
  overwrite = false): FillAction[] {
  document.body.innerHTML = html;
  const categoryId = input.categoryId ?? 'jingpin';
  const fields = detectFields(document, { pack, category: findCategory(pack, categoryId) });
  return planFill({ people: PEOPLE, team: TEAM, pack,
    draft: draft({ categoryId, fields: input.fields ?? {}, ...(input.title ? { title: input.title } : {}) }) },
  fields, { overwrite });
}

const only = (actions: FillAction[]) => {
  expect(actions).toHaveLength(1);
  return actions[0]!;
};

describe('planFill skip reasons', () => {
  it.each<[string, string, SkipReason | undefined, Record<string, string>?]>([
    ['fills an empty field', '<label>姓名 <input></label>', undefined],
    ['readonly', '<label>姓名 <input readonly></label>', 'readonly'],
    ['disabled', '<label>姓名 <input disabled></label>', 'disabled'],
    ['disabled by a fieldset', '<fieldset disabled><label>姓名 <input></label></fieldset>', 'disabled'],
    ['a different value typed by the user', '<label>姓名 <input value="王小燕"></label>', 'user-value'],
    ['the same value already there', '<label>姓名 <input value="王晓燕"></label>', 'same-value'],
    ['no data in the profile', '<label>地区 <input></label>', 'no-data'],
    ['too long for the pack’s 字数 limit', '<label>作品特点 <textarea></textarea></label>', 'too-long',
      { work_features: '字'.repeat(301) }],
    ['exactly at the limit', '<label>作品特点 <textarea></textarea></label>', undefined,
      { work_features: '字'.repeat(300) }],
    ['longer than the control’s maxlength', '<label>工作单位 <input maxlength="5"></label>', 'too-long'],
    ['《》 in the title', '<label>作品名称 <input></label>', 'book-title-marks', { work_name: '《图形的运动》' }],
    ['no option matches', '<label>年级 <select><option>七年级</option><option>八年级</option></select></label>', 'no-option'],
  ])('%s', (_name, html, skip, fields) => {
    expect(only(planFor(html, { fields })).skip).toBe(skip);
  });

  it('reports the broken limit', () => {
    const action = only(planFor('<label>作品特点 <textarea maxlength="300"></textarea></label>',
      { fields: { work_features: '字'.repeat(320) } }));
    expect(action).toMatchObject({ skip: 'too-long', limit: 300 });
  });

  it('overwrite replaces a user value but never a readonly one', () => {
    expect(only(planFor('<label>姓名 <input value="王小燕"></label>', {}, true))).toMatchObject({
      value: '王晓燕', current: '王小燕',
    });
    expect(only(planFor('<label>姓名 <input value="王小燕"></label>', {}, true)).skip).toBeUndefined();
    expect(only(planFor('<label>姓名 <input readonly value="王小燕"></label>', {}, true)).skip).toBe('readonly');
  });

  it('leaves fields it does not understand out of the plan', () => {
    expect(planFor('<label>验证码 <input></label><label>备忘 <input></label>')).toEqual([]);
  });
});

describe('planFill values', () => {
  it('takes each role’s person from the team, the contact included', () => {
    const actions = planFor(`
      <h3>第一作者</h3><label>姓名 <input></label><label>手机 <input></label>
      <h3>第三作者</h3><label>姓名 <input></label><label>职称 <input></label>
      <h3>联系人信息</h3><label>姓名 <input></label><label>联系电话 <input></label><label>固定电话 <input></label>
      <label>电子邮箱 <input></label>`);
    expect(actions.map((a) => [a.role, a.attribute, a.value])).toEqual([
      ['author[0]', 'name', '王晓燕'], ['author[0]', 'mobile', '13812345678'],
      ['author[2]', 'name', '赵婷'], ['author[2]', 'title', '二级教师'],
      ['contact', 'name', '张老师'], ['contact', 'mobile', '13600003333'], ['contact', 'landline', '010-88886666'],
      ['contact', 'email', 'zhang@example.cn'],
    ]);
    expect(actions[2]!.reason).toEqual({ label: '姓名', labelSource: 'label-wrap', roleSource: 'heading', roleContext: '第三作者' });
  });

  it('附件13: the leader comes from leaderId or from the draft’s leader_* fields, never from the contact', () => {
    const html = '<h4>联系人信息</h4><label>联系人 <input></label><label>职务 <input></label>'
      + '<h4>主管领导信息</h4><label>主管领导 <input></label><label>职务 <input></label><label>手机 <input></label>';
    const fromDraft = planFor(html, { categoryId: 'zhijiao_shuzihua',
      fields: { leader_name: '刘校长', leader_title: '副校长' } });
    expect(fromDraft.map((a) => [a.role, a.attribute, a.value, a.skip])).toEqual([
      ['contact', 'name', '张老师', undefined], ['contact', 'title', '教研员', undefined],
      ['leader', 'name', '刘校长', undefined], ['leader', 'title', '副校长', undefined], ['leader', 'mobile', '', 'no-data'],
    ]);
    document.body.innerHTML = html;
    const leader = person('L', { name: '陈主任', title: '主任', mobile: '13511112222' });
    const withPerson = planFill({ people: [...PEOPLE, leader], team: TEAM, leaderId: 'L', pack,
      category: findCategory(pack, 'zhijiao_shuzihua') }, detectFields(document, { pack }));
    expect(withPerson.slice(2).map((a) => a.value)).toEqual(['陈主任', '主任', '13511112222']);
  });

  it('uses the draft title for the category’s title field and the first author’s profile as fallback', () => {
    const actions = planFor('<label>研修主题 <input></label><label>科目 <select><option>语文</option><option>数学</option></select></label>'
      + '<label>学段 <select multiple><option>第一学段（1-2年级）</option><option>第三学段（5-6年级）</option></select></label>',
    { categoryId: 'xiaoben', title: '图形的位置与运动重难点教学探究', fields: { stage: '第三学段' } });
    expect(actions.map((a) => [a.attribute, a.value, a.skip])).toEqual([
      ['field:topic', '图形的位置与运动重难点教学探究', undefined],
      ['field:subject', '数学', undefined],
      ['field:stage', ['第三学段（5-6年级）'], undefined],
    ]);
  });

  it('matches option texts across 七年级 / 7年级', () => {
    const action = only(planFor('<label>年级 <select><option value="">请选择</option><option>五年级</option></select></label>'));
    expect(action).toMatchObject({ value: '五年级', current: '' });
    expect(action.skip).toBeUndefined();
  });

  it('defaults to the newest pack and the draft’s category', () => {
    document.body.innerHTML = '<label>案例概述 <textarea></textarea></label>';
    const fields = detectFields(document, { pack, category: findCategory(pack, 'mingshi') });
    const text = '字'.repeat(350);
    const mingshi = planFill({ people: PEOPLE, team: TEAM, draft: draft({ categoryId: 'mingshi', fields: { summary: text } }) }, fields);
    const xiaoben = planFill({ people: PEOPLE, team: TEAM, draft: draft({ categoryId: 'xiaoben', fields: { summary: text } }) }, fields);
    // 案例概述 is ≤ 400 字 for 工作室 (national 附件2) and ≤ 300 字 for 校本研修 (附件1).
    expect(mingshi[0]!.skip).toBeUndefined();
    expect(xiaoben[0]).toMatchObject({ skip: 'too-long', limit: 300 });
  });
});

describe('作品大小 from the chosen files', () => {
  const sizeRule = findCategory(pack, 'zhijiao_shijian')!.fields.find((f) => f.id === 'work_size');
  const MIB = 1024 * 1024;

  it.each<[string, Array<{ slotId: string | null; size: number }>, string]>([
    ['the video and the lesson plan, not the signed form', [
      { slotId: 'video', size: 300 * MIB }, { slotId: 'lesson_plan', size: MIB / 2 }, { slotId: 'registration_form', size: 2 * MIB },
    ], '300.5'],
    ['two decimals', [{ slotId: 'video', size: 123_456_789 }], '117.74'],
    ['a file whose slot is not known yet still counts', [{ slotId: null, size: 3 * MIB }], '3'],
    ['only the form chosen: nothing to say', [{ slotId: 'registration_form', size: MIB }], ''],
    ['nothing chosen', [], ''],
  ])('%s', (_what, files, expected) => {
    expect(workSizeValue(sizeRule, files)).toBe(expected);
  });

  it('fills the 作品大小 field unless the draft has its own value', () => {
    document.body.innerHTML = '<label>作品大小（MB） <input></label>';
    const category = findCategory(pack, 'zhijiao_shijian')!;
    const fields = detectFields(document, { pack, category });
    const chosenFiles = [{ slotId: 'video', size: 200 * MIB }];
    const plan = (own: Record<string, string>) =>
      only(planFill({ people: PEOPLE, team: TEAM, pack, category, chosenFiles, draft: draft({ categoryId: category.id, fields: own }) }, fields));
    expect(plan({})).toMatchObject({ value: '200', attribute: 'field:work_size' });
    expect(plan({ work_size: '199' }).value).toBe('199');
  });
});
