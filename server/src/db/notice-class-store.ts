/**
 * Reads of the rosters for 信息公开 (#16): a class's summary with the subsidies its lines pay, the masked
 * people of a class, and the classes the office may still put in a notice batch. Read only: the roster
 * write path is realname's (file-roster.ts).
 */
import type { Db } from './open-database';

/** Roster ids per IN (…) list. */
const ID_BATCH = 500;

export interface RosterSummaryRow {
  id: number;
  department: string;
  institution_id: number;
  institution: string;
  occupation: string;
  level: string;
  start_date: string;
  end_date: string;
  trainees: number;
  status: 'active' | 'withdrawn';
  created_at: string;
  /** 培训补贴 + 生活费补贴 + 鉴定补贴 of every line, in yuan. */
  amount: number;
}

/** A class's own columns: selected, and grouped by, beside the sum of its lines' subsidies. */
const SUMMARY_COLUMNS = [
  'rosters.id',
  'rosters.department',
  'rosters.institution_id',
  'rosters.institution',
  'rosters.occupation',
  'rosters.level',
  'rosters.start_date',
  'rosters.end_date',
  'rosters.trainees',
  'rosters.status',
  'rosters.created_at',
] as const;

function summaries(db: Db) {
  return db
    .selectFrom('rosters')
    .leftJoin('roster_lines', 'roster_lines.roster_id', 'rosters.id')
    .select(SUMMARY_COLUMNS)
    .select((eb) =>
      eb.fn
        .sum<number | string | null>(
          eb(
            eb('roster_lines.training_subsidy', '+', eb.ref('roster_lines.living_subsidy')),
            '+',
            eb.ref('roster_lines.assessment_subsidy'),
          ),
        )
        .as('amount'),
    )
    .groupBy(SUMMARY_COLUMNS);
}

/** PostgreSQL answers SUM as a string and both engines add doubles: back to a number of whole fen. */
const toRow = (r: Omit<RosterSummaryRow, 'amount'> & { amount: number | string | null }): RosterSummaryRow => ({
  ...r,
  id: Number(r.id),
  institution_id: Number(r.institution_id),
  amount: Math.round(Number(r.amount ?? 0) * 100) / 100,
});

/** The rosters of these ids, withdrawn ones included (callers decide), in id order. */
export async function rosterSummaries(db: Db, ids: readonly number[]): Promise<RosterSummaryRow[]> {
  const out: RosterSummaryRow[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += ID_BATCH) {
    const rows = await summaries(db)
      .where('rosters.id', 'in', unique.slice(i, i + ID_BATCH))
      .orderBy('rosters.id')
      .execute();
    out.push(...rows.map(toRow));
  }
  return out;
}

export interface CandidateFilter {
  department?: string;
  /** 结业日期 from and to, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

/** Active rosters by 结业日期, newest first, at most `limit`; `total` counts them all. */
export async function activeRosterSummaries(db: Db, f: CandidateFilter, exclude: ReadonlySet<number>, limit: number) {
  let q = summaries(db).where('rosters.status', '=', 'active');
  if (f.department) q = q.where('rosters.department', '=', f.department);
  if (f.from) q = q.where('rosters.end_date', '>=', f.from);
  if (f.to) q = q.where('rosters.end_date', '<=', f.to);
  const rows = (await q.orderBy('rosters.end_date', 'desc').orderBy('rosters.id', 'desc').execute()).map(toRow);
  const free = rows.filter((r) => !exclude.has(r.id));
  return { items: free.slice(0, limit), total: free.length };
}

/** Each line's name and the stored masked ID number (450202********1234), by roster then line. */
export async function rosterPeople(db: Db, ids: readonly number[]) {
  const out: { roster_id: number; name: string; id_masked: string }[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += ID_BATCH) {
    const rows = await db
      .selectFrom('roster_lines')
      .select(['roster_id', 'name', 'id_masked'])
      .where('roster_id', 'in', unique.slice(i, i + ID_BATCH))
      .orderBy('roster_id')
      .orderBy('line')
      .execute();
    out.push(...rows.map((r) => ({ ...r, roster_id: Number(r.roster_id) })));
  }
  return out;
}
