/**
 * SQL for the packed copy of each version's figures (`version_arrays`): one BLOB (bytea on PostgreSQL) of
 * float64 values ([indicator × county] in catalogue order) per version and layout, so the read model loads a
 * version in one row instead of one row per value.
 */
import type { Db } from './open-database';

export async function insertVersionArray(
  db: Db,
  a: { versionId: number; layout: string; values: Float64Array },
): Promise<void> {
  await db
    .insertInto('version_arrays')
    .values({
      version_id: a.versionId,
      layout: a.layout,
      data: Buffer.from(a.values.buffer, a.values.byteOffset, a.values.byteLength),
    })
    .execute();
}

/** A version's packed figures, or null when it has none of `size` values in this layout. */
export async function readVersionArray(
  db: Db,
  q: { versionId: number; layout: string; size: number },
): Promise<Float64Array | null> {
  const row = await db
    .selectFrom('version_arrays')
    .select('data')
    .where('version_id', '=', q.versionId)
    .where('layout', '=', q.layout)
    .executeTakeFirst();
  return unpack(row?.data ?? null, q.size);
}

export interface VersionHeadRow {
  id: number;
  department: string;
  month: string;
  version: number;
  submittedAtMs: number;
  /** Null when the version has no packed array of the expected size in this layout. */
  values: Float64Array | null;
}

/** About this many bytes of packed figures per page (a national version is 730 KB; pg reads bytea as hex). */
const PAGE_BYTES = 32 * 1024 * 1024;
const PAGE_ROWS = { min: 16, max: 500 };

/**
 * Every version with its packed figures in `layout`, a page at a time in id order (keyset pages, so each page is
 * one indexed range read): the caller decodes a page and lets it go before the next is read, so loading never
 * holds every version's raw bytes at once. Run it inside one snapshot (`readSnapshot`) for a consistent set.
 */
export async function* versionArrayBatches(
  db: Db,
  q: { layout: string; size: number },
): AsyncGenerator<VersionHeadRow[]> {
  const pageRows = Math.max(PAGE_ROWS.min, Math.min(PAGE_ROWS.max, Math.floor(PAGE_BYTES / Math.max(1, q.size * 8))));
  let after: number | null = null;
  for (;;) {
    let query = db
      .selectFrom('report_versions as rv')
      .leftJoin('version_arrays as a', (join) => join.onRef('a.version_id', '=', 'rv.id').on('a.layout', '=', q.layout))
      .select(['rv.id', 'rv.department', 'rv.month', 'rv.version', 'rv.submitted_at_ms', 'a.data'])
      .orderBy('rv.id')
      .limit(pageRows);
    if (after !== null) query = query.where('rv.id', '>', after);
    const rows = await query.execute();
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.id ?? null;
    yield rows.map((r) => ({
      id: r.id,
      department: r.department,
      month: r.month,
      version: r.version,
      submittedAtMs: r.submitted_at_ms,
      values: unpack(r.data, q.size),
    }));
    if (rows.length < pageRows) return;
  }
}

/** One version's values as [indicator, county, value] triples, from report_values (the source of truth). */
export async function listVersionValueTriples(db: Db, versionId: number): Promise<[string, string, number][]> {
  const rows = await db
    .selectFrom('report_values')
    .select(['indicator', 'county', 'value'])
    .where('version_id', '=', versionId)
    .execute();
  return rows.map((r) => [r.indicator, r.county, r.value]);
}

function unpack(data: Buffer | null, size: number): Float64Array | null {
  if (!data || data.length !== size * 8) return null;
  // A Buffer that owns its whole (8-byte aligned) memory is viewed in place: at a nation's volume copying every
  // version again cost seconds at start and doubled the peak. A slice of a shared pool (small versions) is copied.
  if (data.byteOffset === 0 && data.buffer.byteLength === data.length) return new Float64Array(data.buffer, 0, size);
  return new Float64Array(new Uint8Array(data).buffer);
}
