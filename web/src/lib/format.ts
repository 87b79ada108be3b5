/**
 * Numbers the Chinese way: person-times in 万 once they are large, rates with one decimal, yuan with
 * thousands separators. English keeps the same precision with k/M.
 */
import { wallClockAt } from '@lz/shared/zoned-time';

export type Lang = 'zh' | 'en';

const DASH = '—';
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const trimmed = (n: number, digits: number) => {
  const text = n.toFixed(digits);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
};

/** Exact integer with separators: 195228 → "195,228". */
export function formatInteger(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? DASH : grouped.format(Math.round(n));
}

/** Person-times or counts: below 1万 exact, then "19.5万", "1.2亿" (English "195.2k", "1.2M"). */
export function formatCount(n: number | null | undefined, lang: Lang = 'zh'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (lang === 'en') {
    if (a >= 1e6) return `${sign}${trimmed(a / 1e6, 1)}M`;
    if (a >= 1e4) return `${sign}${trimmed(a / 1e3, 1)}k`;
    return sign + grouped.format(Math.round(a));
  }
  if (a >= 1e8) return `${sign}${trimmed(a / 1e8, 2)}亿`;
  if (a >= 1e4) return `${sign}${trimmed(a / 1e4, 1)}万`;
  return sign + grouped.format(Math.round(a));
}

function countWith(n: number, lang: Lang, extra: number): string {
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (lang === 'en') {
    if (a >= 1e6) return `${sign}${trimmed(a / 1e6, 1 + extra)}M`;
    if (a >= 1e4) return `${sign}${trimmed(a / 1e3, 1 + extra)}k`;
    return sign + grouped.format(Math.round(a));
  }
  if (a >= 1e8) return `${sign}${trimmed(a / 1e8, 2 + extra)}亿`;
  if (a >= 1e4) return `${sign}${trimmed(a / 1e4, 1 + extra)}万`;
  return sign + grouped.format(Math.round(a));
}

/**
 * A count shown beside another it is compared with (a forecast beside its target): as `formatCount`, but with
 * as many more digits as it takes for two different whole numbers not to read the same, so 19,995 beside
 * 20,000 is "1.9995万", not "2万".
 */
export function formatCountAgainst(n: number | null | undefined, other: number | null | undefined, lang: Lang = 'zh') {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  const plain = formatCount(n, lang);
  if (other === null || other === undefined || !Number.isFinite(other)) return plain;
  if (Math.round(n) === Math.round(other)) return plain;
  for (let extra = 0; extra <= 4; extra++) {
    const text = countWith(n, lang, extra);
    if (text !== countWith(other, lang, extra)) return text;
  }
  return formatInteger(n);
}

/** A rate as a percentage with one decimal: 1.02751 → "102.8%". */
export function formatPercent(rate: number | null | undefined): string {
  return rate === null || rate === undefined || !Number.isFinite(rate) ? DASH : `${(rate * 100).toFixed(1)}%`;
}

/** The gap between two rates in percentage points, signed: +2.8 / -5.1. */
export function formatPoints(diff: number | null | undefined): string {
  if (diff === null || diff === undefined || !Number.isFinite(diff)) return DASH;
  const points = Math.round(diff * 1000) / 10;
  return `${points > 0 ? '+' : ''}${points.toFixed(1)}`;
}

/** Yuan with separators and cents: 1234567.5 → "1,234,567.50 元" ("¥1,234,567.50" in English). */
export function formatYuan(n: number | null | undefined, lang: Lang = 'zh'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  return lang === 'en' ? `¥${money.format(n)}` : `${money.format(n)} 元`;
}

/** A report cell: money with cents, everything else as an exact integer. */
export function formatCell(n: number | null | undefined, valueType: 'integer' | 'money'): string {
  if (n === null || n === undefined) return DASH;
  return valueType === 'money' ? money.format(n) : formatInteger(n);
}

/** "2020-08" → "2020年8月" / "Aug 2020". */
export function formatMonth(month: string | null | undefined, lang: Lang = 'zh'): string {
  if (!month) return DASH;
  const [y, m] = month.split('-');
  if (lang === 'en') {
    const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return `${names[Number(m) - 1] ?? m} ${y}`;
  }
  return `${y}年${Number(m)}月`;
}

/** A monthly bulletin's issue number (期号), one issue a calendar month: "2021-11" → "2021年第11期". */
export function formatBulletinIssue(month: string | null | undefined): string {
  if (!month) return DASH;
  const [y, m] = month.split('-');
  return `${y}年第${Number(m)}期`;
}

function wallClockText(iso: string | null | undefined, timeZone: string, seconds: boolean): string {
  if (!iso) return DASH;
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(iso) ? new Date(iso) : null;
  if (!instant || Number.isNaN(instant.getTime())) return iso;
  const w = wallClockAt(instant, timeZone);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p2(w.month)}-${p2(w.day)} ${p2(w.hour)}:${p2(w.minute)}${seconds ? `:${p2(w.second)}` : ''}`;
}

/**
 * An instant as wall-clock time in `timeZone` (the campaign's, `useTimeZone()`), "2022-01-09 19:57", whatever
 * the browser's own zone. The server sends some instants with an offset and some in UTC (`…Z`, e.g. a user's
 * creation time); both come out as the campaign's wall clock, not as the text before the offset.
 */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  return wallClockText(iso, timeZone, false);
}

/** The same with seconds, "2022-01-09 19:57:08" (the audit log). */
export function formatDateTimeSeconds(iso: string | null | undefined, timeZone: string): string {
  return wallClockText(iso, timeZone, true);
}
