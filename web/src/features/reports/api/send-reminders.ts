import type { SendReminder } from '@lz/shared/api/reminders';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** 催报 one month's late departments. */
export function sendReminders(input: SendReminder): Promise<{ sent: number }> {
  return apiFetch<{ sent: number }>('/reminders', { method: 'POST', body: input });
}

export function useSendReminders() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: sendReminders,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.reminders.all }),
  });
}
