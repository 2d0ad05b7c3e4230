/** Where a cell sits on the form's column grid. */
export interface Placement {
  col: number;
  colSpan: number;
  rowSpan: number;
}

/** A layout fault found while placing cells; `cell` is absent for a fault of the whole row or table. */
export interface GridError {
  row: number;
  cell?: number;
  message: string;
}

interface Spanning {
  colSpan?: number;
  rowSpan?: number;
}

/**
 * Places the cells of each row left to right on a `width`-column grid, skipping columns a cell from a row above
 * still covers (rowSpan), as Word and HTML tables do. Every row must fill the grid exactly.
 */
export function placeCells(rows: ReadonlyArray<{ cells: readonly Spanning[] }>, width: number): {
  placements: Placement[][];
  errors: GridError[];
} {
  const errors: GridError[] = [];
  /** Rows still covered (this one included) in each column by a cell from above. */
  let carried = new Array<number>(width).fill(0);
  const placements = rows.map((row, r) => {
    const next = carried.map((left) => Math.max(0, left - 1));
    let col = 0;
    const skipCarried = () => {
      while (col < width && carried[col]! > 0) col++;
    };
    const placed = row.cells.map((cell, c): Placement => {
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      skipCarried();
      const at = col;
      if (col + colSpan > width) errors.push({ row: r, cell: c, message: `cell overflows the ${width}-column grid` });
      for (let k = col; k < Math.min(width, col + colSpan); k++) {
        if (carried[k]! > 0) errors.push({ row: r, cell: c, message: 'cell overlaps a cell spanning from above' });
        next[k] = rowSpan - 1;
      }
      col += colSpan;
      return { col: at, colSpan, rowSpan };
    });
    skipCarried();
    if (col !== width) errors.push({ row: r, message: `row covers ${col} of ${width} columns` });
    carried = next;
    return placed;
  });
  if (carried.some((left) => left > 0)) errors.push({ row: rows.length - 1, message: 'a cell spans below the last row' });
  return { placements, errors };
}
