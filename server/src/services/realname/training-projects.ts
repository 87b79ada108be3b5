/**
 * PATCH /api/training-projects/:id: the office edits a project's subsidy standard, minimum hours, occupation
 * name or code. The whole catalogue is rebuilt with the change inside the write transaction before it is
 * stored (a renamed occupation must leave every institution's approval resolvable), and audited with it.
 * Nothing is cached: every roster reads the catalogue in its own transaction, so every process sees the edit
 * from the next roster on.
 */
import { canEditTrainingCatalogue } from '@lz/shared/access-policy';
import type { PatchTrainingProject } from '@lz/shared/api/rosters';
import type { SessionUser } from '@lz/shared/api/session';
import { appendAudit } from '../../db/audit-log';
import {
  findProjectRow,
  listInstitutionRows,
  listProjectRows,
  type ProjectRow,
  updateProject,
} from '../../db/institution-store';
import { writeTransaction } from '../../db/open-database';
import type { Deps } from '../../deps';
import { forbidden, notFound } from '../../errors';
import { catalogueProblems, catalogueRefusal } from './catalogue-refusal';
import { catalogueOf, institutionFile, toInstitution } from './training-now';

export function toProjectItem(p: ProjectRow) {
  return {
    id: p.id,
    occupation: p.occupation,
    code: p.code,
    level: p.level,
    subsidy: p.subsidy,
    minHours: p.min_hours,
  };
}

export async function patchTrainingProject(
  deps: Deps,
  id: number,
  input: PatchTrainingProject,
  actor: SessionUser,
  ip: string | null,
) {
  if (!canEditTrainingCatalogue(actor)) throw forbidden('培训项目目录由统计管理员维护');
  return writeTransaction(deps.db, async (trx) => {
    const old = await findProjectRow(trx, id);
    if (!old) throw notFound('培训项目不存在');
    const row: Omit<ProjectRow, 'id'> = {
      occupation: input.occupation ?? old.occupation,
      code: input.code === undefined ? old.code : input.code,
      level: old.level,
      subsidy: input.subsidy ?? old.subsidy,
      min_hours: input.minHours ?? old.min_hours,
    };
    const projects = (await listProjectRows(trx)).map((p) => (p.id === id ? { ...row, id } : p));
    const institutions = (await listInstitutionRows(trx)).map((r) => institutionFile(toInstitution(r)));
    checkWhole(deps, projects, institutions);
    await updateProject(trx, id, row);
    await appendAudit(trx, deps.clock.now(), {
      actor: actor.username,
      action: 'training-project.update',
      target: `training-project/${id}`,
      before: toProjectItem(old),
      after: input,
      ip,
    });
    return toProjectItem({ ...row, id });
  });
}

/** The catalogue rebuilt with the edit; every problem it has (a duplicate, an approval left dangling) listed. */
function checkWhole(deps: Deps, projects: ProjectRow[], institutions: ReturnType<typeof institutionFile>[]) {
  const problems: string[] = [];
  // One 大典 code names one occupation (its levels share it); two occupations under one code is a typing slip.
  const occupationOfCode = new Map<string, string>();
  for (const p of projects) {
    if (p.code === null) continue;
    const known = occupationOfCode.get(p.code);
    if (known === undefined) occupationOfCode.set(p.code, p.occupation);
    else if (known !== p.occupation) problems.push(`职业代码 ${p.code} 已用于“${known}”，不能再用于“${p.occupation}”`);
  }
  try {
    catalogueOf(deps, projects, institutions);
  } catch (err) {
    problems.push(...catalogueProblems(err));
  }
  if (problems.length > 0) throw catalogueRefusal('培训项目', problems);
}
