/**
 * The county's X1, X3 and F1–F3 spread over its demo lines so the rosters add up to the report exactly: poor
 * labour mostly in key-group classes, certificates at random, subsidies under each line's catalogue standard.
 * A few classes get one line paid above the standard (a flag case) from another line of the same class.
 */
import type { FlagKind, RosterInput } from '@lz/shared/api/rosters';
import type { ReportRow } from '@lz/shared/report-body';
import type { Rng } from '../../demo/prng';
import type { Offering } from './demo-offerings';
import { splitEvenly, splitUnderCaps } from './split-money';

export interface DemoClass {
  roster: RosterInput;
  /** The flag cases deliberately put in this class. */
  cases: FlagKind[];
}

/** X1, X3 and F1–F3 of the county spread over its lines, exactly. */
export function assignMoney(row: ReportRow, classes: DemoClass[], chosen: Offering[], rng: Rng, flagRate: number) {
  const v = (code: string) => row.values[code] ?? 0;
  const lines = classes.flatMap((c, ci) => c.roster.trainees.map((t) => ({ t, ci })));
  // Poor labour is mostly in key-group classes: those lines come first.
  const byKeyFirst = [...lines].sort((a, b) => Number(isKey(classes[b.ci])) - Number(isKey(classes[a.ci])));
  const poor = byKeyFirst.slice(0, Math.min(v('X1'), lines.length));
  for (const { t } of poor) t.poor = true;
  const certified = shuffle([...lines], rng).slice(0, Math.min(v('X3'), lines.length));
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

export function shuffle<T>(list: T[], rng: Rng): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
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
