/**
 * An uploaded roster file (.xlsx, .xls, .csv in GBK or UTF-8) to its parsed class and trainees. The file is
 * read in the upload reading pool under the roster's budget (a class of up to 5,000 trainees), so a hostile
 * file costs that upload only; then the sheet holding the trainee table is parsed.
 */
import type { ReadBudget } from '../import/budgets';
import { readSheetsIsolated } from '../import/read-isolated';
import type { WorkerPool } from '../import/read-pool';
import { parseRosterGrid, type ParsedRosterGrid } from './roster-grid';

/** 5,000 trainee lines, title and footer; about twenty columns. */
export const ROSTER_BUDGET: ReadBudget = {
  maxRows: 5_100,
  maxColumns: 60,
  maxCells: 400_000,
  maxSharedStrings: 300_000,
};

export async function readRosterFile(
  bytes: Uint8Array,
  fileName: string,
  pool?: WorkerPool,
): Promise<ParsedRosterGrid> {
  const sheets = await readSheetsIsolated(bytes, fileName, ROSTER_BUDGET, pool);
  let first: ParsedRosterGrid | null = null;
  for (const sheet of sheets) {
    const parsed = parseRosterGrid(sheet);
    // A workbook may carry an instructions sheet before the roster: the first sheet with a table is the roster.
    if (!parsed.problems.some((p) => p.rule === 'roster-no-table')) return parsed;
    first ??= parsed;
  }
  return first ?? parseRosterGrid({ name: '', rows: [], mergedCovered: new Set() });
}
