// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { detectFields } from '@/lib/autofill';
import { currentPack } from '@/lib/rules';
import { hecloudnet } from '@/lib/sites/hecloudnet';
import { huodong } from '@/lib/sites/huodong';
import { readPage } from '@/lib/sites/page';
import { routeOf } from '@/lib/sites';

const pack = currentPack();

function page(html: string, route = '/#/x') {
  document.body.innerHTML = html;
  return readPage(document, huodong, pack, { route, fields: detectFields(document, { pack }) });
}

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

const FORM = `
  <h2>国家中小学智慧教育平台校本研修案例信息表</h2>
  <form>
    <h3>第一作者</h3>
    <label>姓名 <input></label><label>工作单位 <input></label><label>手机 <input></label>
    <h3>联系人信息</h3>
    <label>姓名 <input></label><label>电子邮箱 <input></label>
  </form>`;

describe('readPage', () => {
  it('reads a registration form and its category from the heading', () => {
    const info = page(FORM);
    expect(info).toMatchObject({ kind: 'registration', categoryId: 'xiaoben', evidence: 'fields' });
  });

  it('reads a work list from its data table, not as a form', () => {
    const info = page(`<h2>我的作品</h2><form><label>作品名称 <input></label></form>
      <table><thead><tr><th>作品名称</th><th>状态</th><th>操作</th></tr></thead><tbody><tr><td>微课</td><td>已提交</td><td>编辑</td></tr></tbody></table>`);
    expect(info).toMatchObject({ kind: 'list', evidence: 'table' });
  });

  it('reads an upload step from its file inputs', () => {
    expect(page('<h2>材料上传</h2><div class="el-upload"><input type="file"></div>')).toMatchObject({ kind: 'upload' });
  });

  it('lets a route hint win over the page text (the teacher home lists forms but is none)', () => {
    expect(page(FORM, '/#/teacher_index')).toMatchObject({ kind: 'other', evidence: 'route' });
    expect(page('<p>暂无作品</p>', '/#/works')).toMatchObject({ kind: 'list', evidence: 'route' });
  });

  it('prefers a category submitted on the site over one that is not', () => {
    document.body.innerHTML = '<h2>作品登记表（职业教育实践性教学案例）</h2>';
    const info = readPage(document, hecloudnet, pack, { route: '/#/case', fields: [] });
    expect(info.categoryId).toBe('zhijiao_shijian');
  });

  it('says other for a page with nothing to fill', () => {
    expect(page('<h1>教师活动首页</h1><p>欢迎</p>')).toMatchObject({ kind: 'other', evidence: 'none' });
  });
});

describe('routeOf', () => {
  it.each([
    [{ pathname: '/', hash: '#/form/xiaoben?id=42' }, '/#/form/xiaoben'],
    [{ pathname: '/site/', hash: '' }, '/site/'],
  ])('%o is %s on a hash-routed site', (loc, route) => {
    expect(routeOf(huodong, loc)).toBe(route);
  });

  it('ignores the hash on a history-routed site', () => {
    expect(routeOf({ routing: 'history' }, { pathname: '/apply', hash: '#top' })).toBe('/apply');
  });
});
