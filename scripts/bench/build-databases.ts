/**
 * The two databases the benchmark reads, both written through the product's own submission service
 * (`submitReport`: the same validation, versioning, lifecycle and audit as the API):
 *
 * - city: the seeded Liuzhou demo (21 departments × 29 months × 12 county-level units × 32 indicators);
 * - province: fourteen cities' worth of the same form. The campaign folder is copied with its units
 *   repeated for Guangxi's fourteen prefecture-level cities (168 county-level units) and the flow targets
 *   scaled ×14; every lifecycle event of the city demo is then replayed in time order, each submission
 *   carrying 168 county rows (each city's rows are the Liuzhou rows rotated by the city's index, so the
 *   cities differ while every row still passes the hard rules).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SessionUser } from '@lz/shared/api/session';
import type { ReportRow } from '@lz/shared/report-body';
import { defaultCampaignDir, loadCatalogue } from '@lz/server/catalogue';
import { fixedClock, type Deps } from '@lz/server/deps';
import { buildDeps } from '@lz/server/build-deps';
import { closeDatabase } from '@lz/server/db/open-database';
import { seedDemo } from '@lz/server/demo/seed-demo';
import { putAllocations } from '@lz/server/services/progress/allocations';
import { reviewReport } from '@lz/server/services/reports/review-report';
import { submitReport } from '@lz/server/services/reports/submit-report';

export interface BenchDatabase {
  label: 'city' | 'province';
  dbPath: string;
  campaignDir: string;
  counties: number;
  versions: number;
  values: number;
  buildSeconds: number;
}

const GUANGXI_CITIES = [
  '南宁',
  '柳州',
  '桂林',
  '梧州',
  '北海',
  '防城港',
  '钦州',
  '贵港',
  '玉林',
  '百色',
  '贺州',
  '河池',
  '来宾',
  '崇左',
];

export async function buildCityDatabase(dir: string): Promise<BenchDatabase> {
  const dbPath = join(dir, 'city.sqlite');
  const t0 = performance.now();
  const deps = await buildDeps({ dbPath });
  await seedDemo(deps);
  await closeDatabase(deps.db);
  return {
    label: 'city',
    dbPath,
    campaignDir: defaultCampaignDir,
    ...countRows(dbPath),
    buildSeconds: (performance.now() - t0) / 1000,
  };
}

/** A campaign folder for fourteen cities: same departments and form, units × 14, flow targets × 14. */
export function writeProvinceCampaign(dir: string): string {
  const out = join(dir, 'province-campaign');
  mkdirSync(out, { recursive: true });
  cpSync(defaultCampaignDir, out, { recursive: true });
  const read = (name: string) => JSON.parse(readFileSync(join(defaultCampaignDir, `${name}.json`), 'utf8'));
  const baseUnits = read('units') as { code: string; name: string; order: number; aliases?: string[] }[];
  const units = GUANGXI_CITIES.flatMap((city, p) =>
    baseUnits.map((u) => ({
      ...u,
      code: provinceCode(p, u.code),
      name: `${city}·${u.name}`,
      order: p * baseUnits.length + u.order,
      aliases: [],
    })),
  );
  const targets = (read('targets') as { kind: string; value: number }[]).map((t) =>
    t.kind === 'ratio' ? t : { ...t, value: t.value * GUANGXI_CITIES.length },
  );
  writeFileSync(join(out, 'units.json'), JSON.stringify(units, null, 1));
  writeFileSync(join(out, 'targets.json'), JSON.stringify(targets, null, 1));
  writeFileSync(
    join(out, 'campaign.json'),
    JSON.stringify(
      { ...read('campaign'), code: 'guangxi-bench', name: '职业技能提升行动（基准测试：十四市）', city: '广西' },
      null,
      1,
    ),
  );
  return out;
}

/**
 * Liuzhou keeps its own county codes (the real-name training-institution catalogue, read from the default campaign
 * folder whatever CAMPAIGN_DIR says, names them); the other cities' are prefixed.
 */
const LIUZHOU = GUANGXI_CITIES.indexOf('柳州');
const provinceCode = (cityIndex: number, code: string) =>
  cityIndex === LIUZHOU ? code : `G${String(cityIndex + 1).padStart(2, '0')}-${code}`;

