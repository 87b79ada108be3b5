/**
 * The demo's own clock (issue #13 point 16). A demo started years after its campaign ended would show a
 * dead campaign: nothing due, every upload late, every finding overdue. So DEMO=1 plays a day inside the
 * window (`DEMO_DATE`, by default 2021-11-05 09:00 in Liuzhou: October's reports are due on the 10th, some
 * are in) and lets it run forward at real speed from the moment the server started. Production keeps the
 * system clock.
 */
import type { Clock } from '../deps';

export const DEFAULT_DEMO_DATE = '2021-11-05T09:00:00+08:00';

/** `demoDate` is an ISO time; `realStart` (ms) the real moment it corresponds to. */
export function demoClock(demoDate: string, realStart = Date.now()): Clock {
  const start = new Date(demoDate).getTime();
  if (!Number.isFinite(start)) throw new Error(`DEMO_DATE is not a date: ${demoDate}`);
  return { now: () => new Date(start + (Date.now() - realStart)), demo: true };
}
