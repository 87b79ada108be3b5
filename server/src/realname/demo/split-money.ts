/**
 * Splitting a reported sum over roster lines exactly, to the cent. Subsidies are paid in whole yuan in
 * practice, so lines get whole yuan and the reported cents sit on the first line.
 */
import { apportion } from '../../demo/generate-figures';

/**
 * `total` yuan over lines in proportion to their caps (each line's catalogue standard) without passing a
 * cap while any line has room; only a total above all caps together goes past them.
 */
export function splitUnderCaps(total: number, caps: readonly number[]): number[] {
  const cents = Math.round(total * 100);
  let rest = Math.floor(cents / 100);
  const out = caps.map(() => 0);
  let open = caps.map((_, i) => i);
  while (rest > 0 && open.length > 0) {
    const room = open.reduce((s, i) => s + (caps[i] ?? 0) - (out[i] ?? 0), 0);
    if (room <= rest) {
      for (const i of open) out[i] = caps[i] ?? 0;
      rest -= room;
      break;
    }
    const shares = apportion(
      rest,
      open.map((i) => caps[i] ?? 0),
    );
    const next: number[] = [];
    rest = 0;
    open.forEach((i, k) => {
      const add = Math.min((caps[i] ?? 0) - (out[i] ?? 0), shares[k] ?? 0);
      out[i] = (out[i] ?? 0) + add;
      rest += (shares[k] ?? 0) - add;
      if ((out[i] ?? 0) < (caps[i] ?? 0)) next.push(i);
    });
    open = next;
  }
  // Above every cap together: the surplus on the first few lines (one class, mostly), so one class shows it
  // rather than every class of the county.
  if (rest > 0)
    apportion(
      rest,
      caps.slice(0, SURPLUS_LINES).map(() => 1),
    ).forEach((extra, i) => {
      out[i] = (out[i] ?? 0) + extra;
    });
  // The cents on a line with room below its cap, so they push no line over its standard.
  const room = out.findIndex((y, i) => y < (caps[i] ?? 0));
  return withCents(out, cents % 100, Math.max(0, room));
}

/** Lines that carry a sum above every cap. */
const SURPLUS_LINES = 5;

/** `total` yuan over `n` lines as evenly as whole yuan allow. */
export function splitEvenly(total: number, n: number): number[] {
  const cents = Math.round(total * 100);
  return withCents(
    apportion(
      Math.floor(cents / 100),
      Array.from({ length: n }, () => 1),
    ),
    cents % 100,
  );
}

function withCents(yuan: number[], cents: number, at = 0): number[] {
  if (yuan.length > at && cents > 0) yuan[at] = Math.round((yuan[at] ?? 0) * 100 + cents) / 100;
  return yuan;
}
