/**
 * Finds the header line of the report table and which indicator each column carries. Real forms put
 * group cells ("企业职工培训" merged over E1–E5) above the indicator names, so a column is named by its
 * lowest header cell, with the group above used only when the lower cell alone is not a name
 * ("企业职工培训" over "小计" is E).
 */
import type { Catalogue } from '@lz/shared/catalogue';
import { cellAt, cellText, columnCount, type Sheet } from './grid';
import { headerKey } from './normalise';

/** Title lines above the header are few; a header further down than this is not a report form. */
const MAX_HEADER_ROW = 40;

export interface HeaderMatch {
  /** 0-based row of the header's lowest line; the data starts below it. */
  row: number;
  /** Indicator code by 0-based column, in column order. A code appears once (see `duplicates`). */
  columns: Map<number, string>;
  /** Columns naming an indicator that an earlier column already named. */
  duplicates: { column: number; code: string }[];
}

/** Maps normalised code, short name and name of every catalogue indicator to its code. */
export function buildHeaderIndex(catalogue: Catalogue): Map<string, string> {
  const index = new Map<string, string>();
  for (const ind of catalogue.indicators) {
    for (const label of [ind.code, ind.shortName, ind.name]) {
      const key = headerKey(label);
      // First indicator wins on a clash; the catalogue's order puts subtotals before their parts.
      if (key && !index.has(key)) index.set(key, ind.code);
    }
  }
  return index;
}

/** The row that names the most indicators within the first rows of the sheet, or null when none does. */
export function findHeader(sheet: Sheet, index: Map<string, string>): HeaderMatch | null {
  const width = columnCount(sheet);
  let best: HeaderMatch | null = null;
  let bestScore = 0;
  for (let r = 0; r < Math.min(sheet.rows.length, MAX_HEADER_ROW); r++) {
    const match = matchRow(sheet, r, width, index);
    // Scored on cells that name an indicator themselves: counting the group-above fallback would let a
    // blank first data row under a one-row header outscore the header itself.
    const score = match.direct;
    if (score > bestScore) {
      bestScore = score;
      best = { row: r, columns: match.columns, duplicates: match.duplicates };
    }
  }
  return best;
}

function matchRow(sheet: Sheet, r: number, width: number, index: Map<string, string>) {
  const columns = new Map<number, string>();
  const duplicates: { column: number; code: string }[] = [];
  const seen = new Set<string>();
  let direct = 0;
  // CSV has no merges: a group name sits in the first column of its span only, so carry it rightwards.
  let carriedUpper = '';
  for (let c = 0; c < width; c++) {
    const lower = headerKey(cellText(cellAt(sheet, r, c)));
    const upperOwn = r > 0 ? headerKey(cellText(cellAt(sheet, r - 1, c))) : '';
    if (upperOwn) carriedUpper = upperOwn;
    let code: string | undefined;
    if (lower) {
      code = index.get(lower) ?? index.get(upperOwn + lower) ?? index.get(carriedUpper + lower);
      if (code) direct++;
    } else if (upperOwn) {
      // A one-cell name spanning both header lines in a file without merges (CSV) sits in the upper line.
      code = index.get(upperOwn);
    }
    if (!code) continue;
    if (seen.has(code)) duplicates.push({ column: c, code });
    else {
      seen.add(code);
      columns.set(c, code);
    }
  }
  return { columns, duplicates, direct };
}
