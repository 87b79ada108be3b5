/**
 * The rules that need a person's earlier trainings across every stored roster of every department (六(二)):
 * at most N subsidised trainings per calendar year counted by the configured class date, never the same
 * occupation and level twice, and, where configured, no lower level of an occupation already trained higher.
 * Only a subsidised line (training subsidy > 0) is judged: an unsubsidised training uses no allowance.
 */
import type { ClassRef, RosterProblem } from '@lz/shared/api/rosters';
import type { RealnameRules } from '@lz/shared/realname/training-catalogue';
import { type LevelCode, LEVELS } from '@lz/shared/realname/vocabulary';
import type { ResolvedTrainee } from './check-trainees';
import type { Locator } from './locate';
import type { ResolvedClass } from './resolve-class';

/** One earlier training of a person, as the storage layer answers it. */
export interface PriorTraining {
  classId: string;
  department: string;
  institution: string | null;
  occupation: string;
  level: LevelCode;
  startDate: string;
  endDate: string;
  trainingSubsidy: number;
}

const levelName = (code: LevelCode) => LEVELS.find((l) => l.code === code)?.name ?? code;
const rankOf = (code: LevelCode) => LEVELS.find((l) => l.code === code)?.rank ?? null;

/** "市总工会 柳州市交通技工学校 焊工（五级/初级工）2020-01-13 至 2020-01-31", for messages. */
export function describeClass(
  c: Pick<ClassRef, 'department' | 'institution' | 'occupation' | 'level'> & ClassDates,
  departmentName: (code: string) => string,
) {
  const department = departmentName(c.department);
  const who = c.institution ? `${department} ${c.institution}` : department;
  return `${who} ${c.occupation}（${c.level}）${c.startDate} 至 ${c.endDate}`;
}
interface ClassDates {
  startDate: string;
  endDate: string;
}

export function toClassRef(p: PriorTraining): ClassRef {
  const { classId, department, institution, occupation, startDate, endDate } = p;
  return { classId, department, institution, occupation, level: levelName(p.level), startDate, endDate };
}

export function checkHistory(
  klass: ResolvedClass,
  trainees: readonly ResolvedTrainee[],
  priorsOf: (t: ResolvedTrainee) => readonly PriorTraining[],
  rules: RealnameRules,
  at: Locator,
  departmentName: (code: string) => string,
): RosterProblem[] {
  const describe = (p: PriorTraining) => describeClass(toClassRef(p), departmentName);
  const problems: RosterProblem[] = [];
  const countingDate = (d: ClassDates) => (rules.countingDate === 'endDate' ? d.endDate : d.startDate);
  const year = countingDate(klass).slice(0, 4);
  const rank = rankOf(klass.level);
  for (const t of trainees) {
    if (t.trainingSubsidy <= 0) continue;
    const refuse = (rule: string, message: string) => problems.push({ ...at.line(t.line, 'idNumber'), rule, message });
    const subsidised = priorsOf(t).filter((p) => p.trainingSubsidy > 0);

    const sameYear = subsidised.filter((p) => countingDate(p).slice(0, 4) === year);
    if (sameYear.length + 1 > rules.subsidiesPerPersonPerYear) {
      const list = sameYear.map(describe).join('；');
      refuse(
        'subsidy-cap',
        `${t.name} ${year} 年已享受 ${sameYear.length} 次补贴性培训（${list}），本次为第 ${sameYear.length + 1} 次，` +
          `超过每人每年 ${rules.subsidiesPerPersonPerYear} 次的上限`,
      );
    }
    const same = subsidised.find((p) => p.occupation === klass.occupation && p.level === klass.level);
    if (same) {
      refuse(
        'repeat-occupation-level',
        `${t.name}已享受过${klass.occupation}（${levelName(klass.level)}）的培训补贴（${describe(same)}），` +
          '同一职业同一等级不可重复享受',
      );
    }
    const higher =
      rules.higherLevelBlocksLower && rank !== null
        ? subsidised.find((p) => p.occupation === klass.occupation && (rankOf(p.level) ?? Infinity) < rank)
        : undefined;
    if (higher) {
      refuse(
        'lower-after-higher',
        `${t.name}已享受过${klass.occupation}更高等级（${levelName(higher.level)}）的培训补贴` +
          `（${describe(higher)}），不再补贴较低等级（${levelName(klass.level)}）的培训`,
      );
    }
  }
  return problems;
}
