import { lastEndedMonth } from '@lz/shared/deadline';
import { dateInZone } from '@lz/shared/zoned-time';
import type { Deps } from '../../deps';
import { badRequest } from '../../errors';

/** Resolves `asOf` (default: today in the campaign's zone) and the last window month ended by then. */
export function resolveAsOf(deps: Deps, asOf: string | undefined): { asOf: string; through: string | null } {
  const date = asOf ?? dateInZone(deps.clock.now(), deps.catalogue.campaign.timeZone);
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date)
    throw badRequest(`无效的日期 ${date}`, 'bad_date');
  return { asOf: date, through: lastEndedMonth(date, deps.catalogue.campaign) };
}
