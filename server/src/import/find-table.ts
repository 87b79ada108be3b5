/**
 * Locates the report table inside a sheet: title lines (表名, 填报单位, 填报月份) above, footer lines
 * (填表人, 联系电话, 填报日期) below, perhaps a 序号 column before the county names. The header is the line
 * naming the most indicators; the label column is the one whose cells below it name the most counties.
 */
import { cellAt, cellText, columnCount, type Sheet } from './grid';
import { findHeader, type HeaderMatch } from './match-header';
import type { LabelMatcher } from './match-county';

const LABEL_SCAN_ROWS = 200;

export interface LocatedTable {
  sheet: Sheet;
  header: HeaderMatch;
  /** 0-based column holding county names (or codes), 合计 included. */
  labelColumn: number;
}

export function locateTable(
  sheet: Sheet,
  headerIndex: Map<string, string>,
  matchLabel: LabelMatcher,
): LocatedTable | null {
  const header = findHeader(sheet, headerIndex);
  if (!header) return null;
  const labelColumn = findLabelColumn(sheet, header, matchLabel);
  return labelColumn === null ? null : { sheet, header, labelColumn };
}

function findLabelColumn(sheet: Sheet, header: HeaderMatch, matchLabel: LabelMatcher): number | null {
  let best: number | null = null;
  let bestCount = 0;
  const last = Math.min(sheet.rows.length, header.row + 1 + LABEL_SCAN_ROWS);
  for (let c = 0; c < columnCount(sheet); c++) {
    if (header.columns.has(c)) continue;
    let count = 0;
    for (let r = header.row + 1; r < last; r++) {
      if (matchLabel(cellText(cellAt(sheet, r, c))).kind !== 'unknown') count++;
    }
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}
