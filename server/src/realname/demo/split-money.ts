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
  if (rest > 0)
    apportion(
      rest,
      caps.map(() => 1),
    ).forEach((extra, i) => {
      out[i] = (out[i] ?? 0) + extra;
    });
  return withCents(out, cents % 100);
}

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

function withCents(yuan: number[], cents: number): number[] {
  if (yuan.length > 0 && cents > 0) yuan[0] = Math.round((yuan[0] ?? 0) * 100 + cents) / 100;
  return yuan;
}
