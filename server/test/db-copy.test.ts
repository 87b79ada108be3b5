/**
 * `pnpm db:copy`: an installation's SQLite file moves into PostgreSQL with every row, its ids and its figures,
 * verified; the API over the copy answers as over the original; a target that holds data is refused untouched.
 * Needs PostgreSQL (TEST_DATABASE_URL): skipped with a message without it, a failure under REQUIRE_POSTGRES=1.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { CopyRefusedError, copyDatabase, SEEDED_BY_MIGRATIONS, type CopyResult } from '../src/db/copy-database';
import { openDatabase } from '../src/db/open-database';
import { fixedClock, type Deps } from '../src/deps';
import { value } from './sql';
import { body, makeTestApp, PASSWORD, sampleFinding, tableCounts } from './test-app';
import { depsOn, testDatabaseUrl } from './test-db';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (err) {
    if (process.env.REQUIRE_POSTGRES === '1') throw err;
    console.warn(`db-copy.test.ts SKIPPED: no PostgreSQL at TEST_DATABASE_URL (${(err as Error).message})`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const havePostgres = await reachable();
const schemas: string[] = [];
const newSchema = () => {
  const s = `lz_copy_${process.pid}_${randomBytes(4).toString('hex')}`;
  schemas.push(s);
  return s;
};

afterAll(async () => {
  if (schemas.length === 0) return;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.end();
});

const NOW = '2020-09-05T10:00:00+08:00';

/** Signs in on `app` (an account copied with its password hash) and returns a GET that parses JSON. */
async function signedIn(app: ReturnType<typeof createApp>, username: string) {
  const res = await app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    get: async (path: string) => {
      const answer = await app.request(path, { headers: { cookie } });
      expect(answer.status, path).toBe(200);
      return answer.json();
    },
    post: (path: string, b: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(b),
      }),
  };
}

const DASHBOARD = [
  '/api/progress',
  '/api/progress?asOf=2020-07-31',
  '/api/progress/breakdown?by=county&indicator=T',
  '/api/progress/breakdown?by=department&indicator=T',
  '/api/progress/breakdown?by=department&indicator=E5&asOf=2020-08-15',
  '/api/reports/RSJ/2020-08/versions',
  '/api/findings',
];

