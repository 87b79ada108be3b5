import { Navigate, useParams } from 'react-router-dom';
import { useCarriedSearch } from '../../../lib/url-state';
import { useUser } from '../../../lib/session/get-session';
import { DrillCity } from './drill-city';
import { DrillCounty } from './drill-county';
import { DrillCountyDepartment } from './drill-county-department';
import { DrillDepartment } from './drill-department';

/**
 * Drill-down, one URL per level so Back works and links reproduce the view:
 * /drill → /drill/county/:county (or /drill/department/:department) → /drill/county/:county/department/:department
 * → /reports/:department/:month.
 */
export function DrillPage() {
  const { county, department } = useParams();
  const user = useUser();
  const search = useCarriedSearch();
  // A county user's drill-down starts at (and stays inside) its own county.
  if (user.role === 'county') {
    const own = user.county ?? '';
    if (county !== own)
      return (
        <Navigate
          to={department ? `/drill/county/${own}/department/${department}${search}` : `/drill/county/${own}${search}`}
          replace
        />
      );
  }
  if (county && department) return <DrillCountyDepartment county={county} department={department} />;
  if (county) return <DrillCounty county={county} />;
  if (department) return <DrillDepartment department={department} />;
  return <DrillCity />;
}
