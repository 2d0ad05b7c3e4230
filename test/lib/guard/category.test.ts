// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { detectCategory } from '@/lib/guard';
import { currentPack } from '@/lib/rules';

const pack = currentPack();

function page(html: string, title = ''): Document {
  const doc = document.implementation.createHTMLDocument(title);
  doc.body.innerHTML = html;
  return doc;
}

describe('detectCategory', () => {
  // Titles as the fixture pages print them (test/e2e/fixtures/forms), with the site menu beside them.
  it.each([
    ['<h2>作品登记表<br><span class="sub">（职业教育实践性教学案例）</span></h2>', '/forms/element-ui/#/case/shijian', 'zhijiao_shijian'],
    ['<div class="el-card__header"><span class="card-title">国家中小学智慧教育平台校本研修案例信息表</span></div>', '/#/form/xiaoben', 'xiaoben'],
    ['<div class="ant-card-head-title">职业教育数字化和智能化应用能力提升案例申报表</div>', '/#/apply/shuzihua', 'zhijiao_shuzihua'],
    ['<div class="ant-card-head-title">名师名校长线上工作室研修案例信息表</div>', '/#/apply/gongzuoshi', 'mingshi'],
    ['<h3>附件11</h3>', '/apply', 'zhijiao_shijian'],
  ])('%s → %s', (html, route, id) => {
    const guess = detectCategory(page(html), pack, { route });
    expect(guess.categoryId).toBe(id);
    expect(guess.ambiguous).toBe(false);
  });

  it('does not read menus, which list every category', () => {
    const doc = page('<ul class="el-menu"><li class="el-menu-item"><span class="title">信息化教学课程案例</span></li></ul><h2>作品登记表（职业教育实践性教学案例）</h2>');
    expect(detectCategory(doc, pack, { route: '/' }).candidates.map((c) => c.id)).toEqual(['zhijiao_shijian']);
  });

  it('gives the longer name its own place: 素质教育 is not plain 融合创新', () => {
    const doc = page('<h2>融合创新应用教学案例（“素质教育”主题）</h2>');
    expect(detectCategory(doc, pack, { route: '/' }).candidates.map((c) => c.id)).toEqual(['ronghe_suzhi']);
  });

  it('says when a form serves two categories, keeping the pack order', () => {
    const doc = page('<span class="card-title">作品登记表（微课、精品学习资源、自制教学工具软件）</span>');
    const guess = detectCategory(doc, pack, { route: '/#/form/jiaoshi-fujian1', site: 'huodong' });
    expect(guess).toMatchObject({ categoryId: 'jingpin', ambiguous: true });
    expect(guess.candidates.map((c) => c.id)).toEqual(['jingpin', 'zizhi']);
  });

  it('lets the route decide between two printed names', () => {
    const doc = page('<h2>作品登记表（信息化教学课程案例、融合创新应用教学案例）</h2>');
    const guess = detectCategory(doc, pack, { route: '/#/case/xinxihua' });
    expect(guess.categoryId).toBe('xinxihua');
  });

  it('guesses nothing on a page that names no category', () => {
    const doc = page('<h1>教师活动首页</h1>', '全国师生数字素养提升实践活动平台');
    expect(detectCategory(doc, pack, { route: '/site/#/teacher_index', site: 'huodong' })).toEqual({ categoryId: undefined, candidates: [], ambiguous: false });
  });

  it('skips the extension’s own UI', () => {
    const doc = page('<submit-helper-panel><h3>职业教育实践性教学案例</h3></submit-helper-panel>');
    expect(detectCategory(doc, pack, { route: '/', ignore: 'submit-helper-panel' }).categoryId).toBeUndefined();
  });
});
