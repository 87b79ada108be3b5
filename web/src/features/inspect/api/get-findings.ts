import type { Finding } from '@lz/shared/api/findings';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const findingsQuery = queryOptions({
  queryKey: queryKeys.findings.all,
  queryFn: ({ signal }) => apiFetch<Finding[]>('/findings', { signal }),
});

export function useFindings() {
  return useQuery(findingsQuery);
}
