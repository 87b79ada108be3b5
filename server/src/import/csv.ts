/**
 * CSV text to a sheet. The separator is guessed because Excel uses ";" where the system's decimal mark is
 * a comma, "Unicode text" uses tabs, and people paste tab-separated text from WPS into a .csv.
 */
import { tooLarge } from '../errors';
import { CSV_LIMITS, MONTHLY_BUDGET, type ReadBudget } from './budgets';
import type { Cell, Sheet } from './grid';

const SEPARATORS = [',', '\t', ';'] as const;

const fmt = (n: number) => n.toLocaleString('en-US');

/** Limits `splitRecords` checks as it goes; each refuses the file at the first record past it. */
export interface SplitLimits {
  maxRecords: number;
  maxLineChars: number;
  maxFieldChars: number;
  maxBlankRun: number;
}

const UNLIMITED: SplitLimits = {
  maxRecords: Infinity,
  maxLineChars: Infinity,
  maxFieldChars: Infinity,
  maxBlankRun: Infinity,
};

/**
 * Throws 413 too_large at the first line past the budget (rows past it are refused, not cut off). The
 * separator is guessed from the first lines only, so the whole text is split once, under the limits.
 */
export function parseCsv(text: string, name = 'CSV', budget: ReadBudget = MONTHLY_BUDGET): Sheet {
  const sep = guessSeparator(text.slice(0, CSV_LIMITS.sniffChars));
  const records = splitRecords(text, sep, { ...CSV_LIMITS, maxRecords: budget.maxRows });
  const rows: Cell[][] = records.map((fields, r) => {
    // Excel pads every line to the widest one; only a filled field past the last column is refused.
    if (fields.length > budget.maxColumns && fields.slice(budget.maxColumns).some((f) => f.trim() !== '')) {
      throw tooLarge(`CSV 第 ${r + 1} 行超过 ${budget.maxColumns} 列上限，不像是报表；请删除表格以外的内容后重新上传`);
    }
    return fields
      .slice(0, budget.maxColumns)
      .map((f): Cell => (f.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: f }));
  });
  return { name, rows, mergedCovered: new Set() };
}

function guessSeparator(prefix: string): string {
  let best: string = SEPARATORS[0];
  let bestScore = -1;
  for (const sep of SEPARATORS) {
    const score = scoreSplit(splitRecords(prefix, sep));
    if (score > bestScore) {
      best = sep;
      bestScore = score;
    }
  }
  return best;
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
export function splitRecords(text: string, sep: string, limits: SplitLimits = UNLIMITED): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  let lineStart = 0;
  let blankRun = 0;
  const line = () => records.length + 1;
  const endRecord = () => {
    record.push(field);
    if (record.every((f) => f.trim() === '')) {
      if (++blankRun > limits.maxBlankRun) {
        throw tooLarge(
          `CSV 从第 ${fmt(line() - blankRun + 1)} 行起连续超过 ${fmt(limits.maxBlankRun)} 行空行，超出上限，不像是报表；请删除多余的空行后重新上传`,
        );
      }
    } else blankRun = 0;
    if (records.length >= limits.maxRecords) {
      throw tooLarge(
        `CSV 超过 ${fmt(limits.maxRecords)} 行上限（第 ${fmt(line())} 行起），不像是报表；多余的行请删除后重新上传`,
      );
    }
    records.push(record);
    record = [];
    field = '';
    fieldStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    // Checked per character so a 5 MB line or a quote never closed stops at the limit, not at the end of the text.
    if (i - lineStart > limits.maxLineChars) {
      throw tooLarge(
        `CSV 第 ${fmt(line())} 行超过 ${fmt(limits.maxLineChars)} 个字符上限${quoted ? '（可能有未配对的引号）' : ''}，不像是报表`,
      );
    }
    if (field.length > limits.maxFieldChars) {
      throw tooLarge(
        `CSV 第 ${fmt(line())} 行有一项超过 ${fmt(limits.maxFieldChars)} 个字符上限${quoted ? '（可能有未配对的引号）' : ''}，不像是报表`,
      );
    }
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
      endRecord();
      lineStart = i + 1;
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}
