/**
 * The training institutions of the 目录清单 (GET/POST/PATCH /api/institutions): the office writes, every
 * change audited. County and occupation are taken by code or name, the level by its name; the credit code's
 * check character is verified (GB 32100-2015), and the whole catalogue is re-validated before it is stored.
 */
import { canEditTrainingCatalogue } from '@lz/shared/access-policy';
import type { Institution } from '@lz/shared/api/rosters';
import type { SessionUser } from '@lz/shared/api/session';
import { validateCreditCode } from '@lz/shared/realname/credit-code';
import { matchLevel } from '@lz/shared/realname/vocabulary';
import { dateInZone } from '@lz/shared/zoned-time';
import { appendAudit } from '../../db/audit-log';
import {
  findInstitutionRow,
  insertInstitution,
  listInstitutionRows,
  listProjectRows,
  updateInstitution,
} from '../../db/institution-store';
import { writeTransaction, type Db } from '../../db/open-database';
import type { Deps } from '../../deps';
import { conflict, forbidden, notFound } from '../../errors';
import { buildLabelMatcher } from '../../import/match-county';
import { catalogueProblems, catalogueRefusal } from './catalogue-refusal';
import { catalogueWith, institutionFile, toInstitution, trainingNow } from './training-now';
import { toProjectItem } from './training-projects';

type Draft = Omit<Institution, 'id'>;
type Input = Partial<
  Pick<Draft, 'name' | 'creditCode' | 'county' | 'type' | 'approved' | 'status' | 'statusReason'> & {
    statusSince: string;
  }
>;

export async function listInstitutions(deps: Deps): Promise<Institution[]> {
  return (await listInstitutionRows(deps.db)).map(toInstitution);
}

export async function listTrainingProjects(deps: Deps) {
  return (await listProjectRows(deps.db)).map(toProjectItem);
}

export async function createInstitution(
  deps: Deps,
  input: Required<Omit<Input, 'status' | 'statusReason' | 'statusSince'>>,
  actor: SessionUser,
  ip: string | null,
) {
  const today = dateInZone(deps.clock.now(), deps.catalogue.campaign.timeZone);
  const draft: Draft = { ...input, status: '有效', approvedOn: today, statusSince: null, statusReason: null };
  return save(deps, actor, ip, null, draft, input, today);
}

export async function patchInstitution(deps: Deps, id: number, input: Input, actor: SessionUser, ip: string | null) {
  const before = await findInstitutionRow(deps.db, id);
  if (!before) throw notFound('培训机构不存在');
  const old = toInstitution(before);
  const today = dateInZone(deps.clock.now(), deps.catalogue.campaign.timeZone);
  const statusChanged = input.status !== undefined && input.status !== old.status;
  const draft: Draft = {
    ...old,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    // The day it took effect as the office states it (a suspension decided last week), else today.
    statusSince: input.statusSince ?? (statusChanged ? today : old.statusSince),
    statusReason: input.statusReason ?? (statusChanged ? null : old.statusReason),
  };
  return save(deps, actor, ip, old, draft, input, today);
}

async function save(
  deps: Deps,
  actor: SessionUser,
  ip: string | null,
  old: Institution | null,
  draft: Draft,
  input: Input,
  today: string,
) {
  if (!canEditTrainingCatalogue(actor)) throw forbidden('培训机构目录由统计管理员维护');
  const normalised = await normalise(deps, draft, today);
  const id = await writeTransaction(deps.db, async (trx) => {
    const rows = await listInstitutionRows(trx);
    if (rows.some((r) => r.credit_code === normalised.creditCode && r.id !== old?.id))
      throw conflict(`统一社会信用代码 ${normalised.creditCode} 已在目录中`);
    const others = rows.filter((r) => r.id !== old?.id).map((r) => institutionFile(toInstitution(r)));
    await validateWhole(deps, trx, [...others, institutionFile(normalised)]);
    const row = {
      name: normalised.name,
      credit_code: normalised.creditCode,
      county: normalised.county,
      type: normalised.type,
      approved: JSON.stringify(normalised.approved),
      status: normalised.status,
      approved_on: normalised.approvedOn,
      status_since: normalised.statusSince,
      status_reason: normalised.statusReason,
      updated_at: deps.clock.now().toISOString(),
      updated_by: actor.username,
    };
    let saved: number;
    if (old) {
      await updateInstitution(trx, old.id, row);
      saved = old.id;
    } else saved = await insertInstitution(trx, row);
    await appendAudit(trx, deps.clock.now(), {
      actor: actor.username,
      action: old ? 'institution.update' : 'institution.create',
      target: `institution/${saved}`,
      before: old ?? undefined,
      after: input,
      ip,
    });
    return saved;
  });
  return toInstitution(
    (await findInstitutionRow(deps.db, id)) as NonNullable<Awaited<ReturnType<typeof findInstitutionRow>>>,
  );
}

/**
 * Credit code, county, occupations and levels to the catalogue's spelling, and the status date checked; or one
 * 400 listing every problem, so the office fixes the form once.
 */
async function normalise(deps: Deps, d: Draft, today: string): Promise<Draft> {
  const problems: string[] = [];
  const code = validateCreditCode(d.creditCode);
  if (!code.ok) problems.push(code.message);
  const county = buildLabelMatcher(deps.catalogue)(d.county);
  if (county.kind !== 'county') problems.push(`县区“${d.county}”不在县区目录中`);
  const { training } = await trainingNow(deps, deps.db);
  const approved = d.approved.flatMap((a) => {
    const occupation = training.matchOccupation(a.occupation);
    const level = matchLevel(a.level);
    if (!occupation) problems.push(`职业“${a.occupation}”不在培训项目目录中`);
    if (!level) problems.push(`等级“${a.level}”无法识别`);
    return occupation && level ? [{ occupation, level: level.name }] : [];
  });
  if (d.statusSince && d.statusSince > today) problems.push(`状态日期 ${d.statusSince} 晚于今天（${today}）`);
  if (d.statusSince && d.statusSince < d.approvedOn)
    problems.push(`状态日期 ${d.statusSince} 早于机构的核准日期 ${d.approvedOn}`);
  if (problems.length > 0 || !code.ok || county.kind !== 'county') throw catalogueRefusal('培训机构', problems);
  return { ...d, creditCode: code.creditCode, county: county.code, approved };
}

async function validateWhole(deps: Deps, db: Db, institutions: ReturnType<typeof institutionFile>[]) {
  await catalogueWith(deps, db, institutions).catch((err: unknown) => {
    throw catalogueRefusal('培训机构目录', catalogueProblems(err));
  });
}
