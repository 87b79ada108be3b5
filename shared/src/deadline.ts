/** When a month's report is due (统计管理制度, 七(二)): the 10th of the next month, 23:59:59 local time. */
import type { Campaign, Month } from './catalogue';
import { addMonths, monthRange } from './months';
import { instantOfWallClock } from './zoned-time';

type DeadlineRule = Pick<Campaign, 'deadlineDayOfNextMonth' | 'timeZone'>;

/** The last on-time instant for `month`'s report: e.g. 2019-12 → 2020-01-10T23:59:59.999+08:00. */
export function deadlineOf(month: Month, rule: DeadlineRule): Date {
  const next = addMonths(month, 1);
  const at = instantOfWallClock(
    {
      year: Number(next.slice(0, 4)),
      month: Number(next.slice(5, 7)),
      day: rule.deadlineDayOfNextMonth,
      hour: 23,
      minute: 59,
      second: 59,
    },
    rule.timeZone,
  );
  // The whole second 23:59:59 is still on time; 00:00:00 of the 11th is late.
  return new Date(at.getTime() + 999);
}

/** On time when first submitted no later than the deadline. */
export function isOnTime(month: Month, firstSubmittedAt: Date, rule: DeadlineRule): boolean {
  return firstSubmittedAt.getTime() <= deadlineOf(month, rule).getTime();
}

/** The latest month of the window that has ended by the end of local date `date` (null before the first ends). */
export function lastEndedMonth(date: string, window: Pick<Campaign, 'start' | 'end'>): Month | null {
  // A month has ended once the calendar is in a later month.
  const current = date.slice(0, 7);
  const previous = addMonths(current, -1);
  // biome-ignore lint/complexity/useMathMinMax: months are YYYY-MM strings, compared as text, not numbers.
  const last = previous < window.end ? previous : window.end;
  return last < window.start ? null : last;
}

/** Window months whose deadline has passed by `now`. */
export function monthsDueBy(
  now: Date,
  c: Pick<Campaign, 'start' | 'end' | 'deadlineDayOfNextMonth' | 'timeZone'>,
): Month[] {
  return monthRange(c.start, c.end).filter((m) => deadlineOf(m, c).getTime() < now.getTime());
}