export async function buildProvinceDatabase(dir: string, city: BenchDatabase): Promise<BenchDatabase> {
  const campaignDir = writeProvinceCampaign(dir);
  const dbPath = join(dir, 'province.sqlite');
  const t0 = performance.now();
  const catalogue = loadCatalogue(campaignDir);
  const deps = await buildDeps({ dbPath, catalogue });
  const { db } = deps;

  const baseCodes = loadCatalogue().units.map((u) => u.code);
  const src = new Database(city.dbPath, { readonly: true });
  const events = src
    .prepare('SELECT department, month, at_ms, actor, action, version, reason FROM report_events ORDER BY at_ms, id')
    .all() as {
    department: string;
    month: string;
    at_ms: number;
    actor: string;
    action: 'submit' | 'accept' | 'return' | 'unlock';
    version: number | null;
    reason: string | null;
  }[];
  const valuesOf = src.prepare(
    `SELECT v.county, v.indicator, v.value FROM report_values v JOIN report_versions rv ON rv.id = v.version_id
     WHERE rv.department = ? AND rv.month = ? AND rv.version = ?`,
  );
  const admin: SessionUser = {
    id: 1,
    username: 'admin',
    displayName: 'bench',
    role: 'admin',
    department: null,
    county: null,
  };
  await replayAllocations(deps, src, baseCodes, admin);
  for (const e of events) {
    const at = { ...deps, clock: fixedClock(new Date(e.at_ms).toISOString()) };
    if (e.action === 'submit') {
      const byCounty = new Map<string, Record<string, number>>();
      for (const r of valuesOf.all(e.department, e.month, e.version) as {
        county: string;
        indicator: string;
        value: number;
      }[]) {
        const row = byCounty.get(r.county) ?? {};
        row[r.indicator] = r.value;
        byCounty.set(r.county, row);
      }
      const rows: ReportRow[] = GUANGXI_CITIES.flatMap((_, p) =>
        baseCodes.map((code, j) => ({
          county: provinceCode(p, code),
          values: byCounty.get(baseCodes[(j + p) % baseCodes.length] ?? code) ?? {},
        })),
      );
      const reporter: SessionUser = {
        id: 2,
        username: e.actor,
        displayName: e.actor,
        role: 'reporter',
        department: e.department,
        county: null,
      };
      await submitReport(at, { department: e.department, month: e.month, rows, actor: reporter, source: 'demo' });
    } else {
      await reviewReport(at, {
        department: e.department,
        month: e.month,
        verb: e.action,
        reason: e.reason,
        actor: admin,
      });
    }
  }
  src.close();
  await closeDatabase(db);
  return {
    label: 'province',
    dbPath,
    campaignDir,
    ...countRows(dbPath),
    buildSeconds: (performance.now() - t0) / 1000,
  };
}

/**
 * The city's target decomposition, scaled to the province: department shares ×14, and each department's
 * county shares repeated for every city with the same rotation as the figures.
 */
async function replayAllocations(
  deps: Deps,
  src: Database.Database,
  baseCodes: string[],
  admin: SessionUser,
): Promise<void> {
  const rows = src.prepare('SELECT target, department, county, year, value FROM allocations').all() as {
    target: string;
    department: string;
    county: string | null;
    year: number | null;
    value: number;
  }[];
  for (const target of new Set(rows.map((r) => r.target))) {
    const mine = rows.filter((r) => r.target === target);
    const depts = mine.filter((r) => r.county === null);
    if (depts.length)
      await putAllocations(
        deps,
        {
          target,
          items: depts.map((r) => ({ code: r.department, year: r.year, value: r.value * GUANGXI_CITIES.length })),
        },
        admin,
        null,
      );
    for (const department of new Set(mine.filter((r) => r.county !== null).map((r) => r.department))) {
      const byCounty = new Map(
        mine.filter((r) => r.department === department && r.county !== null).map((r) => [`${r.county}/${r.year}`, r]),
      );
      const years = [
        ...new Set(mine.filter((r) => r.department === department && r.county !== null).map((r) => r.year)),
      ];
      const items = GUANGXI_CITIES.flatMap((_, p) =>
        baseCodes.flatMap((code, j) =>
          years.flatMap((year) => {
            const from = byCounty.get(`${baseCodes[(j + p) % baseCodes.length]}/${year}`);
            return from ? [{ code: provinceCode(p, code), year, value: from.value }] : [];
          }),
        ),
      );
      await putAllocations(deps, { target, department, items }, admin, null);
    }
  }
}

export function countRows(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  const out = {
    counties: one('SELECT COUNT(*) FROM units'),
    versions: one('SELECT COUNT(*) FROM report_versions'),
    values: one('SELECT COUNT(*) FROM report_values'),
  };
  db.close();
  return out;
}
