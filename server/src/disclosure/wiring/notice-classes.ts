/**
 * Where a notice batch's classes come from: the rosters (a class is a roster, its id the roster's id),
 * each with its subsidies summed from its lines and its people masked for the public (张*三,
 * 4502**********1234). A withdrawn roster is left out, like an unknown id: it never counts (decisions #16).
 */
import type { NoticeClass } from '@lz/shared/api/disclosure';
import { maskIdNumber, maskName } from '@lz/shared/realname/masking';
import { LEVELS } from '@lz/shared/realname/vocabulary';
import { type RosterSummaryRow, rosterPeople, rosterSummaries } from '../../db/notice-class-store';
import type { Db } from '../../db/open-database';

export interface NoticeClassSource {
  /** The classes of these ids that exist, already masked (张*三, 4502**********1234); unknown ids are left out. */
  classes(ids: readonly string[]): Promise<NoticeClass[]>;
}

/** A level as the public reads it: its name (四级/中级工), whichever way the roster stored it. */
export const levelLabel = (level: string) => LEVELS.find((l) => l.code === level || l.name === level)?.name ?? level;

/** The numeric roster ids among a batch's class ids (anything else names no class). */
export const rosterIdsOf = (ids: readonly string[]) => ids.filter((id) => /^\d{1,12}$/.test(id)).map(Number);

/** A roster as a notice names it: the class, its dates, trainees and amount (the office's picker and the notice). */
export function classSummary(r: RosterSummaryRow) {
  return {
    id: String(r.id),
    institution: r.institution,
    occupation: r.occupation,
    level: levelLabel(r.level),
    startDate: r.start_date,
    endDate: r.end_date,
    traineeCount: r.trainees,
    amount: r.amount,
  };
}

export function rosterNoticeClasses(db: Db): NoticeClassSource {
  return {
    async classes(ids) {
      const rosters = (await rosterSummaries(db, rosterIdsOf(ids))).filter((r) => r.status === 'active');
      const people = new Map<number, { name: string; idNumber: string }[]>();
      for (const p of await rosterPeople(
        db,
        rosters.map((r) => r.id),
      )) {
        const list = people.get(p.roster_id) ?? [];
        list.push({ name: maskName(p.name), idNumber: maskIdNumber(p.id_masked, 4) });
        people.set(p.roster_id, list);
      }
      return rosters.map((r) => ({ ...classSummary(r), trainees: people.get(r.id) ?? [] }));
    },
  };
}
