/** Colours for "how far ahead or behind time progress": green ahead, amber slightly behind, red far behind. */
export const GAP_COLOURS = { ahead: '#16a34a', slightly: '#f59e0b', far: '#dc2626', none: '#94a3b8' } as const;

/** How many points behind counts as far behind. */
export const FAR_BEHIND = 0.05;

export function gapOf(rate: number | null, timeProgress: number): number | null {
  return rate === null ? null : rate - timeProgress;
}

export function gapColour(rate: number | null, timeProgress: number): string {
  const gap = gapOf(rate, timeProgress);
  if (gap === null) return GAP_COLOURS.none;
  if (gap >= -1e-12) return GAP_COLOURS.ahead;
  return gap > -FAR_BEHIND ? GAP_COLOURS.slightly : GAP_COLOURS.far;
}
