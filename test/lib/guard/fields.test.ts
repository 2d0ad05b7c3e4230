// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readPageFields } from '@/lib/guard';
import { currentPack, findCategory } from '@/lib/rules';

const pack = currentPack();
const jingpin = findCategory(pack, 'jingpin')!;
const ORDINALS = ['第一作者', '第二作者', '第三作者', '第四作者'];

describe('readPageFields', () => {
  it('reads 字数 of the category’s limited fields as Word counts them, and counts named authors', () => {
    document.body.innerHTML = `
      <form>
        <label>作品名称 <input id="t" value="图形的运动"></label>
        <label>作品特点 <textarea id="f"></textarea></label>
        ${ORDINALS.map((o, i) => `<fieldset><legend>${o}</legend><label>姓名 <input value="${i < 4 ? `教师${i}` : ''}"></label></fieldset>`).join('')}
      </form>`;
    (document.getElementById('f') as HTMLTextAreaElement).value = '特'.repeat(301);
    const { fields, authors } = readPageFields(document, pack, jingpin);
    expect(fields).toContainEqual({ fieldId: 'work_features', label: '作品特点', chars: 301, maxChars: 300 });
    expect(authors).toBe(4);
  });

  it('counts only authors whose name is filled in', () => {
    document.body.innerHTML = ORDINALS.map((o, i) => `<fieldset><legend>${o}</legend><label>姓名 <input value="${i < 2 ? 'x' : ''}"></label></fieldset>`).join('');
    expect(readPageFields(document, pack, jingpin).authors).toBe(2);
  });
});
