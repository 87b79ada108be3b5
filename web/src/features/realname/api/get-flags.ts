import type { FlagKind } from '@lz/shared/api/rosters';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { FlagStatus, StoredFlag } from './answers';

export interface FlagListParams {
  status?: FlagStatus;
  kind?: FlagKind;
  department?: string;
  county?: string;
}

export function useFlags(p: FlagListParams) {
  return useQuery({
    queryKey: queryKeys.realname.flags(p),
    queryFn: ({ signal }) => apiFetch<StoredFlag[]>('/flags', { params: { ...p }, signal }),
  });
}
