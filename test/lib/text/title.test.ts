import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBookTitleMarks, hasBookTitleMarks } from '@/lib/text/title';

describe('findBookTitleMarks', () => {
  it('finds 《》 with their UTF-16 offsets', () => {
    expect(findBookTitleMarks('《春》教学设计')).toEqual([
      { index: 0, char: '《', kind: 'book-title' },
      { index: 2, char: '》', kind: 'book-title' },
    ]);
  });

  it('counts offsets in UTF-16 units after surrogate pairs', () => {
    const text = '𠀀《x》';
    const marks = findBookTitleMarks(text);
    expect(marks.map((mark) => text.slice(mark.index, mark.index + 1))).toEqual(['《', '》']);
    expect(marks.map((mark) => mark.index)).toEqual([2, 4]);
  });

  it.each([
    ['〈背影〉', 'book-title'], // single 书名号
    ['\u2329背影\u232a', 'book-title'], // deprecated angle brackets, canonically 〈〉
    ['︽背影︾', 'book-title'], // vertical 《》
    ['＜背影＞', 'lookalike'],
    ['<背影>', 'lookalike'],
    ['≪背影≫', 'lookalike'],
    ['«背影»', 'lookalike'],
    ['‹背影›', 'lookalike'],
    ['⟨背影⟩', 'lookalike'],
    ['﹤背影﹥', 'lookalike'],
  ] as const)('%s → %s', (text, kind) => {
    const marks = findBookTitleMarks(text);
    expect(marks).toHaveLength(2);
    expect(marks.every((mark) => mark.kind === kind)).toBe(true);
    expect(marks.map((mark) => mark.index)).toEqual([0, text.length - 1]);
  });

  it('finds nothing in names without marks or with other brackets', () => {
    expect(findBookTitleMarks('小学数学图形的位置与运动（第二学段）【案例】“双减”')).toEqual([]);
  });

  it('reports exactly the positions that hold a mark', () => {
    const alphabet = Array.from('《》〈〉＜＞<>春教学（）【】“”ab 𠀀');
    const all = new Set(Array.from('《》〈〉＜＞<>'));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        const expected: number[] = [];
        for (let i = 0; i < text.length; i++) if (all.has(text.charAt(i))) expected.push(i);
        expect(findBookTitleMarks(text).map((mark) => mark.index)).toEqual(expected);
      }),
    );
  });
});

describe('hasBookTitleMarks', () => {
  it.each<[string, boolean]>([
    ['《春》教学设计', true],
    ['春》教学设计', true], // a lone mark still breaks the rule
    ['〈春〉教学设计', true],
    ['＜春＞教学设计', false], // lookalikes warn, they do not fail
    ['春教学设计', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(hasBookTitleMarks(text)).toBe(expected);
  });
});
