/**
 * Usage: pnpm demo:summary [--as-of YYYY-MM-DD] [--db PATH]
 * Generates the demo into a fresh in-memory database (or reads PATH) and prints the city, county and
 * department totals against the targets, so the demo's believability can be checked at a glance.
 */
import { parseArgs } from 'node:util';
import { buildDeps } from '@lz/server/build-deps';
import { seedDemo } from '@lz/server/demo/seed-demo';
import { getProgress } from '@lz/server/services/progress/get-progress';
import { getBreakdown } from '@lz/server/services/progress/get-breakdown';
import { getRatios } from '@lz/server/services/progress/get-ratios';
import { getCompliance } from '@lz/server/services/progress/get-compliance';

const { values } = parseArgs({ options: { 'as-of': { type: 'string' }, db: { type: 'string' } } });
const deps = await buildDeps({ dbPath: values.db });
const t0 = Date.now();
const seeded = await seedDemo(deps);
if (seeded) console.log(`seeded ${seeded.reports} reports / ${seeded.versions} versions in ${Date.now() - t0} ms`);
const asOf = values['as-of'];
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '—' : Math.round(x).toLocaleString('en-US'));

const p = await getProgress(deps, asOf);
console.log(`\nas of ${p.asOf}, through ${p.throughMonth}, time progress ${pct(p.timeProgress)}\n`);
console.log('target                                   target      actual   rate    time    forecast  lagging');
for (const t of p.targets) {
  const fmt = t.kind === 'ratio' ? pct : num;
  console.log(
    `${t.code.padEnd(3)} ${t.name.padEnd(22, '　')} ${fmt(t.target).padStart(9)} ` +
      `${fmt(t.actual).padStart(10)} ${pct(t.completionRate).padStart(7)} ${pct(t.timeProgress).padStart(7)} ` +
      `${fmt(t.forecast).padStart(10)}  ${t.lagging ? '落后' : ''}`,
  );
  for (const y of t.years ?? []) console.log(`      ${y.year}: ${y.actual} / ${y.target}${y.lagging ? ' 落后' : ''}`);
}
for (const by of ['county', 'department'] as const) {
  const b = await getBreakdown(deps, { by, indicator: 'T', asOf });
  console.log(`\nT by ${by} (total ${num(b.total.actual)}):`);
  for (const r of b.rows) {
    console.log(
      `  ${String(r.rank).padStart(2)} ${r.name.padEnd(16, '　')} ${num(r.actual).padStart(8)} / ` +
        `${num(r.allocation).padStart(8)} ${pct(r.completionRate).padStart(7)} ${r.lagging ? '落后' : ''}`,
    );
  }
}
const ratios = await getRatios(deps, asOf);
console.log(`\nR1 city ${pct(ratios.city.r1)}  R2 city ${pct(ratios.city.r2)} (${ratios.city.month})`);
for (const c of ratios.counties) console.log(`  ${c.name.padEnd(16, '　')} R1 ${pct(c.r1)} R2 ${pct(c.r2)}`);
const comp = await getCompliance(deps, { asOf });
console.log(
  `\nreporting rate ${pct(comp.total.reportingRate)}, on time ${pct(comp.total.onTimeRate)} ` +
    `(${comp.total.submitted}/${comp.total.expected})`,
);
