/**
 * POST /api/people/lookup: one person's trainings across every department, the subsidies used and left per
 * year, and the open flags naming them. The number goes no further than its keyed hash: the answer shows it
 * masked and the audit records who asked and the hash of whom.
 */
import { canAdjudicateFlags } from '@lz/shared/access-policy';
import type { SessionUser } from '@lz/shared/api/session';
import { maskName } from '@lz/shared/realname/masking';
import { dateInZone } from '@lz/shared/zoned-time';
import { appendAudit } from '../../db/audit-log';
import { openFlagRowsOf } from '../../db/flag-store';
import { trainingsOf } from '../../db/roster-store';
import type { Deps } from '../../deps';
import { badRequest, forbidden } from '../../errors';
import { allowanceByYear } from '../../realname/allowance';
import { lookupKey } from '../../realname/protect-trainee';
import { baseTrainingCatalogue, levelName } from './open-realname';
import { priorTrainingsFrom } from './file-roster';
import { toStoredFlag } from './read-rosters';

export async function lookUpPerson(deps: Deps, viewer: SessionUser, idNumber: string, ip: string | null) {
  if (!canAdjudicateFlags(viewer)) throw forbidden('只有督查员和统计管理员可以查询个人培训记录');
  const now = deps.clock.now();
  const key = lookupKey(idNumber, deps.pii, dateInZone(now, deps.catalogue.campaign.timeZone));
  if (!key.ok) throw badRequest(key.message, 'bad_id_number');
  await appendAudit(deps.db, now, {
    actor: viewer.username,
    action: 'person.lookup',
    target: `person/${key.idHash}`,
    ip,
  });
  const rows = await trainingsOf(deps.db, [key.idHash]);
  const priors = priorTrainingsFrom(rows).get(key.idHash) ?? [];
  const rosterIds = [...new Set(rows.map((r) => r.roster_id))];
  const flags = [];
  for (const f of await openFlagRowsOf(deps.db, rosterIds)) {
    const flag = toStoredFlag(f);
    // A flag names its people masked; within one class the masked number picks out this person.
    if (flag.evidence.trainees.some((t) => t.idNumber === key.masked)) flags.push(flag);
  }
  return {
    idNumber: key.masked,
    name: rows[0] ? maskName(rows[0].name) : null,
    trainings: rows.map((r) => ({
      classId: String(r.roster_id),
      department: r.department,
      institution: r.institution,
      trainingType: r.training_type,
      occupation: r.occupation,
      level: levelName(r.level),
      startDate: r.start_date,
      endDate: r.end_date,
      trainingSubsidy: r.training_subsidy,
      livingSubsidy: r.living_subsidy,
      assessmentSubsidy: r.assessment_subsidy,
    })),
    allowance: allowanceByYear(priors, baseTrainingCatalogue(deps.catalogue).rules).map(({ year, used, left }) => ({
      year,
      used,
      left,
    })),
    openFlags: flags,
  };
}
