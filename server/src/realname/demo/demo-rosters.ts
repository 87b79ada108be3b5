/**
 * Demo rosters behind a department's monthly figures: for each county the classes and trainees whose
 * contribution (contribution.ts) adds up exactly to the report's roster-covered indicators, with a few
 * deliberate flag cases of every kind for inspectors to find. Pure and deterministic given the generator.
 */
import type { FlagKind, RosterInput, TraineeInput } from '@lz/shared/api/rosters';
import type { ReportRow } from '@lz/shared/report-body';
import { LEVELS, TRAINEE_GROUPS } from '@lz/shared/realname/vocabulary';
import { apportion } from '../../demo/generate-figures';
import type { Rng } from '../../demo/prng';
import type { TrainingCatalogue } from '../training-catalogue';
import type { DemoPeople } from './demo-people';
import { type Offering, type OfferingKind, offeringsOf } from './demo-offerings';
import { assignMoney, type DemoClass, shuffle } from './demo-money';

const E_TYPES: Record<string, string> = {
  E1: '岗前培训',
  E2: '岗位技能提升培训',
  E3: '转岗转业培训',
  E4: '安全技能培训',
  E5: '企业新型学徒制',
};
const GROUP_OF = new Map(TRAINEE_GROUPS.flatMap((g) => (g.indicator ? [[g.indicator, g.name]] : [])));
/** Trades mostly women do (demo assumption), for the gender of the people drawn. */
const WOMENS_TRADES = new Set(['养老护理员', '育婴员', '保育员', '家政服务员', '侗族刺绣', '茶艺师']);
const MAX_CLASS = 45;

export interface MonthInput {
  department: string;
  month: string;
  rows: readonly ReportRow[];
  /** Chance that a class carries each kind of flag case. */
  flagRate: number;
  /** Last day a class may end (the demo clock). */
  today: string;
  /** A deliberate gap between the report and its rosters (planDifferences). */
  difference?: MonthDifference;
}

/**
 * Reports and rosters agree in most months; inspectors should find a few that do not: a month whose report
 * has no roster at all, and months whose report is above its rosters (a class never filed).
 */
export type MonthDifference = 'none' | 'no-roster' | 'report-above-rosters';

export function planDifferences(keys: readonly string[], rng: Rng, counts = { noRoster: 2, above: 5 }) {
  const plan = new Map<string, MonthDifference>();
  const free = [...keys];
  const take = (n: number, kind: MonthDifference) => {
    for (let i = 0; i < n && free.length > 0; i++) plan.set(free.splice(rng.int(0, free.length - 1), 1)[0] ?? '', kind);
  };
  take(counts.noRoster, 'no-roster');
  take(counts.above, 'report-above-rosters');
  return plan;
}

interface Slot {
  column: string;
  kind: OfferingKind;
  trainingType: string;
}

