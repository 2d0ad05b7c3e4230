// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createLabelContext, createTableCache, findLabel, type LabelSource } from '@/lib/autofill';

function labelOf(html: string, selector = '[data-target]'): { text: string; source: LabelSource } {
  document.body.innerHTML = html;
  const root = document.body;
  const target = root.querySelector(selector)!;
  const control = target.matches('input, textarea, select') ? target : target.querySelector('input, textarea, select');
  return findLabel(target, control, createLabelContext(root, createTableCache()));
}

describe('findLabel', () => {
  it.each<[string, string, string, LabelSource]>([
    ['aria-labelledby wins over everything', '<span id="a">作者姓名</span><label for="x">别的</label>'
      + '<input id="x" data-target aria-labelledby="a" aria-label="忽略">', '作者姓名', 'aria-labelledby'],
    ['aria-labelledby with several ids', '<span id="a">第一作者</span><span id="b">手机</span>'
      + '<input data-target aria-labelledby="a b">', '第一作者 手机', 'aria-labelledby'],
    ['aria-label', '<input data-target aria-label="电子邮箱">', '电子邮箱', 'aria-label'],
    ['label for', '<label for="m">手 机：</label><div><input id="m" data-target></div>', '手 机：', 'label-for'],
    ['wrapping label, control text left out', '<label>职称 <select data-target><option>一级教师</option></select></label>',
      '职称', 'label-wrap'],
    ['Element form item whose for points nowhere',
      '<div class="el-form-item"><label class="el-form-item__label" for="el-id-1-22">学科</label>'
      + '<div class="el-form-item__content"><div class="el-select" data-target><div class="el-select__wrapper">'
      + '<input class="el-select__input" readonly></div></div></div></div>', '学科', 'form-item'],
    ['Element UI form item with a label wrap',
      '<div class="el-form-item"><div class="el-form-item__label-wrap"><label class="el-form-item__label">单位名称</label></div>'
      + '<div class="el-form-item__content"><div class="el-input" data-target><input class="el-input__inner"></div></div></div>',
      '单位名称', 'form-item'],
    ['Ant form item', '<div class="ant-form-item"><div class="ant-row ant-form-item-row">'
      + '<div class="ant-col ant-form-item-label"><label title="职  务">职  务</label></div>'
      + '<div class="ant-col ant-form-item-control"><input class="ant-input" data-target></div></div></div>', '职 务', 'form-item'],
    ['row header th to the left', '<table><tr><th>联系人</th><td><input data-target></td><th>联系电话</th><td><input></td></tr></table>',
      '联系人', 'row-header'],
    ['second pair of a key-value row', '<table><tr><th>联系人</th><td><input></td><th>联系电话</th>'
      + '<td><input data-target></td></tr></table>', '联系电话', 'row-header'],
    ['column header over repeated rows, past a rowspan group header',
      '<table><tr><th rowspan="3">作者信息</th><th>作者姓名</th><th>手机号</th></tr>'
      + '<tr><td><input></td><td><input></td></tr><tr><td><input></td><td><input data-target></td></tr></table>',
      '手机号', 'column-header'],
    ['column header beats a role-only row header', '<table><thead><tr><th>排序</th><th>姓名</th></tr></thead>'
      + '<tbody><tr><td>第一作者</td><td><input data-target></td></tr></tbody></table>', '姓名', 'column-header'],
    ['Element Plus table: header in a separate table, matched by column class',
      '<div class="el-table"><div class="el-table__header-wrapper"><table><thead><tr>'
      + '<th class="el-table_1_column_1"><div class="cell">作者</div></th><th class="el-table_1_column_2"><div class="cell">所在单位（按单位公章填写）</div></th>'
      + '</tr></thead></table></div><div class="el-table__body-wrapper"><table><tbody><tr>'
      + '<td class="el-table_1_column_1"><div class="cell">第一作者</div></td>'
      + '<td class="el-table_1_column_2"><div class="cell"><div class="el-form-item"><div class="el-form-item__content">'
      + '<div class="el-input" data-target><input class="el-input__inner"></div></div></div></div></td></tr></tbody></table></div></div>',
      '所在单位（按单位公章填写）', 'column-header'],
    ['Ant table with a scrolling body: header table matched by column',
      '<div class="ant-table"><div class="ant-table-header"><table><thead><tr><th>排序</th><th>工作单位</th></tr></thead></table></div>'
      + '<div class="ant-table-body"><table><tbody><tr><td>第二作者</td><td><input class="ant-input" data-target></td></tr></tbody></table></div></div>',
      '工作单位', 'column-header'],
    ['a section row across the table stops the header search',
      '<table><tr><th>学段</th><th>年级</th></tr><tr><td colspan="2">联系人信息</td></tr>'
      + '<tr><td>邮箱</td><td><input data-target></td></tr></table>', '邮箱', 'row-header'],
    ['preceding text', '<div>固定电话：<input data-target></div>', '固定电话：', 'preceding-text'],
    ['preceding element text', '<p><span>E-mail</span> <span><input data-target></span></p>', 'E-mail', 'preceding-text'],
    ['a heading is not the next field’s label', '<h3>联系信息</h3><div><input data-target placeholder="手机号码"></div>',
      '手机号码', 'placeholder'],
    ['placeholder', '<input data-target placeholder="请输入姓名">', '请输入姓名', 'placeholder'],
    ['Element Plus select placeholder span', '<div class="el-select" data-target><div class="el-select__wrapper">'
      + '<input class="el-select__input"><div class="el-select__placeholder is-transparent"><span>请选择学科</span></div></div></div>',
      '请选择学科', 'placeholder'],
    ['title attribute', '<input data-target title="地区">', '地区', 'title'],
    ['nothing at all', '<input data-target>', '', 'none'],
  ])('%s', (_name, html, text, source) => {
    expect(labelOf(html)).toEqual({ text, source });
  });
});
