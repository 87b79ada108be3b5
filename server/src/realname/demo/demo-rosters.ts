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
import { splitEvenly, splitUnderCaps } from './split-money';

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

export interface DemoClass {
  roster: RosterInput;
  /** The flag cases deliberately put in this class. */
  cases: FlagKind[];
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
    shuffle(keySlots);
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
    const classes: { klass: DemoClass; slots: Slot[]; offering: Offering }[] = [];
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
        const built = buildClass(input, row.county, first, part);
        if (built) classes.push(built);
      }
    }
    assignMoney(
      input.flagRate,
      row,
      classes.map((c) => c.klass),
      classes.map((c) => c.offering),
    );
    return classes.map((c) => c.klass);
  }

  function buildClass(input: MonthInput, county: string, first: Slot, part: Slot[]) {
    const lastDay = new Date(Date.UTC(Number(input.month.slice(0, 4)), Number(input.month.slice(5, 7)), 0));
    const endDay = Math.min(lastDay.getUTCDate(), rng.int(6, lastDay.getUTCDate()));
    let endDate = `${input.month}-${String(endDay).padStart(2, '0')}`;
    if (endDate > input.today) endDate = input.today;
    const options = offerings.pick(first.kind, county, endDate);
    if (options.length === 0) return null;
    const offering = pick(options);
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
    return { klass: { roster, cases }, slots: part, offering };
  }

  /** X1, X3 and F1–F3 of the county spread over its lines, exactly. */
  function assignMoney(flagRate: number, row: ReportRow, classes: DemoClass[], chosen: Offering[]) {
    const v = (code: string) => row.values[code] ?? 0;
    const lines = classes.flatMap((c, ci) => c.roster.trainees.map((t) => ({ t, ci })));
    // Poor labour is mostly in key-group classes: those lines come first.
    const byKeyFirst = [...lines].sort((a, b) => Number(isKey(classes[b.ci])) - Number(isKey(classes[a.ci])));
    const poor = byKeyFirst.slice(0, Math.min(v('X1'), lines.length));
    for (const { t } of poor) t.poor = true;
    const certified = shuffle([...lines]).slice(0, Math.min(v('X3'), lines.length));
    for (const { t, ci } of certified) {
      const c = classes[ci]?.roster.class;
      t.certificateType = certificateFor(c?.trainingType ?? '', c?.level ?? '', c?.occupation ?? '');
      t.certificateNo = `${c?.startDate.replace(/-/gu, '') ?? ''}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
    }
    const f1 = splitUnderCaps(
      v('F1'),
      lines.map(({ ci }) => chosen[ci]?.project.subsidy ?? 0),
    );
    lines.forEach(({ t }, i) => {
      t.trainingSubsidy = f1[i] ?? 0;
    });
    const f2 = splitEvenly(v('F2'), poor.length);
    poor.forEach(({ t }, i) => {
      t.livingSubsidy = f2[i] ?? 0;
    });
    const assessed = certified.length > 0 ? certified : lines;
    const f3 = splitEvenly(v('F3'), assessed.length);
    assessed.forEach(({ t }, i) => {
      t.assessmentSubsidy = f3[i] ?? 0;
    });

    classes.forEach((c, ci) => {
      const standard = chosen[ci]?.project.subsidy ?? 0;
      const [a, b] = c.roster.trainees;
      // The sum stays the report's: what one line is paid above the standard another line is paid less.
      if (a && b && c.roster.trainees.length >= 5 && c.cases.length === 0 && rng.chance(flagRate)) {
        const over = standard + 200 - a.trainingSubsidy;
        if (over > 0 && b.trainingSubsidy >= over) {
          a.trainingSubsidy += over;
          b.trainingSubsidy = Math.round((b.trainingSubsidy - over) * 100) / 100;
          c.cases.push('subsidy-above-standard');
        }
      }
      const sum = (f: 'trainingSubsidy' | 'livingSubsidy' | 'assessmentSubsidy') =>
        Math.round(c.roster.trainees.reduce((s, t) => s + t[f] * 100, 0)) / 100;
      c.roster.total = {
        trainees: c.roster.trainees.length,
        trainingSubsidy: sum('trainingSubsidy'),
        livingSubsidy: sum('livingSubsidy'),
        assessmentSubsidy: sum('assessmentSubsidy'),
      };
    });
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

  function shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [list[i], list[j]] = [list[j] as T, list[i] as T];
    }
    return list;
  }

  return { monthRosters };
}

function isKey(c: DemoClass | undefined): boolean {
  return c?.roster.class.trainingType === '就业技能培训' || c?.roster.class.trainingType === '创业培训';
}

function certificateFor(trainingType: string, level: string, occupation: string): string {
  if (occupation === '创业培训(SYB)') return '培训合格证书';
  if (level === '专项职业能力') return '专项职业能力证书';
  if (trainingType === '安全技能培训') return '特种作业操作证书';
  return '职业技能等级证书';
}
