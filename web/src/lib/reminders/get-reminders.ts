import type { Reminder } from '@lz/shared/api/reminders';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api-client';
import { queryKeys } from '../query-keys';

/** 催报 records: a reporter's open ones (months not yet filed); the office sees every one. */
export const remindersQuery = queryOptions({
  queryKey: queryKeys.reminders.all,
  queryFn: ({ signal }) => apiFetch<Reminder[]>('/reminders', { signal }),
});

export function useReminders(enabled = true) {
  return useQuery({ ...remindersQuery, enabled });
}
