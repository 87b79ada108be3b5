/** SQL for 信息公开 (#16): fund-use publications, notice batches and the objections filed against them. */
import type { Db } from './open-database';

export interface FundQuarterRow {
  quarter: string;
  published_at: string;
  published_by: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

export function listFundQuarterRows(db: Db): Promise<FundQuarterRow[]> {
  return db.selectFrom('disclosure_fund_quarters').selectAll().orderBy('quarter').execute();
}

export async function findFundQuarterRow(db: Db, quarter: string): Promise<FundQuarterRow | null> {
  return (
    (await db.selectFrom('disclosure_fund_quarters').selectAll().where('quarter', '=', quarter).executeTakeFirst()) ??
    null
  );
}

/** Publishing again (after a withdrawal or to show corrections) moves the publication day on. */
export async function publishFundQuarter(db: Db, quarter: string, at: string, by: string): Promise<void> {
  await db
    .insertInto('disclosure_fund_quarters')
    .values({ quarter, published_at: at, published_by: by, withdrawn_at: null, withdrawn_by: null })
    .onConflict((oc) =>
      oc.column('quarter').doUpdateSet({ published_at: at, published_by: by, withdrawn_at: null, withdrawn_by: null }),
    )
    .execute();
}

export async function withdrawFundQuarter(db: Db, quarter: string, at: string, by: string): Promise<void> {
  await db
    .updateTable('disclosure_fund_quarters')
    .set({ withdrawn_at: at, withdrawn_by: by })
    .where('quarter', '=', quarter)
    .execute();
}

export interface NoticeBatchRow {
  id: number;
  title: string;
  department: string;
  class_ids: string;
  notice_days: number;
  created_at: string;
  created_by: string;
  published_at: string | null;
  published_by: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

export async function insertNoticeBatch(
  db: Db,
  b: { title: string; department: string; classIds: string[]; noticeDays: number; at: string; by: string },
): Promise<number> {
  const row = await db
    .insertInto('disclosure_notice_batches')
    .values({
      title: b.title,
      department: b.department,
      class_ids: JSON.stringify(b.classIds),
      notice_days: b.noticeDays,
      created_at: b.at,
      created_by: b.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listNoticeBatchRows(db: Db): Promise<NoticeBatchRow[]> {
  return db.selectFrom('disclosure_notice_batches').selectAll().orderBy('id', 'desc').execute();
}

export async function findNoticeBatchRow(db: Db, id: number): Promise<NoticeBatchRow | null> {
  return (await db.selectFrom('disclosure_notice_batches').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function setNoticeBatchPublished(db: Db, id: number, at: string, by: string): Promise<void> {
  await db
    .updateTable('disclosure_notice_batches')
    .set({ published_at: at, published_by: by, withdrawn_at: null, withdrawn_by: null })
    .where('id', '=', id)
    .execute();
}

export async function setNoticeBatchWithdrawn(db: Db, id: number, at: string, by: string): Promise<void> {
  await db
    .updateTable('disclosure_notice_batches')
    .set({ withdrawn_at: at, withdrawn_by: by })
    .where('id', '=', id)
    .execute();
}

export interface ObjectionRow {
  id: number;
  batch_id: number;
  class_id: string | null;
  name: string;
  contact: string;
  text: string;
  submitted_at: string;
  address_hash: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export async function insertObjection(
  db: Db,
  o: {
    batchId: number;
    classId: string | null;
    name: string;
    contact: string;
    text: string;
    at: string;
    addressHash: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('disclosure_objections')
    .values({
      batch_id: o.batchId,
      class_id: o.classId,
      name: o.name,
      contact: o.contact,
      text: o.text,
      submitted_at: o.at,
      address_hash: o.addressHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Unanswered first, then newest first. */
export function listObjectionRows(db: Db): Promise<ObjectionRow[]> {
  return db
    .selectFrom('disclosure_objections')
    .selectAll()
    .orderBy((eb) => eb.case().when('answer', 'is', null).then(0).else(1).end())
    .orderBy('id', 'desc')
    .execute();
}

export async function findObjectionRow(db: Db, id: number): Promise<ObjectionRow | null> {
  return (await db.selectFrom('disclosure_objections').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function answerObjectionRow(db: Db, id: number, answer: string, at: string, by: string): Promise<void> {
  await db
    .updateTable('disclosure_objections')
    .set({ answer, answered_at: at, answered_by: by })
    .where('id', '=', id)
    .execute();
}

/** Every lifecycle event up to an instant with the version it names, in the order they happened. */
export function listReviewEventsUntil(
  db: Db,
  untilMs: number,
): Promise<{ department: string; month: string; action: string; version: number | null }[]> {
  return db
    .selectFrom('report_events')
    .select(['department', 'month', 'action', 'version'])
    .where('at_ms', '<=', untilMs)
    .orderBy('at_ms')
    .orderBy('id')
    .execute();
}
