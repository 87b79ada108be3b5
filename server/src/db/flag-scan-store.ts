/**
 * SQL of the flag rescan (`pnpm flags:rescan`): set-based questions over every stored, not withdrawn line, one
 * pass per kind of flag, so a province's three million lines are read a few times rather than probed per line.
 * Each answer is the candidates only; the rules themselves (and their messages) stay in realname/flags.ts and
 * services/realname/rescan-flags.ts.
 */
import { sql } from 'kysely';
import type { Db } from './open-database';

/** A line of one class that also sits in an earlier-filed class of the same person whose dates overlap. */
export interface OverlapRow {
  roster_id: number;
  id_hash: string;
  line: number;
  name: string;
  id_masked: string;
  other_id: number;
}

/**
 * Filing flags the later class (the one being filed names its earlier ones), so the pair is (a later, b earlier)
 * by roster id: a self-join on the keyed hash of the person, dates overlapping.
 */
export async function overlappingLines(db: Db): Promise<OverlapRow[]> {
  // Written as cross joins filtered in WHERE: SQLite then keeps this order, walking the person index (id_hash,
  // roster_id) once and probing it next to where it stands, instead of probing it per line of every class;
  // PostgreSQL plans it as the same inner joins.
  const pairs = await db
    .selectFrom('roster_lines as a')
    .crossJoin('roster_lines as b')
    .crossJoin('rosters as ra')
    .crossJoin('rosters as rb')
    .select(['a.roster_id', 'a.id_hash', 'b.roster_id as other_id'])
    .whereRef('b.id_hash', '=', 'a.id_hash')
    .whereRef('b.roster_id', '<', 'a.roster_id')
    .whereRef('ra.id', '=', 'a.roster_id')
    .whereRef('rb.id', '=', 'b.roster_id')
    .where('ra.status', '=', 'active')
    .where('rb.status', '=', 'active')
    .whereRef('rb.start_date', '<=', 'ra.end_date')
    .whereRef('rb.end_date', '>=', 'ra.start_date')
    .execute();
  // The few lines found, read by their class (the roster index): line, name and masked number.
  const out: OverlapRow[] = [];
  const byLine = new Map<string, number[]>();
  for (const p of pairs)
    byLine.set(`${p.roster_id}|${p.id_hash}`, [...(byLine.get(`${p.roster_id}|${p.id_hash}`) ?? []), p.other_id]);
  const keys = [...byLine.keys()].map((k) => k.split('|') as [string, string]);
  for (let i = 0; i < keys.length; i += 400) {
    const batch = keys.slice(i, i + 400);
    const lines = await db
      .selectFrom('roster_lines')
      .select(['roster_id', 'line', 'name', 'id_masked', 'id_hash'])
      .where('roster_id', 'in', [...new Set(batch.map(([r]) => Number(r)))])
      .where('id_hash', 'in', [...new Set(batch.map(([, h]) => h))])
      .execute();
    for (const l of lines) {
      for (const other_id of byLine.get(`${l.roster_id}|${l.id_hash}`) ?? []) out.push({ ...l, other_id });
    }
  }
  return out.sort((x, y) => x.roster_id - y.roster_id || x.line - y.line || x.other_id - y.other_id);
}

/** One class's lines with one phone in a month, and how many lines with it the month held up to this class. */
export interface PhoneRunRow {
  phone_hash: string;
  month: string;
  roster_id: number;
  /** This class's lines with the phone. */
  here: number;
  /** Lines with the phone in this and every earlier-filed class of the month. */
  running: number;
}

/**
 * Phones listed by at least `threshold` active lines of one month (a covering scan of the phone/month index),
 * then, for those only, each class's share in filing order: filing flags a class once the month's count,
 * itself included, reaches the threshold.
 */
