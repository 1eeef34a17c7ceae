/**
 * Ruled tables as the templates draw them: a header of one or more rows (cells may span rows and
 * columns), body cells whose text wraps inside the column, rows that move to the next page whole
 * when they fit there, rows taller than a page split between lines, and the header repeated at
 * the top of every page the table runs onto.
 */
import type { Align, Flow } from './flow.ts';
import { wrap, type Inline, type Line } from './text.ts';

export interface Column {
  /** Relative width; the columns share the table width in proportion. */
  weight: number;
  align?: Exclude<Align, 'justify'>;
  valign?: 'top' | 'middle';
}

export interface HeaderCell {
  text: string;
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
  italic?: boolean;
}

export type Cell = string | Inline[];

export interface TableOptions {
  columns: Column[];
  header: HeaderCell[];
  /** Body text size; the header uses `headerSize`. */
  size?: number;
  headerSize?: number;
  /** Inner padding: horizontal and vertical, in points. */
  padX?: number;
  padY?: number;
  leading?: number;
}

interface Laid {
  lines: Line[];
}

const BORDER = 0.6;

export function drawTable(flow: Flow, options: TableOptions, rows: Cell[][]): void {
  const size = options.size ?? 11;
  const headerSize = options.headerSize ?? size;
  const padX = options.padX ?? 3;
  const padY = options.padY ?? 2.5;
  const lh = flow.lineHeight(size, options.leading ?? 1.22);
  const headerLh = flow.lineHeight(headerSize, options.leading ?? 1.2);
  const totalWeight = options.columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = options.columns.map((c) => (c.weight / totalWeight) * flow.contentWidth);
  const xs = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  // Header geometry, computed once.
  const headerRowCount = Math.max(...options.header.map((h) => h.row + (h.rowSpan ?? 1)));
  const spanWidth = (h: HeaderCell) => widths.slice(h.col, h.col + (h.colSpan ?? 1)).reduce((a, b) => a + b, 0);
  const headerLines = options.header.map((h) =>
    wrap([{ text: h.text, style: h.italic ? 'italic' : 'bold' }], flow.fonts, headerSize, spanWidth(h) - 2 * padX),
  );
  const rowHeights = new Array<number>(headerRowCount).fill(headerLh + 2 * padY);
  options.header.forEach((h, i) => {
    const need = headerLines[i]!.length * headerLh + 2 * padY;
    const span = h.rowSpan ?? 1;
    const have = rowHeights.slice(h.row, h.row + span).reduce((a, b) => a + b, 0);
    if (need > have) rowHeights[h.row + span - 1]! += need - have;
  });
  const headerHeight = rowHeights.reduce((a, b) => a + b, 0);

  const drawHeader = () => {
    const top = flow.y;
    options.header.forEach((h, i) => {
      const cellTop = top + rowHeights.slice(0, h.row).reduce((a, b) => a + b, 0);
      const height = rowHeights.slice(h.row, h.row + (h.rowSpan ?? 1)).reduce((a, b) => a + b, 0);
      const width = spanWidth(h);
      flow.frame(xs[h.col]!, cellTop, width, height, BORDER);
      const lines = headerLines[i]!;
      const textTop = cellTop + (height - lines.length * headerLh) / 2;
      lines.forEach((line, j) =>
        flow.drawLine(line, xs[h.col]! + padX, textTop + j * headerLh, width - 2 * padX, headerSize, 'center'),
      );
    });
    flow.y = top + headerHeight;
  };

  const layRow = (row: Cell[]): Laid[] =>
    options.columns.map((_, i) => {
      const cell = row[i] ?? '';
      const inlines = typeof cell === 'string' ? [{ text: cell }] : cell;
      return { lines: wrap(inlines, flow.fonts, size, widths[i]! - 2 * padX) };
    });

  const drawRowPart = (cells: Laid[], from: number[], count: number[], height: number) => {
    const top = flow.y;
    cells.forEach((cell, i) => {
      const column = options.columns[i]!;
      flow.frame(xs[i]!, top, widths[i]!, height, BORDER);
      const lines = cell.lines.slice(from[i], from[i]! + count[i]!);
      const textTop =
        column.valign === 'middle' ? top + (height - lines.length * lh) / 2 : top + padY;
      lines.forEach((line, j) =>
        flow.drawLine(line, xs[i]! + padX, textTop + j * lh, widths[i]! - 2 * padX, size, column.align ?? 'left'),
      );
    });
    flow.y = top + height;
  };

  // Keep the header with at least one line of the first row.
  const firstRowMin = headerHeight + lh + 2 * padY;
  flow.ensure(firstRowMin);
  const previousHook = flow.onPageBreak;
  flow.onPageBreak = drawHeader;
  drawHeader();
  const freshRoom = flow.bottom - flow.margins.top - headerHeight;

  for (const row of rows) {
    const cells = layRow(row);
    const from = cells.map(() => 0);
    let first = true;
    for (;;) {
      const left = cells.map((c, i) => c.lines.length - from[i]!);
      const need = Math.max(1, ...left) * lh + 2 * padY;
      if (need <= flow.room + 0.01) {
        drawRowPart(cells, from, left, need);
        break;
      }
      if (first && need <= freshRoom && flow.room < freshRoom - 0.01) {
        flow.newPage(); // the whole row fits on the next page: move it there
        first = false;
        continue;
      }
      const fit = Math.floor((flow.room - 2 * padY) / lh);
      if (fit < 1) {
        flow.newPage();
        first = false;
        continue;
      }
      const count = left.map((n) => Math.min(n, fit));
      drawRowPart(cells, from, count, fit * lh + 2 * padY);
      count.forEach((n, i) => (from[i]! += n));
      flow.newPage();
      first = false;
    }
  }
  flow.onPageBreak = previousHook;
}
