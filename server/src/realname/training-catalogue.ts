/**
 * Loads the real-name catalogues from the campaign folder (training-institutions.json, training-projects.json,
 * realname-rules.json), checks them against each other and the county list, and answers the lookups the
 * rules need: an institution by name or credit code, an occupation by a loosely typed name, a project.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Catalogue } from '@lz/shared/catalogue';
import { labelKey } from '@lz/shared/realname/label-key';
import {
  buildOccupationMatcher,
  realnameRulesSchema,
  trainingInstitutionSchema,
  trainingProjectSchema,
  type RealnameRules,
  type TrainingInstitution,
  type TrainingProject,
} from '@lz/shared/realname/training-catalogue';
import { type LevelCode, LEVELS } from '@lz/shared/realname/vocabulary';
import { defaultCampaignDir } from '../catalogue';

export interface TrainingCatalogue {
  institutions: TrainingInstitution[];
  projects: TrainingProject[];
  rules: RealnameRules;
  /** The catalogue's spelling of an occupation, or null when no project has it. */
  matchOccupation(text: string): string | null;
  /** By 统一社会信用代码 or by name (full-width/half-width and spaces ignored). */
  findInstitution(text: string): TrainingInstitution | null;
  findProject(occupation: string, level: LevelCode): TrainingProject | null;
}

const filesSchema = z.object({
  institutions: z.object({ institutions: z.array(trainingInstitutionSchema) }),
  projects: z.object({ projects: z.array(trainingProjectSchema) }),
  rules: realnameRulesSchema,
});

export function loadTrainingCatalogue(units: Catalogue['units'], dir: string = defaultCampaignDir): TrainingCatalogue {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  return buildTrainingCatalogue(units, {
    institutions: read('training-institutions'),
    projects: read('training-projects'),
    rules: read('realname-rules'),
  });
}

/** Validates the three files together and throws one error naming every problem (a broken seed is fixed once). */
export function buildTrainingCatalogue(
  units: Catalogue['units'],
  files: { institutions: unknown; projects: unknown; rules: unknown },
): TrainingCatalogue {
  const parsed = filesSchema.safeParse(files);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`实名制目录数据有误：\n${lines.join('\n')}`);
  }
  const { institutions } = parsed.data.institutions;
  const { projects } = parsed.data.projects;
  const matchOccupation = buildOccupationMatcher([...new Set(projects.map((p) => p.occupation))]);
  const problems = crossCheck(units, institutions, projects, matchOccupation);
  if (problems.length > 0) throw new Error(`实名制目录数据有误：\n${problems.join('\n')}`);

  const institutionsByKey = new Map<string, TrainingInstitution>();
  for (const inst of institutions) {
    institutionsByKey.set(inst.creditCode, inst);
    institutionsByKey.set(labelKey(inst.name), inst);
  }
  const projectsByKey = new Map(projects.map((p) => [`${p.occupation}|${p.level}`, p]));
  return {
    institutions,
    projects,
    rules: parsed.data.rules,
    matchOccupation,
    findInstitution: (text) =>
      institutionsByKey.get(text.normalize('NFKC').replace(/\s+/gu, '').toUpperCase()) ??
      institutionsByKey.get(labelKey(text)) ??
      null,
    findProject: (occupation, level) => projectsByKey.get(`${occupation}|${level}`) ?? null,
  };
}

function crossCheck(
  units: Catalogue['units'],
  institutions: TrainingInstitution[],
  projects: TrainingProject[],
  matchOccupation: (text: string) => string | null,
): string[] {
  const problems: string[] = [];
  const counties = new Set(units.map((u) => u.code));
  const seenCodes = new Set<string>();
  for (const inst of institutions) {
    if (!counties.has(inst.county)) problems.push(`机构“${inst.name}”的县区 ${inst.county} 不在县区目录中`);
    if (seenCodes.has(inst.creditCode)) problems.push(`统一社会信用代码 ${inst.creditCode} 重复`);
    seenCodes.add(inst.creditCode);
    if (inst.status !== '有效' && !inst.statusSince) problems.push(`机构“${inst.name}”状态为${inst.status}，缺少日期`);
    for (const a of inst.approved) {
      if (!matchOccupation(a.occupation)) problems.push(`机构“${inst.name}”核准的职业“${a.occupation}”不在项目目录中`);
    }
  }
  const seenProjects = new Set<string>();
  for (const p of projects) {
    const key = `${p.occupation}|${p.level}`;
    const level = LEVELS.find((l) => l.code === p.level)?.name ?? p.level;
    if (seenProjects.has(key)) problems.push(`培训项目 ${p.occupation}（${level}）重复`);
    seenProjects.add(key);
  }
  return problems;
}
