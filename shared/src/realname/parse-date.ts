/**
 * Dates as offices type them in a roster: 2020-03-05, 2020/3/5, 2020.3.5, 2020年3月5日, 20200305. Answers
 * YYYY-MM-DD, or null when the text is none of those or names no calendar day.
 */
import { isRealDate } from './id-number';

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/u;

export function parseDateText(raw: string): string | null {
  const text = raw.normalize('NFKC').trim();
  const m = SEPARATED.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/u.exec(text);
  if (!m) return null;
  const date = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
  return isRealDate(date) ? date : null;
}

/** An Excel serial day number (1900 date system, as Excel and WPS write it) to YYYY-MM-DD. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 20_000 || serial > 80_000) return null;
  // Day 25569 is 1970-01-01; Excel's phantom 1900-02-29 lies before the range accepted here.
  return new Date((serial - 25_569) * 86_400_000).toISOString().slice(0, 10);
}
