import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { PersonLookup } from './answers';

/**
 * A mutation, not a query: the number goes in a POST body, never in a URL, a cache key or the history, and
 * the answer lives only as long as the page shows it.
 */
export function useLookUpPerson() {
  return useMutation({
    mutationFn: (idNumber: string) => apiFetch<PersonLookup>('/people/lookup', { method: 'POST', body: { idNumber } }),
  });
}