export async function sharedPhoneRuns(db: Db, threshold: number): Promise<PhoneRunRow[]> {
  const busy = db
    .selectFrom('roster_lines')
    .select(['phone_hash', 'month'])
    .where('phone_hash', 'is not', null)
    .groupBy(['phone_hash', 'month'])
    .having((eb) => eb.fn.countAll(), '>=', threshold);
  const perClass = db
    .selectFrom('roster_lines as l')
    .innerJoin(busy.as('busy'), (j) =>
      j.onRef('busy.phone_hash', '=', 'l.phone_hash').onRef('busy.month', '=', 'l.month'),
    )
    .innerJoin('rosters as r', 'r.id', 'l.roster_id')
    .select(['l.phone_hash', 'l.month', 'l.roster_id'])
    .select((eb) => eb.fn.countAll<number>().as('here'))
    .where('r.status', '=', 'active')
    .groupBy(['l.phone_hash', 'l.month', 'l.roster_id']);
  const rows = await db
    .selectFrom(perClass.as('c'))
    .select(['c.phone_hash', 'c.month', 'c.roster_id', 'c.here'])
    .select(sql<number>`sum(c.here) over (partition by c.phone_hash, c.month order by c.roster_id)`.as('running'))
    .orderBy('c.roster_id')
    .execute();
  return rows.map((r) => ({
    ...r,
    phone_hash: r.phone_hash as string,
    here: Number(r.here),
    running: Number(r.running),
  }));
}

/** The lines (numbers masked, the phone encrypted) of the given classes that list one of the given phones. */
export async function linesWithPhones(db: Db, rosterIds: readonly number[], phoneHashes: readonly string[]) {
  const out = [];
  for (let i = 0; i < rosterIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('roster_lines')
        .select(['roster_id', 'line', 'name', 'id_masked', 'phone_hash', 'phone_cipher'])
        .where('roster_id', 'in', rosterIds.slice(i, i + 500))
        .where('phone_hash', 'in', [...new Set(phoneHashes)])
        .orderBy('roster_id')
        .orderBy('line')
        .execute()),
    );
  }
  return out;
}

/** The catalogue's subsidy standard of one occupation and level (level by code, as rosters store it). */
export interface Standard {
  occupation: string;
  level: string;
  subsidy: number;
}

/**
 * Lines a per-class rule may flag: a training subsidy above the catalogue's standard for the class's
 * occupation and level (the standards given, as one CASE, so both engines read them alike), or a person at
 * least `minAge` years old by birth year at the start (the retirement rule decides; a line filed before
 * migration 014 has no birth month and is always a candidate).
 */
export async function perClassCandidates(db: Db, minAge: number, standards: readonly Standard[]) {
  const years = sql<number>`cast(substr(r.start_date, 1, 4) as integer) - cast(substr(l.birth_month, 1, 4) as integer)`;
  return await db
    .selectFrom('roster_lines as l')
    .innerJoin('rosters as r', 'r.id', 'l.roster_id')
    .select(['l.roster_id', 'l.line', 'l.name', 'l.gender', 'l.id_masked', 'l.id_cipher', 'l.birth_month'])
    .select(['l.training_subsidy', 'l.living_subsidy', 'l.assessment_subsidy'])
    .where('r.status', '=', 'active')
    .where((eb) => {
      const above = standards.map((s) =>
        eb.and([
          eb('r.occupation', '=', s.occupation),
          eb('r.level', '=', s.level),
          eb('l.training_subsidy', '>', s.subsidy),
        ]),
      );
      return eb.or([eb('l.birth_month', 'is', null), eb(years, '>=', minAge), ...above]);
    })
    .orderBy('l.roster_id')
    .orderBy('l.line')
    .execute();
}

/** Every active class, in filing order, with what the per-class rules read. */
export function activeRosters(db: Db) {
  return db
    .selectFrom('rosters')
    .select(['id', 'department', 'institution_id', 'institution', 'training_type', 'occupation', 'level', 'county'])
    .select(['start_date', 'end_date', 'month', 'hours'])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
}

/** What is stored already, so a rescan adds only flags not yet raised. */
export async function storedFlagKeys(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('roster_flags').select(['roster_id', 'kind', 'message']).execute();
  return new Set(rows.map((r) => flagKey(r.roster_id, r.kind, r.message)));
}

export const flagKey = (rosterId: number, kind: string, message: string) => `${rosterId}|${kind}|${message}`;
