import type { Campaign } from '@lz/shared/catalogue';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export const campaignQuery = queryOptions({
  queryKey: ['reference', 'campaign'],
  queryFn: () => apiFetch<Campaign>('/campaign'),
  staleTime: Infinity,
});

export function useCampaign() {
  return useQuery(campaignQuery);
}
