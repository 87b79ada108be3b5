/** The office's 信息公开 calls (/api/disclosure/*): quarters, notice batches and the objection queue. */
import type {
  CreateNoticeBatch,
  NoticeCandidates,
  OfficeFundUse,
  OfficeNoticeBatch,
  OfficeObjection,
} from '@lz/shared/api/disclosure-office';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const keys = queryKeys.disclosure;

export const useOfficeFundUse = () =>
  useQuery(queryOptions({ queryKey: keys.fundUse, queryFn: () => apiFetch<OfficeFundUse>('/disclosure/fund-use') }));
export const useNoticeBatches = () =>
  useQuery(
    queryOptions({ queryKey: keys.notices, queryFn: () => apiFetch<OfficeNoticeBatch[]>('/disclosure/notices') }),
  );
export const useObjections = () =>
  useQuery(
    queryOptions({ queryKey: keys.objections, queryFn: () => apiFetch<OfficeObjection[]>('/disclosure/objections') }),
  );

/** The classes a new batch may list (the picker's table); nothing is asked before a department is chosen. */
export const useNoticeCandidates = (department: string | undefined, from: string, to: string) =>
  useQuery(
    queryOptions({
      queryKey: keys.candidates(department ?? '', from, to),
      enabled: Boolean(department),
      queryFn: () => {
        const q = new URLSearchParams({ department: department ?? '' });
        if (from) q.set('from', from);
        if (to) q.set('to', to);
        return apiFetch<NoticeCandidates>(`/disclosure/notice-classes?${q}`);
      },
    }),
  );

/** Every office action changes what the three lists show; each refetches them all. */
function useDisclosureMutation<A>(call: (args: A) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useQuarterAction = () =>
  useDisclosureMutation(({ quarter, verb }: { quarter: string; verb: 'publish' | 'withdraw' }) =>
    apiFetch(`/disclosure/fund-use/${quarter}/${verb}`, { method: 'POST' }),
  );
export const useCreateBatch = () =>
  useDisclosureMutation((body: CreateNoticeBatch) => apiFetch('/disclosure/notices', { method: 'POST', body }));
export const useBatchAction = () =>
  useDisclosureMutation(({ id, verb }: { id: string; verb: 'publish' | 'withdraw' }) =>
    apiFetch(`/disclosure/notices/${id}/${verb}`, { method: 'POST' }),
  );
export const useAnswerObjection = () =>
  useDisclosureMutation(({ id, answer }: { id: number; answer: string }) =>
    apiFetch(`/disclosure/objections/${id}/answer`, { method: 'POST', body: { answer } }),
  );
