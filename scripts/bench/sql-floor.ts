/**
 * The floor: for each dashboard call, the cheapest raw SQL aggregate we could write that returns the same
 * figures, run directly with better-sqlite3 over the same rows (no HTTP, no JSON, no domain maths).
 * Flow figures use the per-version column totals (`version_totals`) where the call needs city or department
 * totals, and `report_values` (seeking its primary key by indicator) where it needs counties.
 */
import Database from 'better-sqlite3';
import { endOfDayInZone } from '@lz/shared/zoned-time';

const EFFECTIVE = `WITH eff AS (
  SELECT department, month, MAX(version) AS version FROM report_versions
  WHERE submitted_at_ms <= @asOfMs AND month <= @through GROUP BY department, month)`;
const JOIN_VERSIONS =
  'JOIN report_versions rv ON rv.department = eff.department AND rv.month = eff.month AND rv.version = eff.version';

export const floorQueries: Record<string, string> = {
  progress: `${EFFECTIVE}
    SELECT t.indicator, rv.month, SUM(t.value) FROM eff ${JOIN_VERSIONS}
    JOIN version_totals t ON t.version_id = rv.id
    WHERE t.indicator IN ('T','E','K','E5','X1','C3','C4','C5','C6','S1','S2','S3')
    GROUP BY t.indicator, rv.month`,
  'breakdown by county': `${EFFECTIVE}
    SELECT v.county, SUM(v.value) FROM eff ${JOIN_VERSIONS}
    JOIN report_values v ON v.version_id = rv.id AND v.indicator = 'T' GROUP BY v.county`,
  'breakdown by department': `${EFFECTIVE}
    SELECT rv.department, SUM(t.value) FROM eff ${JOIN_VERSIONS}
    JOIN version_totals t ON t.version_id = rv.id AND t.indicator = 'T' GROUP BY rv.department`,
  series: `${EFFECTIVE}
    SELECT rv.month, SUM(t.value) FROM eff ${JOIN_VERSIONS}
    JOIN version_totals t ON t.version_id = rv.id AND t.indicator = 'T' GROUP BY rv.month`,
  'series of one county': `${EFFECTIVE}
    SELECT rv.month, SUM(v.value) FROM eff ${JOIN_VERSIONS}
    JOIN report_values v ON v.version_id = rv.id AND v.indicator = 'T' AND v.county = @county GROUP BY rv.month`,
  ratios: `${EFFECTIVE}
    SELECT rv.month, v.county, v.indicator, SUM(v.value) FROM eff ${JOIN_VERSIONS}
    JOIN report_values v ON v.version_id = rv.id AND v.indicator IN ('S1','S2','S3')
    WHERE rv.month LIKE '%-12' GROUP BY rv.month, v.county, v.indicator`,
  compliance: `SELECT e.department, e.month, MIN(e.at_ms) AS first_at,
      (SELECT x.action FROM report_events x
       WHERE x.department = e.department AND x.month = e.month AND x.at_ms <= @asOfMs
       ORDER BY x.at_ms DESC, x.id DESC LIMIT 1) AS status
    FROM report_events e WHERE e.at_ms <= @asOfMs GROUP BY e.department, e.month`,
};

export function measureFloor(
  dbPath: string,
  asOf: string,
  through: string,
  county: string,
  n: number,
): Record<string, number[]> {
  const db = new Database(dbPath, { readonly: true });
  const params = { asOfMs: endOfDayInZone(asOf, 'Asia/Shanghai').getTime(), through };
  const out: Record<string, number[]> = {};
  for (const [name, sql] of Object.entries(floorQueries)) {
    const stmt = db.prepare(sql).bind(sql.includes('@county') ? { ...params, county } : params);
    stmt.all(); // warm the page cache and the plan
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      stmt.all();
      samples.push(performance.now() - t0);
    }
    out[name] = samples;
  }
  db.close();
  return out;
}
