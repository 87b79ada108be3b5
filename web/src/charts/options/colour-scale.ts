/** A sequential colour scale, computed so charts need no visualMap component. */
type Rgb = [number, number, number];
const LIGHT: Rgb = [239, 246, 255];
const STOPS: Rgb[] = [LIGHT, [96, 165, 250], [30, 58, 138]];

export const SCALE_GRADIENT = `linear-gradient(90deg, ${STOPS.map(([r, g, b]) => `rgb(${r},${g},${b})`).join(', ')})`;

/** Colour of `value` on a 0..max scale (light to dark blue). */
export function scaleColour(value: number, max: number): string {
  const t = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  const pos = t * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = STOPS[i] ?? LIGHT;
  const b = STOPS[i + 1] ?? a;
  const mix = (k: 0 | 1 | 2) => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${mix(0)},${mix(1)},${mix(2)})`;
}
