/**
 * Which classes the demo may run: an (institution, occupation, level) the catalogue approves, of an
 * institution active at the class start, grouped by the kind of training it suits.
 */
import type { TrainingInstitution, TrainingProject } from '@lz/shared/realname/training-catalogue';
import type { LevelCode } from '@lz/shared/realname/vocabulary';
import type { TrainingCatalogue } from '../training-catalogue';

export interface Offering {
  institution: TrainingInstitution;
  project: TrainingProject;
}

/** Demo assumption: the trades enterprises train in, and the one entrepreneurship project. */
const ENTERPRISE_TRADES = new Set(['电工', '焊工', '汽车维修工', '汽车装调工', '车工']);
const ENTREPRENEURSHIP = '创业培训(SYB)';
const HIGH = new Set<LevelCode>(['L3', 'L2', 'L1']);

export type OfferingKind = 'enterprise-low' | 'enterprise-high' | 'employment' | 'entrepreneurship';

export function offeringsOf(training: TrainingCatalogue) {
  const all: Offering[] = [];
  for (const institution of training.institutions) {
    for (const a of institution.approved) {
      const occupation = training.matchOccupation(a.occupation);
      const project = occupation ? training.findProject(occupation, a.level) : null;
      if (project) all.push({ institution, project });
    }
  }
  const kindOf = (o: Offering): OfferingKind => {
    if (o.project.occupation === ENTREPRENEURSHIP) return 'entrepreneurship';
    if (!ENTERPRISE_TRADES.has(o.project.occupation)) return 'employment';
    return HIGH.has(o.project.level) ? 'enterprise-high' : 'enterprise-low';
  };
  /** Offerings of a kind open on `date`, the class county's own institutions first when it has any. */
  const pick = (kind: OfferingKind, county: string, date: string): Offering[] => {
    const open = all.filter(
      (o) => kindOf(o) === kind && (o.institution.status === '有效' || (o.institution.statusSince ?? '') > date),
    );
    const local = open.filter((o) => o.institution.county === county);
    return local.length > 0 ? local : open;
  };
  /** An open institution not approved for the project (the 目录清单 flag case). */
  const unapproved = (project: TrainingProject, date: string): TrainingInstitution | null =>
    training.institutions.find(
      (i) =>
        (i.status === '有效' || (i.statusSince ?? '') > date) &&
        !i.approved.some(
          (a) => training.matchOccupation(a.occupation) === project.occupation && a.level === project.level,
        ),
    ) ?? null;
  return { pick, unapproved };
}
