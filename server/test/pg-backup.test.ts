/**
 * `pnpm backup` / `pnpm restore` on PostgreSQL (pg_dump's custom format, pg_restore in one transaction): a
 * rehearsed restore into a new database answers the dashboards exactly as the original, keeps the append-only
 * triggers, and a second restore into the same target is refused with nothing changed. PostgreSQL pass only
 * (the SQLite file's backup is db-backup.test.ts and backup-cli.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../src/db/open-database';
import { backupPostgres, restorePostgres, TargetNotEmptyError } from '../src/db/pg-backup';
import { fixedClock, type Deps } from '../src/deps';
import { getBreakdown } from '../src/services/progress/get-breakdown';
import { getProgress } from '../src/services/progress/get-progress';
import { run } from './sql';
import { body, makeTestApp, sampleFinding, tableCounts } from './test-app';
import { depsOn, sharedDatabase, testDatabaseUrl, testEngine } from './test-db';

const NOW = '2020-09-05T10:00:00+08:00';
const restoredName = `lz_restore_${process.pid}_${randomBytes(3).toString('hex')}`;
const restoredUrl = (() => {
  const u = new URL(testDatabaseUrl);
  u.pathname = `/${restoredName}`;
  return u.toString();
})();

async function onServer(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

describe.skipIf(testEngine !== 'postgres')('pnpm backup and restore on PostgreSQL', () => {
  let original: Deps;
  let restored: Deps;
  let schema: string;
  let dump: string;

  beforeAll(async () => {
    const db = sharedDatabase();
    schema = db.schema ?? 'public';
    const t = await makeTestApp(NOW, {}, db);
    original = t.deps;
    const [admin, rsj] = [await t.login('admin'), await t.login('rsj')];
    // RSJ 2020-08 submitted, returned, resubmitted and accepted; RSJ 2020-07 submitted; one finding.
    expect((await rsj.post('/api/reports/RSJ/2020-08', body(t.deps, 1))).status).toBe(201);
    expect((await admin.post('/api/reports/RSJ/2020-08/return', { reason: '分项不符', version: 1 })).status).toBe(200);
    expect((await rsj.post('/api/reports/RSJ/2020-08', body(t.deps, 2))).status).toBe(201);
    expect((await admin.post('/api/reports/RSJ/2020-08/accept', { version: 2 })).status).toBe(200);
    expect((await rsj.post('/api/reports/RSJ/2020-07', body(t.deps, 3))).status).toBe(201);
    expect((await admin.post('/api/findings', sampleFinding)).status).toBe(201);

    dump = join(mkdtempSync(join(tmpdir(), 'lz-pg-backup-')), 'liuzhou.dump');
    const { tables } = backupPostgres({ url: testDatabaseUrl, schema }, dump);
    expect(tables).toBe(Object.keys(await tableCounts(original)).length);
    await onServer(`CREATE DATABASE ${restoredName}`);
    await restorePostgres(dump, { url: restoredUrl, schema });
    restored = await depsOn({ dbPath: restoredUrl, schema }, { clock: fixedClock(NOW) });
  }, 120_000);

  afterAll(async () => {
    if (restored) await closeDatabase(restored.db); // before the drop (test-db's own close comes later)
    await onServer(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
  });

  it('gives back every row, and the dashboards answer as on the original', async () => {
    expect(await tableCounts(restored)).toEqual(await tableCounts(original));
    const counts = await tableCounts(restored);
    expect(counts.report_versions).toBe(3); // hand-counted: two of RSJ 2020-08, one of 2020-07
    expect(counts.findings).toBe(1);
    for (const asOf of ['2020-07-31', '2020-08-31', '2020-09-05']) {
      expect(await getProgress(restored, asOf), asOf).toEqual(await getProgress(original, asOf));
      const q = { by: 'county', indicator: 'T', asOf } as const;
      expect(await getBreakdown(restored, q), asOf).toEqual(await getBreakdown(original, q));
    }
    // Both months in force today: 2020-08's accepted second version (30 × 2 a county), 2020-07's (30 × 3).
    const rows = (await getBreakdown(restored, { by: 'department', indicator: 'T', asOf: '2020-09-05' })).rows;
    const rsj = rows.find((r) => r.code === 'RSJ');
    expect(rsj?.actual).toBe(original.catalogue.units.length * (60 + 90));
  });

  it('keeps the database-enforced append-only rules', async () => {
    await expect(run(restored.db, 'UPDATE report_values SET value = 0')).rejects.toThrow();
    await expect(run(restored.db, 'DELETE FROM audit_log')).rejects.toThrow();
  });

  it('refuses to restore over a database that holds the product, and changes nothing', async () => {
    const before = await tableCounts(restored);
    await expect(restorePostgres(dump, { url: restoredUrl, schema })).rejects.toBeInstanceOf(TargetNotEmptyError);
    expect(await tableCounts(restored)).toEqual(before);
  });
});