export function createDemoRosters(training: TrainingCatalogue, people: DemoPeople, rng: Rng) {
  const offerings = offeringsOf(training);
  const pick = <T>(list: readonly T[]): T => list[rng.int(0, list.length - 1)] as T;

  function monthRosters(input: MonthInput): DemoClass[] {
    if (input.difference === 'no-roster') return [];
    const classes = input.rows.flatMap((row) => countyClasses(input, row));
    addOverlaps(classes, input.flagRate);
    if (input.difference === 'report-above-rosters') {
      // The largest class is the one "not yet filed": the gap is big enough to see on the page.
      const largest = classes.reduce(
        (best, c, i) => (c.roster.trainees.length > (classes[best]?.roster.trainees.length ?? 0) ? i : best),
        0,
      );
      classes.splice(largest, 1);
    }
    return classes;
  }

  function countyClasses(input: MonthInput, row: ReportRow): DemoClass[] {
    const v = (code: string) => row.values[code] ?? 0;
    const slots: Slot[] = [];
    const eColumns = Object.keys(E_TYPES);
    const eCounts = eColumns.map(v);
    const high = apportion(
      Math.min(
        v('X4'),
        eCounts.reduce((s, n) => s + n, 0),
      ),
      eCounts,
    );
    eColumns.forEach((column, i) => {
      const n = eCounts[i] ?? 0;
      const trainingType = E_TYPES[column] ?? '';
      for (let k = 0; k < n; k++) {
        slots.push({ column, kind: k < (high[i] ?? 0) ? 'enterprise-high' : 'enterprise-low', trainingType });
      }
    });
    const keySlots = [...GROUP_OF.keys()].flatMap((column) =>
      Array.from({ length: v(column) }, () => ({
        column,
        kind: 'employment' as OfferingKind,
        trainingType: '就业技能培训',
      })),
    );
    shuffle(keySlots, rng);
    keySlots.slice(0, Math.min(v('X2'), keySlots.length)).forEach((s) => {
      s.kind = 'entrepreneurship';
      s.trainingType = '创业培训';
    });
    slots.push(...keySlots);

    const groups = new Map<string, Slot[]>();
    for (const s of slots) {
      const key = `${s.trainingType}|${s.kind}`;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    let classes = buildClasses(input, row.county, groups, false);
    // A reported sum above every class's standard together would put lines over it in every such county
    // and month: the classes are drawn again from the best-paid projects on offer, so only a true surplus shows.
    const caps = (list: typeof classes) =>
      list.reduce((s, c) => s + c.klass.roster.trainees.length * c.offering.project.subsidy, 0);
    if ((row.values.F1 ?? 0) > caps(classes)) classes = buildClasses(input, row.county, groups, true);
    assignMoney(
      row,
      classes.map((c) => c.klass),
      classes.map((c) => c.offering),
      rng,
      input.flagRate,
    );
    return classes.map((c) => c.klass);
  }

  function buildClasses(input: MonthInput, county: string, groups: Map<string, Slot[]>, richest: boolean) {
    const classes: { klass: DemoClass; offering: Offering }[] = [];
    for (const group of groups.values()) {
      const sizes = apportion(
        group.length,
        Array.from({ length: Math.ceil(group.length / MAX_CLASS) }, () => 1),
      );
      let from = 0;
      for (const size of sizes) {
        const part = group.slice(from, from + size);
        from += size;
        const first = part[0];
        if (!first) continue;
        const built = buildClass(input, county, first, part, richest);
        if (built) classes.push(built);
      }
    }
    return classes;
  }

  function buildClass(input: MonthInput, county: string, first: Slot, part: Slot[], richest: boolean) {
    const lastDay = new Date(Date.UTC(Number(input.month.slice(0, 4)), Number(input.month.slice(5, 7)), 0));
    const endDay = Math.min(lastDay.getUTCDate(), rng.int(6, lastDay.getUTCDate()));
    let endDate = `${input.month}-${String(endDay).padStart(2, '0')}`;
    if (endDate > input.today) endDate = input.today;
    const options = offerings.pick(first.kind, county, endDate);
    if (options.length === 0) return null;
    const offering = richest
      ? options.reduce((best, o) => (o.project.subsidy > best.project.subsidy ? o : best))
      : pick(options);
    const cases = (['shared-phone', 'retirement-age', 'hours-below-minimum', 'not-approved'] as FlagKind[]).filter(
      (kind) =>
        part.length >= 5 &&
        rng.chance(input.flagRate) &&
        (kind !== 'retirement-age' || first.kind !== 'entrepreneurship'),
    );
    const minHours = offering.project.minHours;
    const hours = cases.includes('hours-below-minimum') ? Math.max(8, minHours - 16) : minHours + pick([0, 0, 8, 16]);
    const days = Math.ceil(hours / 6) + rng.int(0, 4);
    const startDate = new Date(Date.parse(endDate) - days * 86_400_000).toISOString().slice(0, 10);
    const institution = cases.includes('not-approved')
      ? (offerings.unapproved(offering.project, startDate) ?? offering.institution)
      : offering.institution;
    const female = WOMENS_TRADES.has(offering.project.occupation)
      ? 0.85
      : first.kind.startsWith('enterprise')
        ? 0.25
        : 0.5;
    const trainees: TraineeInput[] = part.map((s, i) => {
      const group = GROUP_OF.get(s.column) ?? '企业职工';
      const old = cases.includes('retirement-age') && i === 0;
      const p = people.person({ county, group, female, at: startDate, ...(old ? { age: 61, gender: '男' } : {}) });
      return {
        name: p.name,
        gender: p.gender,
        idNumber: p.idNumber,
        group,
        poor: false,
        phone: p.phone,
        certificateType: '',
        certificateNo: '',
        trainingSubsidy: 0,
        livingSubsidy: 0,
        assessmentSubsidy: 0,
      };
    });
    if (cases.includes('shared-phone')) for (const t of trainees.slice(1, 3)) t.phone = trainees[0]?.phone ?? t.phone;
    const level = LEVELS.find((l) => l.code === offering.project.level)?.name ?? '';
    const roster: RosterInput = {
      class: {
        department: input.department,
        institution: institution.name,
        trainingType: first.trainingType,
        occupation: offering.project.occupation,
        level,
        county,
        startDate,
        endDate,
        hours,
      },
      trainees,
      total: null,
    };
    return { klass: { roster, cases }, offering };
  }

  /** A person of an earlier class of the month also in a later one with overlapping dates (another trade). */
  function addOverlaps(classes: DemoClass[], flagRate: number) {
    // Each person is reused once at most: a chain would pass the yearly cap, which is a refusal, not a flag.
    const reused = new Set<string>();
    for (let bi = 1; bi < classes.length; bi++) {
      const b = classes[bi];
      if (!b || b.roster.trainees.length < 5 || !rng.chance(flagRate)) continue;
      const a = classes
        .slice(0, bi)
        .find(
          (c) =>
            c.roster.class.occupation !== b.roster.class.occupation &&
            c.roster.class.startDate <= b.roster.class.endDate &&
            c.roster.class.endDate >= b.roster.class.startDate,
        );
      const who = a?.roster.trainees.at(-1);
      const line = b.roster.trainees.at(-1);
      if (!who || !line || reused.has(who.idNumber) || reused.has(line.idNumber)) continue;
      reused.add(who.idNumber);
      Object.assign(line, { name: who.name, gender: who.gender, idNumber: who.idNumber, phone: who.phone });
      b.cases.push('overlap');
    }
  }

  return { monthRosters };
}
