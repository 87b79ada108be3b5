/**
 * Wall-clock time in a named zone, computed with Intl so results do not depend on the process's TZ.
 * (Asia/Shanghai has had no DST since 1991, but the code does not rely on that.)
 */

interface WallClock {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The instant at which the wall clock in `timeZone` shows the given time (milliseconds 0). */
export function instantOfWallClock(w: WallClock, timeZone: string): Date {
  const asIfUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Two passes settle the offset even on a day the offset changes.
  let guess = asIfUtc;
  for (let i = 0; i < 2; i++) {
    const seen = wallClockAt(new Date(guess), timeZone);
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    guess += asIfUtc - seenAsUtc;
  }
  return new Date(guess);
}

/** `YYYY-MM-DD` of the calendar day in `timeZone` at `instant`. */
export function dateInZone(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The last instant (23:59:59.999) of calendar day `date` (`YYYY-MM-DD`) in `timeZone`. */
export function endOfDayInZone(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = instantOfWallClock({ year: y, month: m, day: d, hour: 23, minute: 59, second: 59 }, timeZone);
  return new Date(start.getTime() + 999);
}

/** ISO 8601 with the zone's offset, e.g. 2020-09-10T23:59:59+08:00, for showing times to people. */
export function formatInZone(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offsetMin = Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
