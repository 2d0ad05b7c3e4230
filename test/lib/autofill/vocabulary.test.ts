import { describe, expect, it } from 'vitest';
import { classifyLabel, isRoleOnlyText, roleHintOf, type FillAttribute, type RoleHint } from '@/lib/autofill';
import { currentPack, findCategory } from '@/lib/rules';

const pack = currentPack();
const category = (id: string) => {
  const found = findCategory(pack, id);
  if (!found) throw new Error(`no category ${id}`);
  return found;
};

type Row = [label: string, attribute: FillAttribute | undefined, role?: RoleHint];

describe('classifyLabel (generic vocabulary + every pack field)', () => {
  it.each<Row>([
    // synonyms the notices' own forms do not print (issue #11): same meaning, other words
    ['联系邮箱', 'email'],
    ['电子信箱', 'email'],
    ['E-mail', 'email'],
    ['个人电邮', 'email'],
    ['移动电话', 'mobile'],
    ['联系手机', 'mobile'],
    ['职称（职务）', 'title'],
    ['技术职称', 'title'],
    ['单位名称', 'organization'],
    ['所在单位名称', 'organization'],
    ['工作单位（全称）', 'organization'],
    ['办公电话', 'landline'],
    ['手机号码', 'mobile'],
    // names
    ['姓名', 'name'],
    ['作者姓名', 'name', { kind: 'author' }],
    ['姓  名：', 'name'],
    ['*姓名', 'name'],
    ['真实姓名', 'name'],
    ['Name', 'name'],
    ['第一作者姓名', 'name', { kind: 'author', index: 0 }],
    ['第二作者', 'name', { kind: 'author', index: 1 }],
    ['作者3', 'name', { kind: 'author', index: 2 }],
    ['作者二姓名', 'name', { kind: 'author', index: 1 }],
    ['联系人姓名', 'name', { kind: 'contact' }],
    // 联系人 beside one input is the contact's name (附件13 "联系人 ____"); as a heading it only names a block.
    ['联系人', 'name', { kind: 'contact' }],
    ['联系人信息', undefined, { kind: 'contact' }],
    ['主管领导', 'name', { kind: 'leader' }],
    ['主管领导职务', 'title', { kind: 'leader' }],
    ['主管领导手机', 'mobile', { kind: 'leader' }],
    // organisations
    ['工作单位', 'organization'],
    ['所在单位', 'organization'],
    ['所在单位（按单位公章填写）', 'organization'],
    ['单位名称（按单位公章填写）', 'organization'],
    ['单位名称', 'organization'],
    ['作者单位', 'organization', { kind: 'author' }],
    ['第三作者单位', 'organization', { kind: 'author', index: 2 }],
    ['学校', 'organization'],
    ['学校名称', 'organization'],
    // titles
    ['职称/职务', 'title'],
    ['职称', 'title'],
    ['职务', 'title'],
    ['职  务', 'title'],
    ['职称或职务', 'title'],
    ['联系人职务', 'title', { kind: 'contact' }],
    // phones
    ['手机', 'mobile'],
    ['手  机', 'mobile'],
    ['手机号', 'mobile'],
    ['手机号码', 'mobile'],
    ['联系电话', 'mobile'],
    ['移动电话', 'mobile'],
    ['联系人手机', 'mobile', { kind: 'contact' }],
    ['联系人电话', 'mobile', { kind: 'contact' }],
    ['固定电话', 'landline'],
    ['座机', 'landline'],
    ['办公电话', 'landline'],
    // e-mail
    ['电子邮箱', 'email'],
    ['邮箱', 'email'],
    ['邮  箱', 'email'],
    ['E-mail', 'email'],
    ['Email', 'email'],
    ['电子邮件', 'email'],
    ['联系人邮箱', 'email', { kind: 'contact' }],
    // teaching profile
    ['学科', 'subject'],
    ['科目', 'subject'],
    ['任教学科', 'subject'],
    ['学段', 'schoolType'],
    ['学校类型', 'schoolType'],
    // 年级 is a school grade, never a card's expiry year.
    ['年级', 'grade'],
    ['任教年级', 'grade'],
    ['所属专业', 'major'],
    ['专业', 'major'],
    ['地区', 'region'],
    ['所在地区', 'region'],
    // the work
    ['作品名称', 'workTitle'],
    ['案例名称', 'workTitle'],
    ['作品标题', 'workTitle'],
    // 作品大小 is the size of the work in MB, not a person's size.
    ['作品大小', 'field:work_size'],
    ['作品大小（MB）', 'field:work_size'],
    ['作品特点', 'field:work_features'],
    ['作品特点（包括作品简介、特色亮点等，300字以内）', 'field:work_features'],
    ['作品安装运行说明', 'field:install_notes'],
    ['案例概述', 'field:summary'],
    ['案例关键词', 'field:keywords'],
    ['研修主题', 'field:topic'],
    ['需求分析', 'field:needs'],
    ['研修模式与流程', 'field:mode'],
    ['教学环境设施建设情况', 'field:environment'],
    ['教学成果、推广情况', 'field:results'],
    ['工作室名称', 'field:studio_name'],
    ['研修学科领域', 'field:subject_area'],
    ['课程内容依据', 'field:course_basis'],
    ['院校类型', 'field:school_type'],
    ['申报单位', 'organization'],
    ['单位简介（500字左右）', 'field:unit_intro'],
    ['通信地址', 'field:address'],
    ['职业教育数字化和智能化应用场景案例概要（不超过1000字）', 'field:case_summary'],
    // things that are nobody's data
    ['作者信息（排序填写，最多3人）', undefined, { kind: 'author' }],
    ['出生年份', undefined],
    ['有效期', undefined],
    ['验证码', undefined],
    ['完成时间', undefined],
    ['作品类型', undefined],
    ['', undefined],
  ])('%s', (label, attribute, role) => {
    const result = classifyLabel(label, { pack });
    expect(result.attribute).toBe(attribute);
    expect(result.role).toEqual(role);
  });
});

