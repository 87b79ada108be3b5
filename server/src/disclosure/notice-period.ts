/**
 * 公示期: a notice is open for objections for a number of working days (five by default), counted in
 * Asia/Shanghai from its publication day. Weekends are skipped; public holidays and the Saturdays or
 * Sundays worked in their place (调休) come from a calendar the office keeps, because the State Council
 * fixes them each November and no rule computes them (docs/decisions.md, 信息公开 (#16)).
 */
import { dateInZone, endOfDayInZone } from '@lz/shared/zoned-time';

export interface WorkCalendar {
  /** Weekdays that are days off (法定节假日), `YYYY-MM-DD`. */
  holidays: readonly string[];
  /** Weekend days that are working days (调休上班), `YYYY-MM-DD`. */
  workdays: readonly string[];
}

export interface NoticePeriod {
  noticeStart: string;
  noticeEnd: string;
  open: boolean;
}

const DAY_MS = 86_400_000;

/** Calendar-day arithmetic on `YYYY-MM-DD`, done at UTC noon so no zone or DST can shift the day. */
function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The period of a notice published on `publishedAt` (a Shanghai calendar day): it starts that day when it
 * is a working day, else on the next one, and lasts `days` working days; it is open until the last
 * day's 23:59:59.999 and not before the publication day.
 */
export function noticePeriod(
  publishedAt: string,
  days: number,
  now: Date,
  calendar: WorkCalendar,
  timeZone = 'Asia/Shanghai',
): NoticePeriod {
  let start = publishedAt;
  while (!isWorkingDay(start, calendar)) start = addDays(start, 1);
  let end = start;
  for (let counted = 1; counted < days; ) {
    end = addDays(end, 1);
    if (isWorkingDay(end, calendar)) counted++;
  }
  const today = dateInZone(now, timeZone);
  const open = today >= publishedAt && now.getTime() <= endOfDayInZone(end, timeZone).getTime();
  return { noticeStart: start, noticeEnd: end, open };
}
