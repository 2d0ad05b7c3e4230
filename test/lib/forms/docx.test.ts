// @vitest-environment jsdom
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bindForm, FORM_LAYOUTS, placeCells, type FilledForm, type FormLayout } from '@/lib/forms';
import { formDocxBytes, formDocxFile } from '@/lib/forms/docx';
import type { Draft } from '@/lib/profile/schema';
import { PACK_2025 } from '@/lib/rules/packs/2025';
import { parseRulePack, type RulePack } from '@/lib/rules';
import { draft, PEOPLE, TEAM } from '../autofill/profile-data';

const parsed = parseRulePack(PACK_2025);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const pack: RulePack = parsed.pack;
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A draft that gives every text field of the form's first category a distinct value. */
function fullDraft(layout: FormLayout): Draft {
  const categoryId = layout.categories[layout.categories.length - 1]!;
  const category = pack.categories.find((entry) => entry.id === categoryId)!;
  const fields: Record<string, string> = {};
  for (const rule of category.fields) {
    fields[rule.id] = rule.options ? rule.options[1]! : `${rule.label}的内容\n第二段`;
  }
  fields.keywords = '图形、运动';
  delete fields.work_name;
  delete fields.case_name;
  delete fields.work_size;
  return draft({ categoryId, title: `${layout.annex}测试作品`, fields });
}

function fill(layout: FormLayout): FilledForm {
  return bindForm({ layout, pack, draft: fullDraft(layout), team: TEAM, people: PEOPLE,
    chosenFiles: [{ slotId: 'work', size: 5 * 1024 * 1024 }] });
}

interface DocxCell { text: string; gridSpan: number; vMerge: string | null }

/** The first table of word/document.xml as rows of cells, each placed at its grid column. */
function readTable(bytes: Uint8Array): { rows: Map<number, DocxCell>[]; xml: Document; files: Record<string, Uint8Array> } {
  const files = unzipSync(bytes);
  const xml = new DOMParser().parseFromString(strFromU8(files['word/document.xml']!), 'application/xml');
  const table = xml.getElementsByTagNameNS(W, 'tbl')[0]!;
  const rows = [...table.getElementsByTagNameNS(W, 'tr')].map((tr) => {
    const cells = new Map<number, DocxCell>();
    let col = 0;
    for (const tc of [...tr.children].filter((child) => child.localName === 'tc')) {
      const span = tc.getElementsByTagNameNS(W, 'gridSpan')[0];
      const merge = tc.getElementsByTagNameNS(W, 'vMerge')[0];
      const text = [...tc.getElementsByTagNameNS(W, 'p')].map((p) =>
        [...p.getElementsByTagNameNS(W, '*')].map((node) => (node.localName === 't' ? node.textContent : node.localName === 'br' ? '\n' : '')).join(''))
        .join('\n');
      const gridSpan = span ? Number(span.getAttributeNS(W, 'val')) : 1;
      cells.set(col, { text, gridSpan, vMerge: merge ? merge.getAttributeNS(W, 'val') ?? 'continue' : null });
      col += gridSpan;
    }
    return cells;
  });
  return { rows, xml, files };
}

describe('formDocxBytes', () => {
  describe.each(FORM_LAYOUTS.map((layout) => [layout.annex, layout] as const))('%s', (_annex, layout) => {
    it('puts every value in its own table cell, merged as the form merges them', async () => {
      const form = fill(layout);
      const { rows } = readTable(await formDocxBytes(form));
      expect(rows).toHaveLength(layout.rows.length);
      const { placements } = placeCells(layout.rows, layout.columns.length);
      let checked = 0;
      form.rows.forEach((row, r) => row.cells.forEach((bound, c) => {
        const place = placements[r]![c]!;
        const cell = rows[r]!.get(place.col);
        expect(cell, `row ${r} col ${place.col}`).toBeDefined();
        expect(cell!.gridSpan).toBe(place.colSpan);
        if (place.rowSpan > 1) {
          expect(cell!.vMerge).toBe('restart');
          for (let k = 1; k < place.rowSpan; k++) expect(rows[r + k]!.get(place.col)?.vMerge).toBe('continue');
        }
        if (bound.kind === 'value' && bound.text !== '') {
          expect(cell!.text, bound.cell.key).toContain(bound.text);
          checked++;
        }
        if (bound.kind === 'options') {
          bound.cell.options.forEach((option, i) => {
            const box = bound.ticked[i] ? '☑' : '□';
            expect(cell!.text).toContain(bound.cell.box === 'before' ? `${box}${option.label}` : `${option.label}${box}`);
          });
          if (bound.cell.bind !== 'category') expect(bound.ticked.some(Boolean), bound.cell.key).toBe(true);
        }
        if (bound.kind === 'label') expect(cell!.text.replace(/\n/g, '')).toBe(bound.cell.text.replace(/\n/g, ''));
      }));
      expect(checked).toBeGreaterThanOrEqual(layout.authorRows > 0 ? 8 : 10);
    });
  });

  it('is an A4 page with 宋体 五号 as the default run', async () => {
    const form = fill(FORM_LAYOUTS[0]!);
    const { xml, files } = readTable(await formDocxBytes(form));
    const size = xml.getElementsByTagNameNS(W, 'pgSz')[0]!;
    expect([size.getAttributeNS(W, 'w'), size.getAttributeNS(W, 'h')]).toEqual(['11906', '16838']);
    const styles = strFromU8(files['word/styles.xml']!);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="宋体"[\s\S]*<w:sz w:val="21"\/>/);
  });

  it('keeps the template\'s hint where the value is blank and the filled value otherwise', async () => {
    const layout = FORM_LAYOUTS[0]!;
    const blank = bindForm({ layout, pack, draft: draft({ title: '' }), people: PEOPLE });
    const { rows: blankRows } = readTable(await formDocxBytes(blank));
    expect(blankRows[0]!.get(1)!.text).toBe('作品名称请勿使用书名号《》');
    const { rows } = readTable(await formDocxBytes(fill(layout)));
    expect(rows[0]!.get(1)!.text).toBe('附件1测试作品');
    expect(rows[0]!.get(7)!.text).toBe('5 MB');
  });

  it('names the file after the work and the form', async () => {
    const file = await formDocxFile(fill(FORM_LAYOUTS[2]!));
    expect(file.name).toBe('附件5测试作品-信息表.docx');
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // The package's timestamps make two writes differ by a few bytes; the content is checked above.
    expect(file.size).toBeGreaterThan(5000);
  });
});
