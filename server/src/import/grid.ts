/**
 * A worksheet read into plain values, whatever file it came from: CSV text and every xlsx writer end up
 * here, so table finding and number parsing never know which program wrote the file.
 */

export type Cell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  /** A formula with the value its writer cached; `null` when none was saved (openpyxl saves none). */
  | { kind: 'formula'; result: number | string | null }
  /** Dates, booleans and error values (#DIV/0!): kept as text to quote back, never a count. */
  | { kind: 'other'; text: string };

export interface Sheet {
  name: string;
  /** rows[r][c], 0-based and possibly ragged. */
  rows: Cell[][];
  /**
   * "r,c" of cells covered by a merge but not its top-left. They repeat the top-left's value, which is what a
   * reader sees in a merged header; in the data area they count as empty so nothing is summed twice.
   */
  mergedCovered: Set<string>;
}

export const EMPTY: Cell = { kind: 'empty' };

/**
 * A monthly form has a dozen county rows and about thirty columns; these caps bound the work on a sheet
 * someone formatted down to row 1,048,576 or a 5 MiB line of commas.
 */
export const MAX_ROWS = 1000;
export const MAX_COLUMNS = 200;

export function cellAt(sheet: Sheet, r: number, c: number): Cell {
  return sheet.rows[r]?.[c] ?? EMPTY;
}

export function isCovered(sheet: Sheet, r: number, c: number): boolean {
  return sheet.mergedCovered.has(`${r},${c}`);
}

/** The text a person sees in the cell (a formula shows its cached result). */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'number':
      return String(cell.value);
    case 'text':
      return cell.value;
    case 'formula':
      return cell.result === null ? '' : String(cell.result);
    case 'other':
      return cell.text;
  }
}

/** 0-based row/column to an A1 address ("D7"), the way a reporter finds the cell in Excel or WPS. */
export function cellAddress(r: number, c: number): string {
  let letters = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${r + 1}`;
}

export function columnCount(sheet: Sheet): number {
  return sheet.rows.reduce((max, row) => Math.max(max, row.length), 0);
}
