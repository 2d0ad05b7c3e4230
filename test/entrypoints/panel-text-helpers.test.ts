import { describe, expect, it } from 'vitest';
import { textHelp, wantsHelp } from '@/entrypoints/panel.content/features/text-helpers/helpers';
import type { DetectedField } from '@/lib/autofill';
import { currentPack, findCategory } from '@/lib/rules';

const pack = currentPack();
const jingpin = findCategory(pack, 'jingpin');
const field = (attribute: DetectedField['attribute'], widget: DetectedField['widget'] = 'textarea') =>
  ({ attribute, widget }) as DetectedField;

describe('wantsHelp', () => {
  it.each([
    ['field:work_features', 'textarea', true],
    ['workTitle', 'text', true],
    ['field:work_size', 'number', true],
    ['name', 'text', false],
    ['field:work_features', 'select', false],
  ] as const)('%s in a %s: %s', (attribute, widget, expected) => {
    expect(wantsHelp(field(attribute, widget), pack, jingpin)).toBe(expected);
  });
});

describe('textHelp', () => {
  it('counts like Word, not like the page: an English word is one 字', () => {
    expect(textHelp(field('field:work_features'), 'digital literacy 数字化', pack, jingpin))
      .toMatchObject({ count: 5, max: 300, over: false });
  });

  it('warns past the limit', () => {
    expect(textHelp(field('field:work_features'), '字'.repeat(301), pack, jingpin)).toMatchObject({ count: 301, over: true });
  });

  it('names the book-title marks found in 作品名称', () => {
    expect(textHelp(field('workTitle', 'text'), '《图形的运动》〈微课〉', pack, jingpin).marks).toEqual(['《', '》', '〈', '〉']);
  });

  it('notes that 作品大小 comes from the files', () => {
    expect(textHelp(field('field:work_size', 'number'), '', pack, jingpin).sizeNote).toBe(true);
  });
});
