/**
 * SQL for the packed copy of each version's figures (`version_arrays`): one BLOB of float64 values
 * ([indicator × county] in catalogue order) per version and layout, so the read model loads a version in
 * one row instead of one row per value.
 */
import { prepared, type Db } from './open-database';

export function insertVersionArray(db: Db, a: { versionId: number; layout: string; values: Float64Array }): void {
  prepared(db, 'INSERT INTO version_arrays (version_id, layout, data) VALUES (@versionId, @layout, @data)').run({
    versionId: a.versionId,
    layout: a.layout,
    data: Buffer.from(a.values.buffer, a.values.byteOffset, a.values.byteLength),
  });
}

/** A version's packed figures, or null when it has none of `size` values in this layout. */
export function readVersionArray(db: Db, q: { versionId: number; layout: string; size: number }): Float64Array | null {
  const row = prepared(db, 'SELECT data FROM version_arrays WHERE version_id = @versionId AND layout = @layout').get({
    versionId: q.versionId,
    layout: q.layout,
  }) as { data: Buffer } | undefined;
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

/** Every version with its packed figures in `layout`, by department, month and version. */
export function* listVersionHeads(db: Db, q: { layout: string; size: number }): Generator<VersionHeadRow> {
  const rows = db
    .prepare(
      `SELECT rv.id, rv.department, rv.month, rv.version, rv.submitted_at_ms, a.data
       FROM report_versions rv LEFT JOIN version_arrays a ON a.version_id = rv.id AND a.layout = @layout
       ORDER BY rv.department, rv.month, rv.version`,
    )
    .raw()
    .iterate({ layout: q.layout }) as IterableIterator<[number, string, string, number, number, Buffer | null]>;
  for (const [id, department, month, version, submittedAtMs, data] of rows) {
    yield { id, department, month, version, submittedAtMs, values: unpack(data, q.size) };
  }
}

/** One version's values as [indicator, county, value] triples, from report_values (the source of truth). */
export function listVersionValueTriples(db: Db, versionId: number): [string, string, number][] {
  return db
    .prepare('SELECT indicator, county, value FROM report_values WHERE version_id = @versionId')
    .raw()
    .all({ versionId }) as [string, string, number][];
}

function unpack(data: Buffer | null, size: number): Float64Array | null {
  // Copied into a fresh (aligned) buffer: the driver's Buffer may be a slice of a shared pool.
  return data && data.length === size * 8 ? new Float64Array(new Uint8Array(data).buffer) : null;
}