describe('classifyLabel with a category', () => {
  it.each<[string, string, FillAttribute | undefined]>([
    // 附件5's 学段/年级/科目 are the draft's choices, not the teacher's profile.
    ['xiaoben', '学段', 'field:stage'],
    ['xiaoben', '年级', 'field:grade'],
    ['xiaoben', '科目', 'field:subject'],
    ['xiaoben', '作品名称', 'field:topic'],
    ['mingshi', '学科', 'field:subject_area'],
    ['mingshi', '案例概述', 'field:summary'],
    ['jingpin', '学段', 'field:stage'],
    ['jingpin', '作品名称', 'field:work_name'],
    ['jingpin', '学科', 'subject'],
    ['zhijiao_shuzihua', '申报单位', 'field:applicant_unit'],
    ['zhijiao_shuzihua', '案例名称', 'field:case_name'],
    // 职务/手机/邮箱 are aliases of both the 联系人 and the 主管领导 rows: decided by role, never by alias.
    ['zhijiao_shuzihua', '职  务', 'title'],
    ['zhijiao_shuzihua', '手  机', 'mobile'],
    ['zhijiao_shijian', '所属专业', 'field:major'],
    ['zhijiao_shijian', '第一作者手机', 'mobile'],
  ])('%s: %s', (id, label, attribute) => {
    expect(classifyLabel(label, { pack, category: category(id) }).attribute).toBe(attribute);
  });

  it('works without any pack for the generic vocabulary', () => {
    expect(classifyLabel('电子邮箱')).toEqual({ attribute: 'email' });
    expect(classifyLabel('作品名称')).toEqual({ attribute: 'workTitle' });
    expect(classifyLabel('作品大小')).toEqual({});
  });
});

describe('roleHintOf', () => {
  it.each<[string, RoleHint | undefined]>([
    ['第一作者', { kind: 'author', index: 0 }],
    ['第二作者信息', { kind: 'author', index: 1 }],
    ['作者1', { kind: 'author', index: 0 }],
    ['作者三', { kind: 'author', index: 2 }],
    ['作者信息', { kind: 'author' }],
    ['联系人信息', { kind: 'contact' }],
    ['联系信息', { kind: 'contact' }],
    ['主管领导信息', { kind: 'leader' }],
    ['作品信息', { kind: 'work' }],
    ['材料上传', undefined],
    ['作品登记表（微课、精品学习资源、自制教学工具软件）', undefined],
  ])('%s', (text, hint) => {
    expect(roleHintOf(text)).toEqual(hint);
  });
});

describe('isRoleOnlyText', () => {
  it.each<[string, boolean]>([
    ['第一作者', true],
    ['作者2', true],
    ['联系人信息', true],
    ['主管领导', true],
    ['姓名', false],
    ['第一作者姓名', false],
    ['联系电话', false],
  ])('%s → %s', (text, expected) => {
    expect(isRoleOnlyText(text)).toBe(expected);
  });
});
