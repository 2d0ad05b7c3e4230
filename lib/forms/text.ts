import type { Cell, FormLayout, FormOption, OptionsCell } from './schema';

/** The □ and the option's words as the template prints them (精品学习资源□, □道德与法治). */
export function boxedOption(cell: Pick<OptionsCell, 'box'>, option: FormOption, ticked = false): string {
  const box = ticked ? '☑' : '□';
  return cell.box === 'before' ? `${box}${option.label}` : `${option.label}${box}`;
}

/** What an empty template prints in a cell, in reading order. */
export function printedTextOf(cell: Cell): string[] {
  switch (cell.kind) {
    case 'label':
      return [cell.text];
    case 'text':
      return cell.paragraphs;
    case 'value':
      return cell.hint ? [cell.hint.text] : [];
    case 'options':
      return [...cell.options.map((option) => boxedOption(cell, option)), ...(cell.note ? [cell.note] : [])];
  }
}

/** Every word the empty form prints, in the order of the template: heading, table row by row, footer. */
export function printedText(layout: FormLayout): string[] {
  return [
    layout.title,
    ...(layout.subtitle ? [layout.subtitle] : []),
    ...(layout.note ? [layout.note] : []),
    ...layout.rows.flatMap((row) => row.cells.flatMap(printedTextOf)),
    ...layout.footer,
  ];
}
