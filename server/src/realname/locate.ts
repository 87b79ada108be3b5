/**
 * Where a roster value sits, for the problem list: the sheet row and column letter when it came from a file,
 * the line number and field name when it came as JSON. The rules speak only through a Locator.
 */
import type { RosterClassInput, RosterProblem } from '@lz/shared/api/rosters';
import type { RosterLayout } from './roster-grid';
import type { TraineeField } from './roster-labels';

type Where = Pick<RosterProblem, 'row' | 'column'>;

export interface Locator {
  classField(field: keyof RosterClassInput): Where;
  line(index: number, field: TraineeField | null): Where;
  total(field: TraineeField | 'trainees'): Where;
  /** A cell the file reader already reported: the rules leave it alone. */
  unreadable(index: number, field: TraineeField): boolean;
}

export function fileLocator(layout: RosterLayout): Locator {
  return {
    classField: (field) => layout.classCells[field] ?? { row: null, column: null },
    line: (index, field) => ({
      row: layout.traineeRows[index] ?? null,
      column: field === null ? null : (layout.columns[field] ?? null),
    }),
    total: (field) => ({
      row: layout.totalRow,
      column: field === 'trainees' ? null : (layout.columns[field] ?? null),
    }),
    unreadable: (index, field) => layout.unreadable.has(`${index}:${field}`),
  };
}

/** POST /api/rosters: line numbers count from 1, columns are the JSON field names. */
export function jsonLocator(): Locator {
  return {
    classField: (field) => ({ row: null, column: `class.${field}` }),
    line: (index, field) => ({ row: index + 1, column: field }),
    total: (field) => ({ row: null, column: `total.${field}` }),
    unreadable: () => false,
  };
}
