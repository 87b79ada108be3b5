/** GET /api/institutions and GET /api/training-projects: the 目录清单 as the office edits it. */
import type { Institution, TrainingProjectItem } from '@lz/shared/api/rosters';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const institutionsQuery = queryOptions({
  queryKey: queryKeys.trainingCatalogue.institutions,
  queryFn: ({ signal }) => apiFetch<Institution[]>('/institutions', { signal }),
});

const projectsQuery = queryOptions({
  queryKey: queryKeys.trainingCatalogue.projects,
  queryFn: ({ signal }) => apiFetch<TrainingProjectItem[]>('/training-projects', { signal }),
});

export const useInstitutions = () => useQuery(institutionsQuery);
export const useTrainingProjects = () => useQuery(projectsQuery);
