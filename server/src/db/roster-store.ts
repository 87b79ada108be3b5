/**
 * SQL of the real-name rosters: a class, its lines (numbers only encrypted, matched by keyed hash), and the
 * lookups the rules need across every stored roster (a person's trainings, a phone's classes in a month).
 */
import { sql } from 'kysely';
import { isPostgres, type Db } from './open-database';
import type { Selectable } from 'kysely';
import type { Schema } from './schema';

export type RosterRow = Selectable<Schema['rosters']>;
export type LineRow = Selectable<Schema['roster_lines']>;
type NewRoster = Omit<Schema['rosters'], 'id' | 'status'>;
type NewLine = Omit<Schema['roster_lines'], 'id'>;

/** Lines per INSERT: 19 columns × 400 stays under SQLite's and PostgreSQL's parameter limits. */
const LINE_BATCH = 400;
/** Hashes per IN (…) list. */
const HASH_BATCH = 500;

export async function insertRoster(db: Db, roster: NewRoster, lines: Omit<NewLine, 'roster_id'>[]): Promise<number> {
  const { id } = await db.insertInto('rosters').values(roster).returning('id').executeTakeFirstOrThrow();
  for (let i = 0; i < lines.length; i += LINE_BATCH) {
    const batch = lines.slice(i, i + LINE_BATCH).map((l) => ({ ...l, roster_id: id }));
    await db.insertInto('roster_lines').values(batch).execute();
  }
  return id;
}

/**
 * Serialises rosters naming one person until the transaction ends, so two classes of one person filed at
 * once cannot both pass the yearly cap. SQLite needs nothing: BEGIN IMMEDIATE admits one writer at a time.
 * PostgreSQL takes one transaction-scoped advisory lock per person, in hash order (no deadlock between two
 * rosters sharing several people).
 */
export async function lockPeople(trx: Db, idHashes: readonly string[]): Promise<void> {
  await advisoryLocks(trx, 'person', idHashes);
}

/**
 * The same per keyed phone hash, so two rosters of one month sharing a phone see each other's lines and the
 * second is flagged. Taken after lockPeople in every transaction: persons before phones, each in hash order,
 * is one total order, so no two rosters wait on each other.
 */
export async function lockPhones(trx: Db, phoneHashes: readonly string[]): Promise<void> {
  await advisoryLocks(trx, 'phone', phoneHashes);
}

async function advisoryLocks(trx: Db, kind: 'person' | 'phone', hashes: readonly string[]): Promise<void> {
  if (!isPostgres(trx) || hashes.length === 0) return;
  const keys = [...new Set(hashes)].sort().map((h) => `${kind}:${h}`);
  const ordered = sql`select unnest(${keys}::text[]) as k order by k`;
  await sql`select count(pg_advisory_xact_lock(hashtext(k))) from (${ordered}) s`.execute(trx);
}

const classColumns = [
  'rosters.id as roster_id',
  'rosters.department',
  'rosters.institution',
  'rosters.occupation',
  'rosters.level',
  'rosters.start_date',
  'rosters.end_date',
] as const;

/** Every line of each person in a stored, not withdrawn roster. */
export async function trainingsOf(db: Db, idHashes: readonly string[]) {
  const out = [];
  for (let i = 0; i < idHashes.length; i += HASH_BATCH) {
    const rows = await db
      .selectFrom('roster_lines')
      .innerJoin('rosters', 'rosters.id', 'roster_lines.roster_id')
      .select([...classColumns, 'roster_lines.id_hash', 'roster_lines.training_subsidy'])
      .select(['roster_lines.living_subsidy', 'roster_lines.assessment_subsidy', 'rosters.training_type'])
      .select(['roster_lines.name', 'roster_lines.id_masked'])
      .where('roster_lines.id_hash', 'in', idHashes.slice(i, i + HASH_BATCH))
      .where('rosters.status', '=', 'active')
      .orderBy('rosters.start_date')
      .orderBy('rosters.id')
      .execute();
    out.push(...rows);
  }
  return out;
}

/** Stored, not withdrawn classes ending in `month` that list each phone, with how many of their lines do. */
export async function phoneUses(db: Db, phoneHashes: readonly string[], month: string) {
  const out = [];
  for (let i = 0; i < phoneHashes.length; i += HASH_BATCH) {
    const rows = await db
      .selectFrom('roster_lines')
      .innerJoin('rosters', 'rosters.id', 'roster_lines.roster_id')
      .select([...classColumns, 'roster_lines.phone_hash'])
      .select((eb) => eb.fn.countAll<number>().as('trainees'))
      .where('roster_lines.phone_hash', 'in', phoneHashes.slice(i, i + HASH_BATCH))
      .where('roster_lines.month', '=', month)
      .where('rosters.status', '=', 'active')
      .groupBy([...classColumns.map((c) => c.split(' ')[0] as 'rosters.id'), 'roster_lines.phone_hash'])
      .execute();
    out.push(...rows);
  }
  return out;
}

export interface RosterFilter {
  department?: string;
  month?: string;
  county?: string;
}

export async function listRosterRows(db: Db, f: RosterFilter, page: number, pageSize: number) {
  let q = db.selectFrom('rosters');
  if (f.department !== undefined) q = q.where('department', '=', f.department);
  if (f.month !== undefined) q = q.where('month', '=', f.month);
  if (f.county !== undefined) q = q.where('county', '=', f.county);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('end_date', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows: rows as RosterRow[], total: Number(total.n) };
}

export async function findRosterRow(db: Db, id: number): Promise<RosterRow | undefined> {
  return (await db.selectFrom('rosters').selectAll().where('id', '=', id).executeTakeFirst()) as RosterRow | undefined;
}

export function rosterLines(db: Db, rosterId: number): Promise<LineRow[]> {
  return db.selectFrom('roster_lines').selectAll().where('roster_id', '=', rosterId).orderBy('line').execute();
}

export async function withdrawRosterRow(db: Db, id: number, w: { reason: string; at: string; by: string }) {
  await db
    .updateTable('rosters')
    .set({ status: 'withdrawn', withdrawn_reason: w.reason, withdrawn_at: w.at, withdrawn_by: w.by })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .execute();
}

/** The contributions (JSON) of a department's stored, not withdrawn classes ending in a month. */
export function activeContributions(db: Db, department: string, month: string) {
  return db
    .selectFrom('rosters')
    .select(['county', 'month', 'contribution'])
    .where('department', '=', department)
    .where('month', '=', month)
    .where('status', '=', 'active')
    .execute();
}

/** The same for every department at once (GET /api/reconciliation/summary): one query, grouped by the caller. */
export function activeContributionsOfMonth(db: Db, month: string) {
  return db
    .selectFrom('rosters')
    .select(['department', 'county', 'month', 'contribution'])
    .where('month', '=', month)
    .where('status', '=', 'active')
    .execute();
}
