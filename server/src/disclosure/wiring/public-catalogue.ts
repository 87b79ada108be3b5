/**
 * The institutions and projects the public site lists, read for now from the campaign's catalogue files
 * (rn15's loader). These two functions are the one place to switch to the institutions table once it exists:
 * the rest of the wiring only calls `publicInstitutions()` and `publicProjects()`.
 */
import type { PublicInstitution, PublicProject } from '@lz/shared/api/disclosure';
import type { Catalogue } from '@lz/shared/catalogue';
import { LEVELS } from '@lz/shared/realname/vocabulary';
import { loadTrainingCatalogue, type TrainingCatalogue } from '../../realname/training-catalogue';

const levelName = (code: string) => LEVELS.find((l) => l.code === code)?.name ?? code;

export interface PublicCatalogue {
  /** The day the office last changed the list: the latest approval or status date in it. */
  publishedAt: string;
  items: PublicInstitution[];
}

/**
 * Every catalogued institution as the public sees it. Per-year classes and trainees come from published
 * rosters, which this catalogue does not hold: `years` stays empty until the roster tables are wired.
 */
export function publicInstitutions(catalogue: Catalogue, training: TrainingCatalogue): PublicCatalogue {
  const counties = new Map(catalogue.units.map((u) => [u.code, u.name]));
  const items = training.institutions.map((inst): PublicInstitution => {
    const approved = inst.approved.map((a) => ({ occupation: a.occupation, level: levelName(a.level) }));
    return {
      id: inst.creditCode,
      name: inst.name,
      creditCode: inst.creditCode,
      county: { code: inst.county, name: counties.get(inst.county) ?? inst.county },
      type: inst.type,
      status: inst.status,
      statusSince: inst.statusSince ?? inst.approvedOn,
      occupations: [...new Set(approved.map((a) => a.occupation))],
      approved,
      years: [],
    };
  });
  const dates = training.institutions.flatMap((i) => [i.approvedOn, i.statusSince ?? i.approvedOn]).sort();
  return { publishedAt: dates.at(-1) ?? `${catalogue.campaign.start}-01`, items };
}

export function publicProjects(training: TrainingCatalogue): PublicProject[] {
  return training.projects.map((p) => ({
    occupation: p.occupation,
    occupationCode: p.code,
    level: levelName(p.level),
    subsidyStandard: p.subsidy,
    minimumHours: p.minHours,
  }));
}

/** The catalogue files, read once per process (they change with a deployment, not at run time). */
export function trainingCatalogueOf(catalogue: Catalogue): () => TrainingCatalogue {
  let loaded: TrainingCatalogue | null = null;
  return () => {
    loaded ??= loadTrainingCatalogue(catalogue.units);
    return loaded;
  };
}
