// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { applyTaught, detectFields, fieldLimits, findByLocator, watchFields, type DetectedField } from '@/lib/autofill';
import { currentPack, findCategory } from '@/lib/rules';

const pack = currentPack();

beforeEach(() => {
  document.body.innerHTML = '';
});

const FORM = `<form id="reg">
  <h3>第一作者</h3><label>姓名 <input></label><label>备注 <input name="memo1"></label>
  <h3>第二作者</h3><label>姓名 <input></label><label>备注 <input name="memo2"></label>
  <div id="el-id-1234-5"><label>附加 <input></label></div></form>`;

describe('locators', () => {
  it('are label + index among same-label fields, with a short CSS path from stable ids and names', () => {
    document.body.innerHTML = FORM;
    const fields = detectFields(document);
    expect(fields.map((field) => field.locator)).toEqual([
      { label: '姓名', nth: 0, path: '#reg > label:nth-of-type(1) > input' },
      { label: '备注', nth: 0, path: '#reg > label:nth-of-type(2) > input[name="memo1"]' },
      { label: '姓名', nth: 1, path: '#reg > label:nth-of-type(3) > input' },
      { label: '备注', nth: 1, path: '#reg > label:nth-of-type(4) > input[name="memo2"]' },
      // Generated ids (el-id-…) are skipped: they change on every render.
      { label: '附加', nth: 0, path: '#reg > div > label > input' },
    ]);
    expect(JSON.parse(JSON.stringify(fields[2]!.locator))).toEqual(fields[2]!.locator);
  });

  it('find the same field after a re-render, by label first and path second', () => {
    document.body.innerHTML = FORM;
    const locator = detectFields(document)[3]!.locator;
    document.body.innerHTML = FORM;
    const again = detectFields(document);
    expect(findByLocator(again, locator)).toBe(again[3]);
    expect(findByLocator(again, { ...locator, label: '改了名字' })).toBe(again[3]);
    expect(findByLocator(again, { label: '不存在', nth: 0, path: '' })).toBeUndefined();
  });
});

describe('applyTaught', () => {
  it('lets a taught mapping win over the heuristics and drops ignored fields', () => {
    document.body.innerHTML = FORM;
    const fields = detectFields(document);
    const taught = applyTaught(fields, [
      { locator: fields[1]!.locator, attribute: 'title', role: 'author[0]' },
      { locator: fields[2]!.locator, attribute: 'ignore' },
      { locator: fields[4]!.locator, attribute: 'field:work_features', host: 'other.example' },
    ], { host: 'huodong.ncet.edu.cn', path: '/#/form' });
    expect(taught.map((field: DetectedField) => [field.label, field.role, field.attribute, field.roleSource])).toEqual([
      ['姓名', 'author[0]', 'name', 'heading'],
      ['备注', 'author[0]', 'title', 'taught'],
      ['备注', undefined, undefined, undefined],
      ['附加', undefined, undefined, undefined],
    ]);
    expect(fields[1]!.attribute).toBeUndefined();
  });
});

describe('fieldLimits', () => {
  it('gives the category’s own limit first, then another category’s, and none for person fields', () => {
    const xiaoben = findCategory(pack, 'xiaoben');
    const mingshi = findCategory(pack, 'mingshi');
    expect(fieldLimits({ attribute: 'field:summary' }, pack, xiaoben)).toEqual({ fieldId: 'summary', maxChars: 300, noBookTitleMarks: false });
    expect(fieldLimits({ attribute: 'field:summary' }, pack, mingshi)).toMatchObject({ maxChars: 400 });
    expect(fieldLimits({ attribute: 'field:keywords' }, pack)).toMatchObject({ maxKeywords: 4 });
    expect(fieldLimits({ attribute: 'field:innovation' }, pack, mingshi)).toMatchObject({ maxChars: 200 });
    expect(fieldLimits({ attribute: 'workTitle' }, pack, findCategory(pack, 'jingpin'))).toMatchObject({
      fieldId: 'work_name', noBookTitleMarks: true });
    expect(fieldLimits({ attribute: 'workTitle' })).toEqual({ fieldId: 'work_name', noBookTitleMarks: true });
    expect(fieldLimits({ attribute: 'mobile' }, pack)).toBeUndefined();
    expect(fieldLimits({ attribute: 'field:nope' }, pack)).toBeUndefined();
  });
});

describe('watchFields', () => {
  it('re-detects once per burst of mutations and stops when aborted', async () => {
    document.body.innerHTML = '<div id="app"><label>姓名 <input></label></div>';
    const seen: number[] = [];
    const controller = new AbortController();
    watchFields(document, (fields) => seen.push(fields.length), { debounceMs: 10, signal: controller.signal });
    const app = document.getElementById('app')!;
    for (let i = 0; i < 20; i++) app.insertAdjacentHTML('beforeend', `<label>备注${i} <input></label>`);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(seen).toEqual([1, 21]);
    controller.abort();
    app.insertAdjacentHTML('beforeend', '<label>手机 <input></label>');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(seen).toEqual([1, 21]);
  });
});
