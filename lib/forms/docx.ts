import {
  AlignmentType, BorderStyle, Document, HeightRule, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow,
  TextRun, VerticalAlignTable, WidthType,
} from 'docx';
import type { BoundCell, FilledForm } from './bind';
import { placeCells } from './grid';
import { boxedOption } from './text';

/*
 * The filled form as a Word file, for teachers who must add something by hand: one table on the form's grid (merged
 * cells as Word merges them: gridSpan across, vMerge down), 宋体 五号 as the notices ask, A4 portrait. Built with the
 * `docx` package (maintained, no native code, writes OOXML that Word and WPS open and edit).
 */

/** A4 in twips (1/20 pt). */
const A4 = { width: 11906, height: 16838 };
/** 2 cm margins: the forms' tables are wide and a signed form should keep to the template's pages. */
const MARGIN = 1134;
const TABLE_WIDTH = A4.width - 2 * MARGIN;
const TWIPS_PER_MM = 56.6929;

/** 宋体 for Chinese, Times New Roman for Latin letters and digits, as Chinese Word templates set them. */
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function runs(text: string, options: { bold?: boolean; sizePt?: number } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({
    text: line,
    ...(i > 0 ? { break: 1 } : {}),
    ...(options.bold ? { bold: true } : {}),
    ...(options.sizePt ? { size: Math.round(options.sizePt * 2) } : {}),
  }));
}

function paragraph(text: string, options: { center?: boolean; bold?: boolean; sizePt?: number } = {}): Paragraph {
  return new Paragraph({
    children: runs(text, options),
    ...(options.center ? { alignment: AlignmentType.CENTER } : {}),
  });
}

function cellParagraphs(bound: BoundCell): Paragraph[] {
  switch (bound.kind) {
    case 'label':
      return [paragraph(bound.cell.text, { center: bound.cell.align !== 'left' })];
    case 'text':
      return bound.cell.paragraphs.map((line) => paragraph(line));
    case 'value': {
      const { hint } = bound.cell;
      const shownHint = hint && (hint.mode === 'keep' || bound.text === '') ? hint.text : undefined;
      const lines = bound.text === '' ? [] : bound.text.split(/\r?\n/);
      if (hint?.at === 'after' && shownHint !== undefined) {
        // A unit (MB) or a limit printed after the value, on the same line as the template has it.
        return [new Paragraph({ children: [...runs(lines.join('\n')), ...runs(lines.length ? ` ${shownHint}` : shownHint)] })];
      }
      const out = shownHint !== undefined ? [paragraph(shownHint, { sizePt: hint!.mode === 'keep' ? 9 : undefined })] : [];
      return [...out, ...lines.map((line) => paragraph(line))];
    }
    case 'options': {
      const { cell, ticked } = bound;
      const lines: string[][] = [];
      cell.options.forEach((option, i) => {
        if (lines.length === 0 || option.breakBefore) lines.push([]);
        const text = boxedOption(cell, option, ticked[i]);
        lines[lines.length - 1]!.push(text);
      });
      return [...lines.map((line) => paragraph(line.join('  '))), ...(cell.note ? [paragraph(cell.note)] : [])];
    }
  }
}

function cellHeightMm(bound: BoundCell): number {
  return bound.kind === 'text' || bound.kind === 'value' ? bound.cell.minHeightMm ?? 0 : 0;
}

function tableOf(form: FilledForm): Table {
  const total = form.layout.columns.reduce((sum, width) => sum + width, 0);
  const columnWidths = form.layout.columns.map((width) => Math.floor((width / total) * TABLE_WIDTH));
  // Placed here only to size each cell; docx writes the vMerge continuation cells of a rowSpan itself.
  const { placements } = placeCells(form.layout.rows, columnWidths.length);
  const spanWidth = (r: number, c: number) => {
    const place = placements[r]![c]!;
    return columnWidths.slice(place.col, place.col + place.colSpan).reduce((sum, width) => sum + width, 0);
  };
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    rows: form.rows.map((row, r) => {
      const minMm = Math.max(row.minHeightMm ?? 0, ...row.cells.map(cellHeightMm));
      return new TableRow({
        ...(minMm > 0 ? { height: { value: Math.round(minMm * TWIPS_PER_MM), rule: HeightRule.ATLEAST } } : {}),
        children: row.cells.map((bound, c) => new TableCell({
          children: cellParagraphs(bound),
          width: { size: spanWidth(r, c), type: WidthType.DXA },
          ...(bound.cell.colSpan > 1 ? { columnSpan: bound.cell.colSpan } : {}),
          ...(bound.cell.rowSpan > 1 ? { rowSpan: bound.cell.rowSpan } : {}),
          verticalAlign: bound.kind === 'label' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
          borders: CELL_BORDERS,
          margins: { left: 80, right: 80, top: 40, bottom: 40 },
        })),
      });
    }),
  });
}

/** The filled form as a `docx` Document (A4, 宋体 at the form's size). */
export function formDocument(form: FilledForm): Document {
  const { layout } = form;
  const heading = [
    paragraph(layout.annex, { bold: true, sizePt: 14 }),
    paragraph(layout.title, { center: true, bold: true, sizePt: 18 }),
    ...(layout.subtitle ? [paragraph(layout.subtitle, { center: true, sizePt: 14 })] : []),
    ...(layout.note ? [paragraph(layout.note, { center: true })] : []),
  ];
  return new Document({
    creator: '报送助手',
    title: form.fileName.replace(/\.docx$/, ''),
    styles: { default: { document: { run: { font: FONT, size: Math.round(layout.fontPt * 2) } } } },
    sections: [{
      properties: {
        page: {
          size: { width: A4.width, height: A4.height },
          margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
        },
      },
      children: [...heading, tableOf(form), ...layout.footer.map((line) => paragraph(line))],
    }],
  });
}

/** The DOCX bytes of the filled form. */
export async function formDocxBytes(form: FilledForm): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(formDocument(form)));
}

/** The DOCX as a Blob named for download (`作品名称-登记表.docx`). */
export async function formDocxFile(form: FilledForm): Promise<File> {
  const bytes = await formDocxBytes(form);
  return new File([bytes as BlobPart], form.fileName, {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}