describe.skipIf(!havePostgres)('pnpm db:copy: a SQLite installation into PostgreSQL', () => {
  let sqliteFile: string;
  let source: Deps;
  let copy: CopyResult;
  let target: Deps;
  let schema: string;

  beforeAll(async () => {
    sqliteFile = join(mkdtempSync(join(tmpdir(), 'lz-copy-')), 'liuzhou.sqlite');
    const t = await makeTestApp(NOW, {}, { dbPath: sqliteFile });
    source = t.deps;
    const [admin, rsj, gxj] = [await t.login('admin'), await t.login('rsj'), await t.login('gxj')];
    // Five versions: RSJ 2020-08 submitted, returned, resubmitted and accepted; RSJ 2020-07; GXJ 2020-08 twice.
    expect((await rsj.post('/api/reports/RSJ/2020-08', body(t.deps, 1))).status).toBe(201);
    expect((await admin.post('/api/reports/RSJ/2020-08/return', { reason: '分项不符', version: 1 })).status).toBe(200);
    expect((await rsj.post('/api/reports/RSJ/2020-08', body(t.deps, 2))).status).toBe(201);
    expect((await admin.post('/api/reports/RSJ/2020-08/accept', { version: 2 })).status).toBe(200);
    expect((await rsj.post('/api/reports/RSJ/2020-07', body(t.deps, 3))).status).toBe(201);
    expect((await gxj.post('/api/reports/GXJ/2020-08', body(t.deps, 1))).status).toBe(201);
    expect((await gxj.post('/api/reports/GXJ/2020-08', body(t.deps, 4))).status).toBe(201);
    expect((await admin.put('/api/targets/T/split', { years: { 2019: 30000, 2020: 80000, 2021: 80000 } })).status).toBe(
      200,
    );
    const shares = { target: 'T', items: [{ code: 'RSJ', year: 2020, value: 50000 }] };
    expect((await admin.put('/api/allocations', shares)).status).toBe(200);
    expect((await admin.post('/api/findings', sampleFinding)).status).toBe(201);
    expect(
      (await admin.post('/api/reminders', { month: '2020-07', departments: ['GXJ'], note: '请尽快' })).status,
    ).toBe(201);
    schema = newSchema();
    copy = await copyDatabase(sqliteFile, testDatabaseUrl, schema);
    target = await depsOn({ dbPath: testDatabaseUrl, schema }, { clock: fixedClock(NOW) });
  }, 60_000);

  it('copies every table, counts and hashes equal on both sides, the figures’ sums equal', async () => {
    expect(copy.ok).toBe(true);
    const byTable = Object.fromEntries(copy.tables.map((t) => [t.table, t]));
    // Every table of the schema is there, found from the catalogue rather than a list.
    expect(Object.keys(byTable).sort()).toEqual(
      Object.keys(await tableCounts(source))
        .filter((t) => t !== 'schema_migrations')
        .sort(),
    );
    for (const t of copy.tables) {
      expect(t.targetRows, t.table).toBe(t.sourceRows);
      expect(t.targetHash, t.table).toBe(t.sourceHash);
    }
    // Hand-counted: five submissions, six accounts of makeTestApp, one finding, one reminder.
    expect(byTable.report_versions?.sourceRows).toBe(5);
    expect(byTable.users?.sourceRows).toBe(6);
    expect(byTable.findings?.sourceRows).toBe(1);
    expect(byTable.reminders?.sourceRows).toBe(1);
    const units = source.catalogue.units.length;
    // The sum agrees with SQLite's own to the cent (SQLite's SUM adds in its own order, the copy in key order).
    const sum = Number(await value(source.db, 'SELECT SUM(value) FROM report_values'));
    expect(copy.figures.target).toBe(copy.figures.source);
    expect(copy.figures.source).toBeCloseTo(sum, 2);
    expect(byTable.report_values?.sourceRows).toBeGreaterThanOrEqual(5 * units);
    expect(await tableCounts(target)).toEqual(await tableCounts(source));
  });

  it('the API over the copy answers the dashboards exactly as over the SQLite file', async () => {
    const [onSqlite, onPg] = [await signedIn(createApp(source), 'admin'), await signedIn(createApp(target), 'admin')];
    for (const path of DASHBOARD) expect(await onPg.get(path), path).toEqual(await onSqlite.get(path));
  });

  it('ids are kept and the sequences continue after them', async () => {
    const maxId = Number(await value(source.db, 'SELECT MAX(id) FROM report_versions'));
    const rsj = await signedIn(createApp(target), 'rsj');
    expect((await rsj.post('/api/reports/RSJ/2020-06', body(target, 5))).status).toBe(201);
    expect(await value(target.db, "SELECT id FROM report_versions WHERE month = '2020-06'")).toBe(maxId + 1);
  });

  it('refuses a target that already holds data, and changes nothing in it', async () => {
    const before = await tableCounts(target);
    await expect(copyDatabase(sqliteFile, testDatabaseUrl, schema)).rejects.toThrow(CopyRefusedError);
    await expect(copyDatabase(sqliteFile, testDatabaseUrl, schema)).rejects.toThrow(/目标数据库已有数据/);
    expect(await tableCounts(target)).toEqual(before);
  });

  it('the tables a fresh migration fills are exactly those the copy replaces', async () => {
    const fresh = await openDatabase(testDatabaseUrl, { schema: newSchema() });
    const counts = await tableCounts({ db: fresh } as Deps);
    await fresh.destroy();
    const filled = Object.keys(counts).filter((t) => t !== 'schema_migrations' && (counts[t] ?? 0) > 0);
    expect(filled.sort()).toEqual([...SEEDED_BY_MIGRATIONS].sort());
  });
});
