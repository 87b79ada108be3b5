import { describe, expect, it } from 'vitest';
import { FLAG_KINDS, type FlagKind } from '@lz/shared/api/rosters';
import { monthRange } from '@lz/shared/months';
import type { ReportRow } from '@lz/shared/report-body';
import { generateReport } from '../../src/demo/generate-figures';
import { createRng } from '../../src/demo/prng';
import { FLAG_RATE } from '../../src/demo/seed-rosters';
import type { PriorTraining } from '../../src/realname/check-history';
import { checkRoster } from '../../src/realname/check-roster';
import { createDemoPeople } from '../../src/realname/demo/demo-people';
import { PERSON_TIME_INDICATORS, ROSTER_INDICATORS } from '../../src/realname/contribution';
import { createDemoRosters, planDifferences } from '../../src/realname/demo/demo-rosters';
import type { PhoneUse } from '../../src/realname/flags';
import { catalogue, context, training } from './roster-fixtures';

const DEPARTMENTS = ['RSJ', 'ZGH', 'FL', 'NYNCJ', 'GXJ'];
const MONTHS = ['2020-03', '2020-06', '2020-11', '2021-04'];

function figures(seed: number): { department: string; month: string; rows: ReportRow[] }[] {
  const rng = createRng(seed);
  return DEPARTMENTS.flatMap((department) =>
    MONTHS.map((month) => ({ department, month, rows: generateReport(catalogue, department, month, rng) })),
  );
}

function generate(seed: number, flagRate = 0.15) {
  const rng = createRng(seed);
  const demo = createDemoRosters(training, createDemoPeople(rng), rng);
  const months = figures(seed);
  const plan = planDifferences(
    months.map((m) => `${m.department}|${m.month}`),
    rng,
    { noRoster: 1, above: 2 },
  );
  return months.map((m) => ({
    ...m,
    difference: plan.get(`${m.department}|${m.month}`) ?? 'none',
    classes: demo.monthRosters({
      ...m,
      flagRate,
      today: '2021-12-31',
      difference: plan.get(`${m.department}|${m.month}`),
    }),
  }));
}

/** Stands in for the storage layer: what earlier rosters hold, by keyed hash. */
function memoryStore() {
  const priors = new Map<string, PriorTraining[]>();
  const phones = new Map<string, PhoneUse[]>();
  return {
    priorTrainings: async (hashes: readonly string[]) => new Map(hashes.map((h) => [h, priors.get(h) ?? []])),
    phonesInMonth: async (hashes: readonly string[], month: string) =>
      new Map(hashes.map((h) => [h, phones.get(`${month}|${h}`) ?? []])),
    store(id: string, result: Extract<Awaited<ReturnType<typeof checkRoster>>, { ok: true }>) {
      const k = result.class;
      for (const t of result.trainees) {
        const prior: PriorTraining = {
          classId: id,
          department: k.department,
          institution: k.institution.name,
          occupation: k.occupation,
          level: k.level,
          startDate: k.startDate,
          endDate: k.endDate,
          trainingSubsidy: t.trainingSubsidy,
        };
        priors.set(t.idHash, [...(priors.get(t.idHash) ?? []), prior]);
      }
    },
  };
}

