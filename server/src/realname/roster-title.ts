/**
 * The class information in a roster's title lines. A label and its value share a cell ("培训机构：柳州市…"),
 * or the value sits in the next cell, often merged across the row; one cell may hold several labels
 * ("开班日期：2020.3.2  结业日期：2020.3.20"). Dates stored as dates arrive as YYYY-MM-DD text, a serial day
 * number is converted; everything else is passed on as typed for the rules to judge.
 */
import { excelSerialToDate, parseDateText } from '@lz/shared/realname/parse-date';
import { cellAddress, cellAt, cellText, columnCount, isCovered, type Sheet } from '../import/grid';
import { compact } from '../import/normalise';
import { type ClassField, TITLE_LABELS } from './roster-labels';

export interface CellRef {
  /** 1-based sheet row, as Excel shows it. */
  row: number;
  /** Column letter. */
  column: string;
}

export interface TitleValues {
  values: Partial<Record<ClassField, string>>;
  cells: Partial<Record<ClassField, CellRef>>;
}

const LABEL_FIELD = new Map<string, ClassField | 'period'>();
for (const [field, labels] of Object.entries(TITLE_LABELS)) {
  for (const label of labels) LABEL_FIELD.set(compact(label), field as ClassField | 'period');
}
const escaped = [...LABEL_FIELD.keys()].sort((a, b) => b.length - a.length).map((l) => l.replace(/[()]/gu, '\\$&'));
/** A label followed by its colon, anywhere in the cell; "培训机构（盖章）：" keeps a remark before the colon. */
const REMARK = '(?:\\([^()]*\\))?';
const LABEL_WITH_COLON = new RegExp(`(${escaped.join('|')})${REMARK}:`, 'gu');
const LABEL_ALONE = new RegExp(`^(${escaped.join('|')})${REMARK}:?$`, 'u');

export function readTitle(sheet: Sheet, headerRow: number): TitleValues {
  const out: TitleValues = { values: {}, cells: {} };
  const set = (field: ClassField | 'period', value: string, r: number, c: number) => {
    const ref = { row: r + 1, column: cellAddress(r, c).replace(/\d+$/u, '') };
    if (field === 'period') {
      const [start, end] = splitPeriod(value);
      setField(out, 'startDate', start, ref);
      setField(out, 'endDate', end, ref);
    } else {
      setField(out, field, value, ref);
    }
  };
  const width = columnCount(sheet);
  for (let r = 0; r < headerRow; r++) {
    for (let c = 0; c < width; c++) {
      if (isCovered(sheet, r, c)) continue;
      const text = compact(cellText(cellAt(sheet, r, c)));
      if (!text) continue;
      const alone = LABEL_ALONE.exec(text);
      if (alone?.[1]) {
        const field = LABEL_FIELD.get(alone[1]);
        const next = nextValueCell(sheet, r, c);
        if (field && next !== null) set(field, valueText(sheet, r, next), r, next);
        continue;
      }
      for (const [field, value] of labelledValues(text)) set(field, value, r, c);
    }
  }
  return out;
}

function setField(out: TitleValues, field: ClassField, value: string, ref: CellRef) {
  // The first statement wins: a repeated label lower down is usually a footnote.
  if (out.values[field] !== undefined || value === '') return;
  out.values[field] = value;
  out.cells[field] = ref;
}

/** Every "label:value" in one cell, each value running to the next label. */
function labelledValues(text: string): [ClassField | 'period', string][] {
  const hits = [...text.matchAll(LABEL_WITH_COLON)];
  return hits.flatMap((hit, i): [ClassField | 'period', string][] => {
    const field = LABEL_FIELD.get(hit[1] ?? '');
    const from = (hit.index ?? 0) + hit[0].length;
    const to = hits[i + 1]?.index ?? text.length;
    return field ? [[field, text.slice(from, to)]] : [];
  });
}

/** The first filled cell right of a label, past the label's own merge. */
function nextValueCell(sheet: Sheet, r: number, c: number): number | null {
  const width = columnCount(sheet);
  for (let k = c + 1; k < width; k++) {
    if (isCovered(sheet, r, k)) continue;
    if (cellText(cellAt(sheet, r, k)).trim() !== '') return k;
  }
  return null;
}

function valueText(sheet: Sheet, r: number, c: number): string {
  const cell = cellAt(sheet, r, c);
  if (cell.kind === 'number') return excelSerialToDate(cell.value) ?? String(cell.value);
  return compact(cellText(cell));
}

/** "2020.3.2-2020.3.20", "2020年3月2日至2020年3月20日" → its two dates, as typed when they do not parse. */
function splitPeriod(value: string): [string, string] {
  const parts = value.split(/至|~|～|—|–|--|(?<=\d)-(?=\d{4})/u);
  if (parts.length !== 2) return [value, value];
  const [a = '', b = ''] = parts.map((p) => p.trim());
  return [parseDateText(a) ?? a, parseDateText(b) ?? b];
}
