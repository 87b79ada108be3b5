/**
 * The institutions and projects the public site lists: the 目录清单 as the office maintains it (the
 * training_institutions and training_projects tables the roster rules read), so an edit through the API
 * shows on the next page view. An institution's per-year figures count published rosters only: a roster in
 * a notice batch whose 公示 is published and not withdrawn, itself not withdrawn (decisions #16).
 */
import {
  institutionStatuses,
  institutionTypes,
  type PublicInstitution,
  type PublicProject,
} from '@lz/shared/api/disclosure';
import { dateInZone } from '@lz/shared/zoned-time';
import { listNoticeBatchRows } from '../../db/disclosure-store';
import { type InstitutionRow, listInstitutionRows, listProjectRows } from '../../db/institution-store';
import { rosterSummaries } from '../../db/notice-class-store';
import type { Db } from '../../db/open-database';
import type { Deps } from '../../deps';
import { levelLabel, rosterIdsOf } from './notice-classes';

type Year = PublicInstitution['years'][number];

export interface PublicCatalogue {
  /** The day the office last changed the list: the latest approval, status or edit date in it. */
  publishedAt: string;
  items: PublicInstitution[];
}

const typeOf = (t: string) => institutionTypes.find((x) => x === t) ?? '其他';
const statusOf = (s: string) => institutionStatuses.find((x) => x === s) ?? '有效';

/** Edits by a person move the date on; the first seed from the campaign's files ('catalogue') does not. */
function changedOn(r: InstitutionRow, zone: string): string[] {
  const edited = r.updated_by === 'catalogue' ? [] : [dateInZone(new Date(r.updated_at), zone)];
  return [r.approved_on, r.status_since ?? r.approved_on, ...edited];
}

function toPublic(r: InstitutionRow, counties: Map<string, string>, years: Year[]): PublicInstitution {
  const approved = (JSON.parse(r.approved) as { occupation: string; level: string }[]).map((a) => ({
    occupation: a.occupation,
    level: levelLabel(a.level),
  }));
  return {
    id: r.credit_code,
    name: r.name,
    creditCode: r.credit_code,
    county: { code: r.county, name: counties.get(r.county) ?? r.county },
    type: typeOf(r.type),
    status: statusOf(r.status),
    statusSince: r.status_since ?? r.approved_on,
    occupations: [...new Set(approved.map((a) => a.occupation))],
    approved,
    years,
  };
}

/**
 * Every catalogued institution as the public sees it. `withYears` adds the per-year figures of the
 * institutions it names (by credit code), read from the published rosters; the others keep `years: []`.
 */
export async function publicInstitutions(deps: Deps, withYears: readonly string[] = []): Promise<PublicCatalogue> {
  const zone = deps.catalogue.campaign.timeZone;
  const rows = await listInstitutionRows(deps.db);
  const counties = new Map(deps.catalogue.units.map((u) => [u.code, u.name]));
  const wanted = rows.filter((r) => withYears.includes(r.credit_code)).map((r) => r.id);
  const years = wanted.length > 0 ? await publishedYears(deps.db, new Set(wanted)) : new Map<number, Year[]>();
  const items = rows.map((r) => toPublic(r, counties, years.get(r.id) ?? []));
  const dates = rows.flatMap((r) => changedOn(r, zone)).sort();
  return { publishedAt: dates.at(-1) ?? `${deps.catalogue.campaign.start}-01`, items };
}

export async function publicProjects(db: Db): Promise<PublicProject[]> {
  return (await listProjectRows(db)).map((p) => ({
    occupation: p.occupation,
    occupationCode: p.code,
    level: levelLabel(p.level),
    subsidyStandard: p.subsidy,
    minimumHours: p.min_hours,
  }));
}

/** The rosters of published, not withdrawn notice batches. */
export async function publishedRosterIds(db: Db): Promise<Set<number>> {
  const live = (await listNoticeBatchRows(db)).filter((b) => b.published_at !== null && b.withdrawn_at === null);
  return new Set(live.flatMap((b) => rosterIdsOf(JSON.parse(b.class_ids) as string[])));
}

/** Classes, people and subsidies per calendar year of 结业日期, per institution row id, oldest year first. */
async function publishedYears(db: Db, institutions: ReadonlySet<number>): Promise<Map<number, Year[]>> {
  const rosters = await rosterSummaries(db, [...(await publishedRosterIds(db))]);
  const sums = new Map<number, Map<number, { classes: number; trainees: number; fen: number }>>();
  for (const r of rosters) {
    if (r.status !== 'active' || !institutions.has(r.institution_id)) continue;
    const byYear = sums.get(r.institution_id) ?? new Map();
    const year = Number(r.end_date.slice(0, 4));
    const s = byYear.get(year) ?? { classes: 0, trainees: 0, fen: 0 };
    byYear.set(year, {
      classes: s.classes + 1,
      trainees: s.trainees + r.trainees,
      fen: s.fen + Math.round(r.amount * 100),
    });
    sums.set(r.institution_id, byYear);
  }
  const out = new Map<number, Year[]>();
  for (const [id, byYear] of sums) {
    const years = [...byYear].sort(([a], [b]) => a - b);
    out.set(
      id,
      years.map(([year, s]) => ({ year, classes: s.classes, trainees: s.trainees, subsidies: s.fen / 100 })),
    );
  }
  return out;
}
