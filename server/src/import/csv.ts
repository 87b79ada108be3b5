/**
 * CSV text to a sheet. The separator is guessed because Excel uses ";" where the system's decimal mark is
 * a comma, "Unicode text" uses tabs, and people paste tab-separated text from WPS into a .csv.
 */
import { MAX_COLUMNS, MAX_ROWS, type Cell, type Sheet } from './grid';

const SEPARATORS = [',', '\t', ';'] as const;

export function parseCsv(text: string, name = 'CSV', maxRows = MAX_ROWS): Sheet {
  let best: string[][] = [];
  let bestScore = -1;
  for (const sep of SEPARATORS) {
    const rows = splitRecords(text, sep);
    const score = scoreSplit(rows);
    if (score > bestScore) {
      best = rows;
      bestScore = score;
    }
  }
  const rows: Cell[][] = best.slice(0, maxRows).map((fields) =>
    fields.slice(0, MAX_COLUMNS).map((f): Cell => (f.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: f })),
  );
  return { name, rows, mergedCovered: new Set() };
}

/**
 * A report table is many lines with many fields; title and footer lines are one field. The separator that
 * gives the most multi-field lines wins, then the one giving the most fields (ties keep the comma).
 */
function scoreSplit(rows: string[][]): number {
  let multi = 0;
  let fields = 0;
  for (const row of rows) {
    const filled = row.filter((f) => f.trim() !== '').length;
    if (filled >= 2) multi++;
    fields += filled;
  }
  return multi * 100_000 + fields;
}

/** RFC 4180 with the usual leniency: CRLF, LF or CR line ends, "" inside quotes, quotes only at field start. */
export function splitRecords(text: string, sep: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (ch === sep) {
      record.push(field);
      field = '';
      fieldStart = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStart = true;
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
