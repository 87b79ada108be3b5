import type { Catalogue } from '@lz/shared/catalogue';
import { useMemo } from 'react';
import { combineQueries, type QueryLike } from '../../../components/query-state';
import { useCampaign } from './get-campaign';
import { useDepartments } from './get-departments';
import { useIndicators } from './get-indicators';
import { useTargets } from './get-targets';
import { useUnits } from './get-units';

/**
 * The catalogue rebuilt from the public reference routes, so the browser can run the same
 * `checkReportBody` the server runs. Soft rules are server-only and left empty here.
 */
export function useCatalogue(): QueryLike<Catalogue> {
  const all = combineQueries(useCampaign(), useUnits(), useDepartments(), useIndicators(), useTargets());
  const data = useMemo<Catalogue | undefined>(() => {
    if (!all.data) return undefined;
    const [campaign, units, departments, indicators, targets] = all.data;
    const groups = [...new Map(indicators.map((i) => [i.group, { code: i.group, name: i.groupName }])).values()];
    return { campaign, units, departments, groups, indicators, softRules: [], targets };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [all.data?.[0], all.data?.[1], all.data?.[2], all.data?.[3], all.data?.[4]]);
  return { ...all, data };
}
