import { useCampaign } from './get-catalogue';

/**
 * The zone every time on screen is shown in and every picked day means: the campaign's
 * (`catalogue.campaign.timeZone`), whatever the browser's own zone. Only for components rendered inside the
 * session guard, which waits for the catalogue.
 */
export function useTimeZone(): string {
  const zone = useCampaign().data?.timeZone;
  if (!zone) throw new Error('useTimeZone before the catalogue arrived');
  return zone;
}
