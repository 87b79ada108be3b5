/**
 * A roster sheet (one class per file, as offices keep it) to the class, its trainees, the 合计 row and the
 * footer, with where each value sits so the rules can name the cell. Reads only the cell grid that
 * `readSheetsIsolated` produced, so the upload budgets protect it like every other importer. Problems here
 * are the file's own (no table, a missing column, an unreadable number); the roster rules come after.
 */
import type { RosterClassInput, RosterProblem, RosterTotal, TraineeInput } from '@lz/shared/api/rosters';
import { cellAddress, cellAt, cellText, columnCount, type Cell, type Sheet } from '../import/grid';
import { compact, headerKey } from '../import/normalise';
import { parseCell } from '../import/parse-number';
import { COLUMN_LABELS, FIELD_NAMES, FOOTER_WORDS, TOTAL_WORDS, type TraineeField } from './roster-labels';
import { readTitle, type CellRef } from './roster-title';

export interface RosterLayout {
  classCells: Partial<Record<keyof RosterClassInput, CellRef>>;
  /** Column letter of each trainee field found in the header. */
  columns: Partial<Record<TraineeField, string>>;
  /** 1-based sheet row of each trainee, in order. */
  traineeRows: number[];
  totalRow: number | null;
  /** "line:field" of cells already reported unreadable, so the rules do not report them twice. */
  unreadable: Set<string>;
}

export interface ParsedRosterGrid {
  class: RosterClassInput;
  trainees: TraineeInput[];
  totalRow: RosterTotal | null;
  footer: { filledBy: string | null; reviewedBy: string | null; date: string | null };
  layout: RosterLayout;
  problems: RosterProblem[];
}

const HEADER_SCAN_ROWS = 40;

const HEADER_INDEX = new Map<string, TraineeField | 'seq'>();
for (const [field, labels] of Object.entries(COLUMN_LABELS)) {
  for (const label of labels) HEADER_INDEX.set(headerKey(label), field as TraineeField | 'seq');
}

const letter = (c: number) => cellAddress(0, c).replace(/\d+$/u, '');

export function parseRosterGrid(sheet: Sheet): ParsedRosterGrid {
  const problems: RosterProblem[] = [];
  const header = findHeader(sheet);
  const emptyClass: RosterClassInput = {
    institution: '',
    trainingType: '',
    occupation: '',
    level: '',
    county: '',
    startDate: '',
    endDate: '',
    hours: null,
  };
  const layout: RosterLayout = { classCells: {}, columns: {}, traineeRows: [], totalRow: null, unreadable: new Set() };
  const footer: ParsedRosterGrid['footer'] = { filledBy: null, reviewedBy: null, date: null };
  if (!header) {
    problems.push({
      row: null,
      column: null,
      rule: 'roster-no-table',
      message: `未找到学员名单表头：前 ${HEADER_SCAN_ROWS} 行中没有同时含“姓名”和“公民身份号码”的一行`,
    });
    return { class: emptyClass, trainees: [], totalRow: null, footer, layout, problems };
  }

  const title = readTitle(sheet, header.row);
  layout.classCells = title.cells;
  const klass = { ...emptyClass, ...title.values, hours: readHours(title.values.hours, title.cells.hours, problems) };
  for (const [field, c] of header.columns) layout.columns[field] = letter(c);

  const trainees: TraineeInput[] = [];
  let totalRow: RosterTotal | null = null;
  let r = header.dataStart;
  for (; r < sheet.rows.length; r++) {
    const first = firstText(sheet, r);
    if (first === null) continue;
    if (FOOTER_WORDS.test(first)) break;
    if (TOTAL_WORDS.test(first)) {
      if (totalRow === null) {
        totalRow = readTotal(sheet, r, header.columns, problems);
        layout.totalRow = r + 1;
      }
      continue;
    }
    // Offices pre-number empty lines: a row with only its 序号 is no trainee.
    if ([...header.columns.values()].every((c) => cellText(cellAt(sheet, r, c)).trim() === '')) continue;
    if (totalRow !== null) {
      problems.push({ row: r + 1, column: null, rule: 'roster-line-after-total', message: '合计行之后还有学员行' });
      continue;
    }
    const line = trainees.length;
    trainees.push(
      readTrainee(sheet, r, header.columns, (field, message) => {
        layout.unreadable.add(`${line}:${field}`);
        problems.push({ row: r + 1, column: layout.columns[field] ?? null, rule: 'roster-cell-unreadable', message });
      }),
    );
    layout.traineeRows.push(r + 1);
  }
  for (; r < sheet.rows.length; r++) readFooterRow(sheet, r, footer);
  return { class: klass, trainees, totalRow, footer, layout, problems };
}

interface Header {
  row: number;
  dataStart: number;
  columns: Map<TraineeField, number>;
}

/** The first row naming 姓名 and an ID column; a second header row below it (补贴 split in three) is merged in. */
function findHeader(sheet: Sheet): Header | null {
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const columns = matchColumns(sheet, r);
    if (!columns.has('name') || !columns.has('idNumber')) continue;
    const below = matchColumns(sheet, r + 1);
    if ([...below.keys()].some((f) => !columns.has(f))) {
      for (const [f, c] of below) if (!columns.has(f)) columns.set(f, c);
      return { row: r, dataStart: r + 2, columns };
    }
    return { row: r, dataStart: r + 1, columns };
  }
  return null;
}

