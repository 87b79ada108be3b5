/**
 * DEMO=1, 实名制 (#15): the rosters behind 市人社局's and four other departments' monthly reports, filed
 * through the same roster service a clerk uses (every rule, the locks, the flags, the encryption), each on
 * a few days after its 结业日期 and none after the demo clock. They add up to the reports' roster-covered
 * indicators except in a few planned months (no roster, a class not filed), and plant a few dozen flags.
 */
import type { SessionUser } from '@lz/shared/api/session';
import type { ReportRow } from '@lz/shared/report-body';
import { dateInZone } from '@lz/shared/zoned-time';
import { fixedClock, type Deps } from '../deps';
import { createDemoPeople } from '../realname/demo/demo-people';
import { createDemoRosters, planDifferences } from '../realname/demo/demo-rosters';
import { fileRosterJson } from '../services/realname/file-roster';
import { trainingNow } from '../services/realname/training-now';
import { createRng } from './prng';

/** The departments whose classes are kept by name in the demo (市人社局 and four others). */
export const ROSTER_DEPARTMENTS = ['RSJ', 'ZGH', 'FL', 'NYNCJ', 'GXJ'];

/** A report as filed in the demo: the figures the rosters stand behind. */
export interface FiledMonth {
  department: string;
  month: string;
  rows: readonly ReportRow[];
}

/** Chance that a class carries each kind of planted flag: a few dozen of each kind over the window. */
export const FLAG_RATE = 0.004;
const FILED_AFTER_DAYS = 3;

export async function seedRosters(
  deps: Deps,
  filed: readonly FiledMonth[],
  users: ReadonlyMap<string, SessionUser>,
  seed: number,
): Promise<{ rosters: number; lines: number; flags: number }> {
  const until = deps.clock.now();
  const today = dateInZone(until, deps.catalogue.campaign.timeZone);
  // A generator of its own, so the reports' draws stay what they were without rosters.
  const rng = createRng(seed + 15);
  const { training } = await trainingNow(deps, deps.db);
  const demo = createDemoRosters(training, createDemoPeople(rng), rng);
  const plan = planDifferences(
    filed.map((m) => `${m.department}|${m.month}`),
    rng,
  );
  let rosters = 0;
  let lines = 0;
  let flags = 0;
  for (const m of filed) {
    const actor = users.get(m.department.toLowerCase());
    if (!actor) continue;
    const difference = plan.get(`${m.department}|${m.month}`);
    for (const { roster } of demo.monthRosters({ ...m, flagRate: FLAG_RATE, today, difference })) {
      const at = Date.parse(`${roster.class.endDate}T18:00:00+08:00`) + FILED_AFTER_DAYS * 86_400_000;
      if (at > until.getTime()) continue; // not filed yet on the day the demo plays
      const stored = await fileRosterJson({ ...deps, clock: fixedClock(new Date(at).toISOString()) }, roster, {
        actor,
        department: m.department,
      });
      rosters++;
      lines += stored.trainees;
      flags += stored.flags.length;
    }
  }
  return { rosters, lines, flags };
}
