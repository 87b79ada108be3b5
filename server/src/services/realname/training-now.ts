/** The 目录清单 as the database holds it now, in the shape the roster rules use (realname/training-catalogue). */
import type { Institution } from '@lz/shared/api/rosters';
import type { Db } from '../../db/open-database';
import { listInstitutionRows, listProjectRows, type InstitutionRow, type ProjectRow } from '../../db/institution-store';
import type { Deps } from '../../deps';
import { buildTrainingCatalogue, type TrainingCatalogue } from '../../realname/training-catalogue';
import { baseTrainingCatalogue, levelName } from './open-realname';

export function toInstitution(r: InstitutionRow): Institution {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    county: r.county,
    type: r.type,
    approved: JSON.parse(r.approved) as Institution['approved'],
    status: r.status,
    approvedOn: r.approved_on,
    statusSince: r.status_since,
    statusReason: r.status_reason,
  };
}

/** The catalogue files' shape of an institution (what buildTrainingCatalogue validates). */
export function institutionFile(i: Omit<Institution, 'id'>) {
  return {
    name: i.name,
    creditCode: i.creditCode,
    county: i.county,
    type: i.type,
    approved: i.approved,
    status: i.status,
    approvedOn: i.approvedOn,
    ...(i.statusSince ? { statusSince: i.statusSince } : {}),
    ...(i.statusReason ? { statusReason: i.statusReason } : {}),
  };
}

/** Builds (and so validates) the catalogue from institutions in file form and the stored projects. */
export async function catalogueWith(
  deps: Deps,
  db: Db,
  institutions: ReturnType<typeof institutionFile>[],
): Promise<TrainingCatalogue> {
  return catalogueOf(deps, await listProjectRows(db), institutions);
}

/** Builds (and so validates) the catalogue from project rows and institutions in file form; throws its problems. */
export function catalogueOf(
  deps: Deps,
  projectRows: readonly Omit<ProjectRow, 'id'>[],
  institutions: ReturnType<typeof institutionFile>[],
): TrainingCatalogue {
  const projects = projectRows.map((p) => ({
    occupation: p.occupation,
    code: p.code,
    level: p.level,
    subsidy: p.subsidy,
    minHours: p.min_hours,
  }));
  const key = JSON.stringify([institutions, projects]);
  const cached = built.get(deps.catalogue);
  if (cached?.key === key) return cached.training;
  const { rules } = baseTrainingCatalogue(deps.catalogue);
  const training = buildTrainingCatalogue(deps.catalogue.units, {
    institutions: { institutions },
    projects: { projects },
    rules: rawRules(rules),
  });
  built.set(deps.catalogue, { key, training });
  return training;
}

/**
 * The last catalogue built per campaign, by the rows it was built from: every filing reads the rows (an edit
 * shows at once) but validates and indexes them again only when they changed, which was a fifth of a filing.
 */
const built = new WeakMap<Deps['catalogue'], { key: string; training: TrainingCatalogue }>();

/** The current catalogue and each institution's row id by credit code. */
export async function trainingNow(
  deps: Deps,
  db: Db,
): Promise<{ training: TrainingCatalogue; ids: Map<string, number> }> {
  const rows = await listInstitutionRows(db);
  const training = await catalogueWith(
    deps,
    db,
    rows.map((r) => institutionFile(toInstitution(r))),
  );
  return { training, ids: new Map(rows.map((r) => [r.credit_code, r.id])) };
}

/** The parsed rules back in file form (minimum hours by level name), so the catalogue can be rebuilt. */
function rawRules(rules: TrainingCatalogue['rules']) {
  return {
    ...rules,
    minimumHours: Object.fromEntries(Object.entries(rules.minimumHours).map(([l, h]) => [levelName(l), h])),
  };
}
