/**
 * A roster's class information against the catalogues: the department, an institution that is listed and
 * not suspended, a known training type, occupation, level and county, dates in order and not in the future.
 * Every problem is collected; the class resolves only when none was found.
 */
import type { RosterClassInput, RosterProblem } from '@lz/shared/api/rosters';
import type { Catalogue } from '@lz/shared/catalogue';
import { isRealDate } from '@lz/shared/realname/id-number';
import { parseDateText } from '@lz/shared/realname/parse-date';
import type { TrainingInstitution, TrainingProject } from '@lz/shared/realname/training-catalogue';
import { type LevelCode, LEVELS, matchLevel, matchTrainingType, TRAINING_TYPES } from '@lz/shared/realname/vocabulary';
import { buildLabelMatcher } from '../import/match-county';
import { compact } from '../import/normalise';
import type { Locator } from './locate';
import type { TrainingCatalogue } from './training-catalogue';

export interface ResolvedClass {
  department: string;
  institution: TrainingInstitution;
  trainingType: (typeof TRAINING_TYPES)[number];
  occupation: string;
  level: LevelCode;
  /** The catalogue's project for the occupation and level, if it lists one. */
  project: TrainingProject | null;
  county: string;
  startDate: string;
  endDate: string;
  hours: number;
}

interface Inputs {
  catalogue: Catalogue;
  training: TrainingCatalogue;
  department: string;
  today: string;
}

/** The class, when every field resolved; the type and start date on their own, for the line rules regardless. */
export interface ClassResolution {
  resolved: ResolvedClass | null;
  problems: RosterProblem[];
  trainingType: ResolvedClass['trainingType'] | null;
  startDate: string | null;
}

export function resolveClass(input: RosterClassInput, ctx: Inputs, at: Locator): ClassResolution {
  const problems: RosterProblem[] = [];
  const refuse = (field: keyof RosterClassInput, rule: string, message: string) =>
    problems.push({ ...at.classField(field), rule, message });
  const missing = (field: keyof RosterClassInput, label: string) =>
    refuse(field, 'class-missing', `缺少${label}（标题行“${label}：…”）`);

  const department = resolveDepartment(input.department, ctx);
  if (department === null) refuse('department', 'class-department', `主管部门“${input.department}”不在责任单位名单中`);
  else if (department !== ctx.department) {
    const name = (code: string) => ctx.catalogue.departments.find((d) => d.code === code)?.name ?? code;
    refuse(
      'department',
      'class-department',
      `花名册的主管部门为${name(department)}，与提交单位${name(ctx.department)}不一致`,
    );
  }

  const institution = input.institution ? ctx.training.findInstitution(input.institution) : null;
  if (!input.institution) missing('institution', '培训机构');
  else if (!institution)
    refuse('institution', 'institution-unknown', `培训机构“${input.institution}”不在培训机构目录中`);

  const trainingType = input.trainingType ? matchTrainingType(input.trainingType) : null;
  if (!input.trainingType) missing('trainingType', '培训类型');
  else if (!trainingType) {
    const names = TRAINING_TYPES.map((t) => t.name).join('、');
    refuse('trainingType', 'class-training-type', `培训类型“${input.trainingType}”无法识别，应为${names}之一`);
  }

  const occupation = input.occupation ? ctx.training.matchOccupation(input.occupation) : null;
  if (!input.occupation) missing('occupation', '培训职业(工种)');
  else if (!occupation) {
    refuse('occupation', 'occupation-unknown', `培训职业(工种)“${input.occupation}”不在培训项目目录中`);
  }

  const level = input.level ? matchLevel(input.level) : null;
  if (!input.level) missing('level', '培训等级');
  else if (!level) {
    refuse('level', 'class-level', `培训等级“${input.level}”无法识别，应为${LEVELS.map((l) => l.name).join('、')}之一`);
  }

  const county = input.county ? matchCounty(input.county, ctx.catalogue) : null;
  if (!input.county) missing('county', '培训地点');
  else if (!county) refuse('county', 'class-county', `培训地点“${input.county}”不是本市的县区`);

  const startDate = readDate(input.startDate, 'startDate', '开班日期');
  const endDate = readDate(input.endDate, 'endDate', '结业日期');
  if (startDate && endDate && endDate < startDate) {
    refuse('endDate', 'class-dates', `结业日期 ${endDate} 早于开班日期 ${startDate}`);
  }
  if (endDate && endDate > ctx.today) refuse('endDate', 'class-dates', `结业日期 ${endDate} 晚于今天，班级尚未结业`);
  if (startDate && startDate > ctx.today) refuse('startDate', 'class-dates', `开班日期 ${startDate} 晚于今天`);

  if (institution && institution.status !== '有效' && startDate && (institution.statusSince ?? '') <= startDate) {
    refuse(
      'institution',
      'institution-suspended',
      `培训机构“${institution.name}”自 ${institution.statusSince} 起${institution.status}，` +
        `不能承担开班日期 ${startDate} 的补贴性培训`,
    );
  }
  const hours = input.hours;
  if (hours === null || hours <= 0) missing('hours', '课时');

  if (problems.length > 0 || !department || !institution || !trainingType || !occupation || !level || !county) {
    return { resolved: null, problems, trainingType, startDate };
  }
  if (!startDate || !endDate || hours === null) return { resolved: null, problems, trainingType, startDate };
  return {
    resolved: {
      department,
      institution,
      trainingType,
      occupation,
      level: level.code,
      project: ctx.training.findProject(occupation, level.code),
      county,
      startDate,
      endDate,
      hours,
    },
    problems,
    trainingType,
    startDate,
  };

  function readDate(raw: string, field: 'startDate' | 'endDate', label: string): string | null {
    if (!raw) {
      missing(field, label);
      return null;
    }
    const date = isRealDate(raw) ? raw : parseDateText(raw);
    if (!date) refuse(field, 'class-dates', `${label}“${raw}”不是有效日期（应如 2020-03-20）`);
    return date;
  }
}

function resolveDepartment(text: string | undefined, ctx: Inputs): string | null {
  if (!text) return ctx.department;
  const key = compact(text);
  const hit = ctx.catalogue.departments.find(
    (d) => d.code === key.toUpperCase() || compact(d.name) === key || compact(d.name) === `市${key}`,
  );
  return hit?.code ?? null;
}

/** A county by code, name or alias; else an address ("柳州市柳南区航银路…") that names one. */
function matchCounty(text: string, catalogue: Catalogue): string | null {
  const label = buildLabelMatcher(catalogue)(text);
  if (label.kind === 'county') return label.code;
  const key = compact(text);
  const names = catalogue.units
    .flatMap((u) => [u.name, ...u.aliases].map((n) => ({ code: u.code, n: compact(n) })))
    .filter((x) => x.n.length >= 2 && !/^\d+$/u.test(x.n))
    .sort((a, b) => b.n.length - a.n.length);
  return names.find((x) => key.includes(x.n))?.code ?? null;
}