describe('demo rosters', () => {
  const months = generate(2019);

  it('pass every hard rule, and add up exactly to the monthly figures they stand behind', async () => {
    const store = memoryStore();
    const flags = new Map<FlagKind, number>();
    const cases = new Map<FlagKind, number>();
    let n = 0;
    for (const m of months) {
      const sums = new Map<string, Record<string, number>>();
      for (const { roster, cases: planted } of m.classes) {
        const ctx = { ...context(), ...store, department: m.department, today: '2021-12-31' };
        const result = await checkRoster(roster, { ...ctx, hashId: context().hashId, hashPhone: context().hashPhone });
        if (!result.ok) throw new Error(`${m.department} ${m.month}: ${JSON.stringify(result.problems.slice(0, 3))}`);
        store.store(`c${n++}`, result);
        for (const f of result.flags) flags.set(f.kind, (flags.get(f.kind) ?? 0) + 1);
        for (const c of planted) cases.set(c, (cases.get(c) ?? 0) + 1);
        const s = sums.get(result.contribution.county) ?? {};
        for (const [code, v] of Object.entries(result.contribution.values))
          s[code] = Math.round(((s[code] ?? 0) + v) * 100) / 100;
        sums.set(result.contribution.county, s);
      }
      if (m.difference !== 'none') continue;
      for (const row of m.rows) {
        const got = sums.get(row.county) ?? {};
        for (const code of ROSTER_INDICATORS) {
          expect(got[code] ?? 0, `${m.department} ${m.month} ${row.county} ${code}`).toBeCloseTo(
            row.values[code] ?? 0,
            2,
          );
        }
      }
    }
    // Every kind of sign is there for inspectors, at least as often as it was planted.
    for (const kind of [
      'overlap',
      'retirement-age',
      'shared-phone',
      'not-approved',
      'subsidy-above-standard',
      'hours-below-minimum',
    ] as FlagKind[]) {
      expect(flags.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(Math.max(1, cases.get(kind) ?? 0));
    }
  }, 60_000);

  it('leaves the planned gaps: a month without rosters, reports above their rosters', () => {
    const none = months.filter((m) => m.difference === 'no-roster');
    expect(none).toHaveLength(1);
    expect(none[0]!.classes).toEqual([]);
    for (const m of months.filter((x) => x.difference === 'report-above-rosters')) {
      const lines = m.classes.reduce((s, c) => s + c.roster.trainees.length, 0);
      const reported = m.rows.reduce(
        (s, r) => s + PERSON_TIME_INDICATORS.reduce((t, code) => t + (r.values[code] ?? 0), 0),
        0,
      );
      expect(lines).toBeLessThan(reported);
    }
  });

  it('draws realistic people: Liuzhou ID numbers, unique unless a case reuses them', () => {
    const lines = months.flatMap((m) => m.classes.flatMap((c) => c.roster.trainees));
    expect(lines.every((t) => t.idNumber.startsWith('4502'))).toBe(true);
    const overlaps = months.flatMap((m) => m.classes.filter((c) => c.cases.includes('overlap'))).length;
    expect(new Set(lines.map((t) => t.idNumber)).size).toBe(lines.length - overlaps);
  });

  it('is deterministic and fast', () => {
    expect(JSON.stringify(generate(7).slice(0, 3))).toBe(JSON.stringify(generate(7).slice(0, 3)));
    const started = performance.now();
    const again = generate(11);
    const lines = again.reduce((s, m) => s + m.classes.reduce((t, c) => t + c.roster.trainees.length, 0), 0);
    const perSecond = lines / ((performance.now() - started) / 1000);
    expect(lines).toBeGreaterThan(1000);
    expect(perSecond).toBeGreaterThan(5000);
  });
});

describe("the demo's rosters over its whole window", () => {
  it('plant a few dozen flags of every kind, none dominating (3 to 60 each)', async () => {
    const rng = createRng(2019 + 15);
    const demo = createDemoRosters(training, createDemoPeople(rng), rng);
    const months = monthRange(catalogue.campaign.start, '2021-10');
    const filed = DEPARTMENTS.flatMap((department) =>
      months.map((month) => ({ department, month, rows: generateReport(catalogue, department, month, rng) })),
    );
    const plan = planDifferences(
      filed.map((m) => `${m.department}|${m.month}`),
      rng,
    );
    const store = memoryStore();
    const flags = new Map<FlagKind, number>();
    let n = 0;
    for (const m of filed) {
      const classes = demo.monthRosters({
        ...m,
        flagRate: FLAG_RATE,
        today: '2021-11-05',
        difference: plan.get(`${m.department}|${m.month}`),
      });
      for (const { roster } of classes) {
        const ctx = { ...context(), ...store, department: m.department, today: '2021-11-05' };
        const result = await checkRoster(roster, ctx);
        if (!result.ok) throw new Error(`${m.department} ${m.month}: ${JSON.stringify(result.problems.slice(0, 3))}`);
        store.store(`c${n++}`, result);
        for (const f of result.flags) flags.set(f.kind, (flags.get(f.kind) ?? 0) + 1);
      }
    }
    for (const kind of FLAG_KINDS) {
      expect(flags.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(3);
      expect(flags.get(kind) ?? 0, kind).toBeLessThanOrEqual(60);
    }
  }, 180_000);
});