function matchColumns(sheet: Sheet, r: number): Map<TraineeField, number> {
  const columns = new Map<TraineeField, number>();
  const width = columnCount(sheet);
  for (let c = 0; c < width; c++) {
    const field = HEADER_INDEX.get(headerKey(cellText(cellAt(sheet, r, c))));
    if (field && field !== 'seq' && !columns.has(field)) columns.set(field, c);
  }
  return columns;
}

function firstText(sheet: Sheet, r: number): string | null {
  for (const cell of sheet.rows[r] ?? []) {
    const text = compact(cellText(cell));
    if (text) return text;
  }
  return null;
}

type Report = (field: TraineeField, message: string) => void;

function readTrainee(sheet: Sheet, r: number, columns: Map<TraineeField, number>, report: Report): TraineeInput {
  const at = (field: TraineeField): Cell => {
    const c = columns.get(field);
    return c === undefined ? { kind: 'empty' } : cellAt(sheet, r, c);
  };
  const text = (field: TraineeField) => cellText(at(field)).trim();
  const id = at('idNumber');
  const phone = at('phone');
  if (id.kind === 'number' && id.value >= 1e15) {
    // Excel keeps 15 significant digits: an 18-digit number typed into a number cell has lost its last three.
    report('idNumber', `${FIELD_NAMES.idNumber}被存成了数字，后几位已丢失；请把该列设为“文本”后重新填写`);
  }
  const money = (field: TraineeField): number => {
    const parsed = parseCell(at(field));
    if (parsed.kind === 'number' && parsed.value >= 0) return parsed.value;
    if (parsed.kind === 'blank') return 0;
    const shown =
      parsed.kind === 'invalid' ? `“${parsed.text}”` : parsed.kind === 'number' ? parsed.value : '（公式无结果）';
    report(field, `${FIELD_NAMES[field]} ${shown} 不是有效金额`);
    return 0;
  };
  return {
    name: compact(text('name')),
    gender: compact(text('gender')),
    idNumber: id.kind === 'number' ? String(id.value) : text('idNumber'),
    group: text('group'),
    poor: text('poor'),
    phone: phone.kind === 'number' ? String(phone.value) : text('phone'),
    certificateType: text('certificateType'),
    certificateNo: text('certificateNo'),
    trainingSubsidy: money('trainingSubsidy'),
    livingSubsidy: money('livingSubsidy'),
    assessmentSubsidy: money('assessmentSubsidy'),
  };
}

function readTotal(
  sheet: Sheet,
  r: number,
  columns: Map<TraineeField, number>,
  problems: RosterProblem[],
): RosterTotal {
  const money = (field: TraineeField): number | null => {
    const c = columns.get(field);
    if (c === undefined) return null;
    const parsed = parseCell(cellAt(sheet, r, c));
    if (parsed.kind === 'number') return parsed.value;
    if (parsed.kind === 'invalid') {
      problems.push({
        row: r + 1,
        column: letter(c),
        rule: 'roster-cell-unreadable',
        message: `合计行的${FIELD_NAMES[field]}“${parsed.text}”不是有效金额`,
      });
    }
    return null;
  };
  // "合计：40人" or "共 40 人" anywhere in the row states the head count.
  const rowText = (sheet.rows[r] ?? []).map((cell) => compact(cellText(cell))).join(' ');
  const count = /(\d+)人/u.exec(rowText);
  return {
    trainees: count ? Number(count[1]) : null,
    trainingSubsidy: money('trainingSubsidy'),
    livingSubsidy: money('livingSubsidy'),
    assessmentSubsidy: money('assessmentSubsidy'),
  };
}

function readFooterRow(sheet: Sheet, r: number, footer: ParsedRosterGrid['footer']) {
  const text = (sheet.rows[r] ?? []).map((cell) => compact(cellText(cell))).join(' ');
  const pick = (label: RegExp) => label.exec(text)?.[1]?.trim() || null;
  footer.filledBy ??= pick(/(?:填表人|制表人|经办人):?\s*(\S+?)(?=\s|审核人|日期|$)/u);
  footer.reviewedBy ??= pick(/审核人:?\s*(\S+?)(?=\s|填表人|日期|$)/u);
  footer.date ??= pick(/(?:填报日期|填表日期|日期):?\s*(\S+)/u);
}

function readHours(raw: string | undefined, ref: CellRef | undefined, problems: RosterProblem[]): number | null {
  if (raw === undefined) return null;
  const m = /^(\d+(?:\.\d+)?)(?:课时|学时|小时|h)?$/iu.exec(raw);
  if (m) return Number(m[1]);
  problems.push({
    row: ref?.row ?? null,
    column: ref?.column ?? null,
    rule: 'roster-cell-unreadable',
    message: `课时“${raw}”不是数字`,
  });
  return null;
}
