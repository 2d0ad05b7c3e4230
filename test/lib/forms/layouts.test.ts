import { describe, expect, it } from 'vitest';
import { FORM_LAYOUTS, formForCategory, parseFormLayout, printedText, type FormLayout } from '@/lib/forms';
import { FORMS_2025 } from '@/lib/forms/layouts/2025';
import { PACK_2025 } from '@/lib/rules/packs/2025';
import { parseRulePack, type RulePack } from '@/lib/rules';
import { readNotice, squash } from '../rules/notices';

const parsed = parseRulePack(PACK_2025);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const pack: RulePack = parsed.pack;

/** Word's bookmarks survive in the text extract as "[bookmark: _Toc…]"; they are not printed on the form. */
const district = squash(readNotice(pack.notices.district.file).replace(/\[bookmark: [^\]]*\]/g, ''));

/** Where each form starts and ends in the district notice (squashed text). */
const SECTIONS: Record<string, { start: string; end: string }> = {
  annex1: { start: '作品登记表（微课', end: '附件2作品登记表' },
  annex2: { start: '作品登记表（信息化教学课程案例', end: '—1—' },
  annex5: { start: '校本研修案例信息表注：', end: '附件6校本研修实施方案' },
  annex8: { start: '名师名校长线上工作室研修案例信息表注：', end: '附件9名师名校长' },
  annex11: { start: '作品登记表（职业教育实践性教学案例）', end: '数字化和智能化应用能力提升案例参考场景与内容' },
  annex13: { start: '数字化和智能化应用能力提升案例申报表申报单位', end: '数字化和智能化应用能力提升案例内容撰写说明' },
};

function noticeSection(layout: FormLayout): string {
  const marks = SECTIONS[layout.id];
  if (!marks) throw new Error(`no section markers for ${layout.id}`);
  const start = district.indexOf(marks.start);
  expect(start, `start of ${layout.annex}`).toBeGreaterThanOrEqual(0);
  expect(district.indexOf(marks.start, start + 1), `${layout.annex} start is unique`).toBe(-1);
  const end = district.indexOf(marks.end, start);
  expect(end, `end of ${layout.annex}`).toBeGreaterThan(start);
  let section = district.slice(start, end);
  for (const erratum of layout.errata) {
    const at = section.indexOf(squash(erratum.notice));
    expect(at, `erratum "${erratum.notice}" is in ${layout.annex}`).toBeGreaterThanOrEqual(0);
    section = section.slice(0, at) + squash(erratum.printed) + section.slice(at + squash(erratum.notice).length);
  }
  return section;
}

describe('FORM_LAYOUTS (2025)', () => {
  it('has the six signed forms of the notices', () => {
    expect(FORM_LAYOUTS.map((layout) => layout.annex)).toEqual(['附件1', '附件2', '附件5', '附件8', '附件11', '附件13']);
  });

  it('gives every category of the pack exactly one form, the one the pack names', () => {
    for (const category of pack.categories) {
      const layout = formForCategory(pack, category.id);
      expect(layout, category.id).toBeDefined();
      expect(category.forms, category.id).toContain(layout!.annex);
      expect(FORM_LAYOUTS.filter((entry) => entry.categories.includes(category.id))).toHaveLength(1);
    }
  });

  describe.each(FORM_LAYOUTS.map((layout) => [layout.annex, layout] as const))('%s', (_annex, layout) => {
    it('prints every word of the notice\'s form, verbatim and in the notice\'s order, and nothing else', () => {
      expect(squash(printedText(layout).join(''))).toBe(noticeSection(layout));
    });

    it('has every row label of the notice in the notice\'s order', () => {
      const section = noticeSection(layout);
      let at = 0;
      for (const row of layout.rows) {
        for (const cell of row.cells) {
          if (cell.kind !== 'label') continue;
          const found = section.indexOf(squash(cell.text), at);
          expect(found, `${cell.text} after offset ${at}`).toBeGreaterThanOrEqual(at);
          at = found + squash(cell.text).length;
        }
      }
    });

    it('binds every field the pack prints on this form', () => {
      const bound = new Set(layout.rows.flatMap((row) => row.cells.flatMap((cell) =>
        cell.kind === 'value' || (cell.kind === 'options' && cell.bind !== 'category')
          ? (cell.bind as Array<{ from: string; id?: string; field?: string }>).map((source) => source.id ?? source.field)
          : [])));
      for (const id of layout.categories) {
        const category = pack.categories.find((entry) => entry.id === id)!;
        for (const rule of category.fields.filter((entry) => entry.form.startsWith(`${layout.annex} `))) {
          expect(bound.has(rule.id), `${id}.${rule.id} (${rule.label})`).toBe(true);
        }
      }
    });

    it('prints the same 字数 limits as the pack enforces', () => {
      for (const row of layout.rows) {
        for (const cell of row.cells) {
          if (cell.kind !== 'value' || !cell.hint) continue;
          const match = /(\d+)字以内|不超过(\d+)字/.exec(cell.hint.text);
          if (!match) continue;
          const limit = Number(match[1] ?? match[2]);
          const fieldId = cell.bind.find((source) => source.from === 'field');
          for (const id of layout.categories) {
            const rule = pack.categories.find((entry) => entry.id === id)!.fields.find((entry) =>
              fieldId?.from === 'field' && entry.id === fieldId.id);
            expect(rule?.maxChars, `${id}.${cell.key}`).toBe(limit);
          }
        }
      }
    });

    it('has at most three author rows and one value cell per author attribute', () => {
      expect(layout.authorRows).toBeLessThanOrEqual(3);
      const keys = layout.rows.flatMap((row) => row.cells.flatMap((cell) => (cell.kind === 'value' ? [cell.key] : [])));
      for (let i = layout.authorRows + 1; i <= 3; i++) expect(keys.some((key) => key.startsWith(`author${i}_`))).toBe(false);
      if (layout.authorRows > 0) expect(keys).toContain(`author${layout.authorRows}_name`);
    });
  });
});

describe('parseFormLayout', () => {
  const base = FORMS_2025[0]!;

  it('accepts the bundled layouts', () => {
    for (const input of FORMS_2025) expect(parseFormLayout(input).ok).toBe(true);
  });

  it('refuses a row that does not fill the grid', () => {
    const broken = { ...base, rows: [...base.rows, { cells: [{ kind: 'label', text: '多余' }] }] };
    const result = parseFormLayout(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/covers 1 of 8 columns/);
  });

  it('refuses a cell spanning below the last row', () => {
    const broken = { ...base, rows: [{ cells: [{ kind: 'label', text: '项目', rowSpan: 2 }, { kind: 'label', text: 'x', colSpan: 7 }] }] };
    const result = parseFormLayout(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/spans below the last row/);
  });

  it('refuses two value cells with one key', () => {
    const row = { cells: [{ kind: 'value', key: 'dup', label: 'x', bind: [{ from: 'title' }], colSpan: 8 }] };
    const result = parseFormLayout({ ...base, rows: [row, row] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/duplicate key dup/);
  });
});
