/**
 * The campaign's reference data in one request (`GET /api/catalogue`): window and time zone, units,
 * departments, indicator groups, indicators with their rules, and targets. It is the published plan and
 * changes only with a new deploy, so it is fetched once per session; the narrow hooks below read slices of
 * the same cache entry.
 */
import type { Catalogue } from '@lz/shared/catalogue';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../api-client';
import { queryKeys } from '../query-keys';

export function getCatalogue({ signal }: { signal?: AbortSignal } = {}): Promise<Catalogue> {
  return apiFetch<Catalogue>('/catalogue', { signal });
}

export const catalogueQuery = queryOptions({
  queryKey: queryKeys.catalogue,
  queryFn: ({ signal }) => getCatalogue({ signal }),
  staleTime: Infinity,
});

/** The whole catalogue, e.g. for the `checkReportBody` the browser runs before a report is sent. */
export function useCatalogue() {
  return useQuery(catalogueQuery);
}

// Selectors are module constants, so react-query keeps each slice's identity between renders.
const campaignOf = (c: Catalogue) => c.campaign;
const unitsOf = (c: Catalogue) => c.units;
const departmentsOf = (c: Catalogue) => c.departments;
const targetsOf = (c: Catalogue) => c.targets;

export function useCampaign() {
  return useQuery({ ...catalogueQuery, select: campaignOf });
}

export function useUnits() {
  return useQuery({ ...catalogueQuery, select: unitsOf });
}

export function useDepartments() {
  return useQuery({ ...catalogueQuery, select: departmentsOf });
}

export function useTargets() {
  return useQuery({ ...catalogueQuery, select: targetsOf });
}
