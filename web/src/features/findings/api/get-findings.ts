import type { Finding } from '@lz/shared/api/findings';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

export const findingsQuery = queryOptions({
  queryKey: ['findings'],
  queryFn: ({ signal }) => apiFetch<Finding[]>('/findings', { signal }),
});

export function useFindings() {
  return useQuery(findingsQuery);
}
