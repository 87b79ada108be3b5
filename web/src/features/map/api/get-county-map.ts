import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../lib/query-keys';

export const COUNTY_MAP = 'liuzhou-counties';

/**
 * The county polygons ship with the app (data/maps, no tiles, nothing from outside) and are loaded only
 * by the map route, with the map series; registering them with ECharts once is the "fetch".
 */
export const countyMapQuery = queryOptions({
  queryKey: queryKeys.countyMap(COUNTY_MAP),
  staleTime: Infinity,
  queryFn: async () => {
    const [{ default: geo }, { echarts }] = await Promise.all([
      import('@data/maps/liuzhou.geo.json'),
      import('../../../charts/echarts-map'),
    ]);
    // The GeoJSON's shape is what registerMap expects; its inferred literal type is too narrow to say so.
    echarts.registerMap(COUNTY_MAP, geo as unknown as Parameters<typeof echarts.registerMap>[1]);
    return { names: geo.features.map((f) => f.properties.name) };
  },
});

export function useCountyMap() {
  return useQuery(countyMapQuery);
}
