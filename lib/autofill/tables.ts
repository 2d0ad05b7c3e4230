/**
 * Row and column headers of a table cell, with rowspan/colspan laid out on a grid the way the HTML table model does.
 * Registration forms are often printed tables ("作者信息" spanning three author rows, "联系人 | input | 联系电话 |
 * input" rows), and Element UI/Plus and Ant Design render their tables with the header in a separate <table>.
 */

import { cleanText } from './text';

interface GridCell {
  cell: Element;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

interface Grid {
  /** grid[row][col] → the cell covering that slot. */
  slots: (GridCell | undefined)[][];
  byCell: Map<Element, GridCell>;
}

const CONTROL_SELECTOR = 'input:not([type="hidden"]), textarea, select, [role="combobox"], .el-select, .ant-select';

/** Per-detection caches; tables are laid out once however many of their cells hold fields. */
export interface TableCache {
  grids: Map<Element, Grid>;
  hasControl: Map<Element, boolean>;
}

export function createTableCache(): TableCache {
  return { grids: new Map(), hasControl: new Map() };
}

function span(cell: Element, name: 'rowspan' | 'colspan'): number {
  const value = Number.parseInt(cell.getAttribute(name) ?? '1', 10);
  return Number.isFinite(value) && value > 0 ? Math.min(value, 1000) : 1;
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    const tag = child.tagName;
    if (tag === 'TR') rows.push(child);
    else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') {
      for (const row of Array.from(child.children)) if (row.tagName === 'TR') rows.push(row);
    }
  }
  return rows;
}

function layOut(table: Element): Grid {
  const slots: (GridCell | undefined)[][] = [];
  const byCell = new Map<Element, GridCell>();
  rowsOf(table).forEach((tr, rowIndex) => {
    const line = (slots[rowIndex] ??= []);
    let col = 0;
    for (const cell of Array.from(tr.children)) {
      if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
      while (line[col] !== undefined) col++;
      const entry: GridCell = { cell, row: rowIndex, col, rowSpan: span(cell, 'rowspan'), colSpan: span(cell, 'colspan') };
      byCell.set(cell, entry);
      for (let r = rowIndex; r < rowIndex + entry.rowSpan; r++) {
        const target = (slots[r] ??= []);
        for (let c = col; c < col + entry.colSpan; c++) target[c] = entry;
      }
      col += entry.colSpan;
    }
  });
  return { slots, byCell };
}

function gridOf(table: Element, cache: TableCache): Grid {
  let grid = cache.grids.get(table);
  if (!grid) {
    grid = layOut(table);
    cache.grids.set(table, grid);
  }
  return grid;
}

function hasControl(cell: Element, cache: TableCache): boolean {
  let result = cache.hasControl.get(cell);
  if (result === undefined) {
    result = cell.querySelector(CONTROL_SELECTOR) !== null;
    cache.hasControl.set(cell, result);
  }
  return result;
}

/** What a cell's surroundings say about it. */
export interface CellHeaders {
  /** The header cell directly to the left, when it labels just this row (th, or a td without controls). */
  left?: { text: string; isHeaderCell: boolean; columnHeader?: string };
  /** The nearest header above in the same column, below any section separator. */
  column?: string;
  /** Texts of control-free cells to the left in the same grid row (row headers, 第一作者, rowspan group headers). */
  rowTexts: string[];
  /** The `title` attribute of the row (some sites put 第一作者 there). */
  rowTitle?: string;
  /** The table element, used as the group key of repeated author rows. */
  table: Element;
}

/** The library tables keep the header in a sibling <table>; match by the shared column class or by grid column. */
function splitHeader(table: Element, cell: Element, col: number, cache: TableCache): string | undefined {
  const shell = table.closest('.el-table, .ant-table');
  if (!shell) return undefined;
  const columnClass = Array.from(cell.classList).find((name) => /^el-table_\d+_column_\d+$/.test(name));
  if (columnClass) {
    const th = shell.querySelector(`th.${columnClass}`);
    if (th && th !== cell) return cleanText(th.textContent);
  }
  for (const other of Array.from(shell.querySelectorAll('table'))) {
    if (other === table || other.querySelector('thead') === null) continue;
    const grid = gridOf(other, cache);
    const last = grid.slots[grid.slots.length - 1];
    const header = last?.[col];
    if (header) return cleanText(header.cell.textContent);
  }
  return undefined;
}

/** The nearest header above a cell in its column, below any section separator; the split header of library tables. */
function columnHeader(grid: Grid, here: GridCell, table: Element, cache: TableCache): string | undefined {
  for (let r = here.row - 1; r >= 0; r--) {
    const entry = grid.slots[r]?.[here.col];
    if (!entry || entry.row + entry.rowSpan > here.row) continue;
    // A cell wider than ours is a section separator ("联系人信息" across the table): headers above it belong to
    // another block.
    if (entry.colSpan > here.colSpan) break;
    if (hasControl(entry.cell, cache)) continue;
    const text = cleanText(entry.cell.textContent);
    if (text !== '') return text;
  }
  return splitHeader(table, here.cell, here.col, cache);
}

/** Headers of the cell holding a control; undefined when the control is not in a table cell. */
export function cellHeaders(control: Element, stop: Element, cache: TableCache): CellHeaders | undefined {
  const cell = control.closest('td, th');
  if (!cell || !stop.contains(cell)) return undefined;
  const table = cell.closest('table');
  if (!table) return undefined;
  const grid = gridOf(table, cache);
  const here = grid.byCell.get(cell);
  if (!here) return undefined;

  const rowLine = grid.slots[here.row] ?? [];
  const rowTexts: string[] = [];
  let left: CellHeaders['left'];
  const seen = new Set<Element>();
  for (let c = here.col - 1; c >= 0; c--) {
    const entry = rowLine[c];
    if (!entry || seen.has(entry.cell)) continue;
    seen.add(entry.cell);
    if (hasControl(entry.cell, cache)) continue;
    const text = cleanText(entry.cell.textContent);
    if (text === '') continue;
    rowTexts.push(text);
    // A header spanning several rows ("作者信息" over three author rows) groups rows; it does not label one field.
    if (left === undefined && entry.col + entry.colSpan === here.col && entry.rowSpan === 1) {
      left = { text, isHeaderCell: entry.cell.tagName === 'TH' };
    }
  }

  const column = columnHeader(grid, here, table, cache);
  if (left) {
    const leftCell = rowLine.find((entry) => entry && entry.col + entry.colSpan === here.col && entry.rowSpan === 1);
    if (leftCell) left.columnHeader = columnHeader(grid, leftCell, table, cache);
  }

  const rowTitle = cleanText(cell.parentElement?.getAttribute('title')) || undefined;
  return { left, column, rowTexts, rowTitle, table };
}
