/**
 * A refused roster's problems as the clerk reads them: each at its sheet cell (`D7`) when the file located
 * it, in sheet order (row, then column as Excel orders letters: Z before AA), problems of the whole file
 * first. A JSON roster's problems name a field rather than a column letter; they keep it as the field.
 */
import { type RosterProblem, rosterProblemSchema } from '@lz/shared/api/rosters';

export interface LocatedProblem extends RosterProblem {
  /** `D7` when both the row and a column letter are known, else null. */
  cell: string | null;
}

const COLUMN_LETTERS = /^[A-Z]{1,3}$/u;

/** `A` → 1, `Z` → 26, `AA` → 27: Excel's column numbering. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The 422's details, kept only where they have the roster shape (anything else is not a cell problem). */
export function rosterProblems(details: readonly unknown[]): LocatedProblem[] {
  const out: LocatedProblem[] = [];
  for (const d of details) {
    const parsed = rosterProblemSchema.safeParse(d);
    if (!parsed.success) continue;
    const p = parsed.data;
    const letters = p.column !== null && COLUMN_LETTERS.test(p.column);
    out.push({ ...p, cell: letters && p.row !== null ? `${p.column}${p.row}` : null });
  }
  const column = (p: LocatedProblem) =>
    p.column !== null && COLUMN_LETTERS.test(p.column) ? columnNumber(p.column) : 0;
  // A stable sort: problems at one cell stay in the order the server checked them.
  return out.sort((a, b) => (a.row ?? -1) - (b.row ?? -1) || column(a) - column(b));
}
