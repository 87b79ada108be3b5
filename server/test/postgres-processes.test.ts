/**
 * Two real server processes on one PostgreSQL database behave as one: concurrent submissions number their
 * versions without a gap, a submission through one shows on the other's dashboard at once, and a session
 * opened on one is good on the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionSummarySchema } from '@lz/shared/api/reports';
import { progressSchema } from '@lz/shared/api/progress';
import { systemClock, type Deps } from '../src/deps';
import { createUser } from '../src/services/auth/users';
import { startServer, stopServers } from './server-process';
import { value } from './sql';
import { body } from './test-app';
import { depsOn, sharedDatabase, testEngine } from './test-db';

afterAll(stopServers);

const PASSWORD = 'Two-process-pass-1';

async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const get = (url: string, cookie: string) => fetch(url, { headers: { cookie } });

// PostgreSQL only: the SQLite counterpart (two processes on one file) is open-database-processes.test.ts.
describe.skipIf(testEngine !== 'postgres')('two server processes on one PostgreSQL database', () => {
  let deps: Deps;
  let a: string;
  let b: string;

  beforeAll(async () => {
    const db = sharedDatabase();
    // Migrated and filled with the reference data here, so the servers start on a ready schema.
    deps = await depsOn(db, { clock: systemClock });
    for (const [username, role, department] of [
      ['admin', 'admin', undefined],
      ['rsj', 'reporter', 'RSJ'],
    ] as const)
      await createUser(deps, { username, password: PASSWORD, role, department }, 'test');
    const url = new URL(db.dbPath);
    url.searchParams.set('options', `-c search_path=${db.schema}`);
    const env = { DATABASE_URL: url.toString() };
    [a, b] = (await Promise.all([startServer(env), startServer(env)])).map((s) => s.url) as [string, string];
  }, 120_000);

  it('50 concurrent submissions over both: versions 1…50, no gap or duplicate, one audit entry each', async () => {
    const cookies = [await signIn(a, 'rsj'), await signIn(b, 'rsj')];
    const statuses = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const res = await fetch(`${i % 2 === 0 ? a : b}/api/reports/RSJ/2020-08`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: cookies[i % 2] ?? '' },
          // Each differs: an unchanged re-submission is refused (409 unchanged), not stored.
          body: JSON.stringify(body(deps, i + 1)),
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const versions = (await (await get(`${b}/api/reports/RSJ/2020-08/versions`, cookies[1] ?? '')).json()) as unknown[];
    expect(versions.map((v) => versionSummarySchema.parse(v).version)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    const audits = await value(
      deps.db,
      "SELECT COUNT(*) FROM audit_log WHERE action = 'report.submit' AND target = 'RSJ/2020-08'",
    );
    expect(audits).toBe(50);
  }, 120_000);

  it('a submission through one process shows on the other’s dashboard within a second', async () => {
    const [onA, onB] = [await signIn(a, 'rsj'), await signIn(b, 'admin')];
    const cityT = async () => {
      // As of today: the submission is stamped now.
      const res = await get(`${b}/api/progress`, onB);
      return progressSchema.parse(await res.json()).targets.find((t) => t.code === 'T')?.actual;
    };
    const before = await cityT();
    // body(k = 1) reports T = 30 in each of the 12 county-level units: 360 for the city.
    const res = await fetch(`${a}/api/reports/RSJ/2020-07`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: onA },
      body: JSON.stringify(body(deps, 1)),
    });
    expect(res.status).toBe(201);
    const sent = Date.now();
    let seen = await cityT();
    while (seen === before && Date.now() - sent < 1000) seen = await cityT();
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(seen).toBe((before ?? 0) + 30 * deps.catalogue.units.length);
  });

  it('shares sessions: signed in on one, the cookie works on the other, and a logout ends it on both', async () => {
    const cookie = await signIn(a, 'admin');
    expect((await get(`${b}/api/session`, cookie)).status).toBe(200);
    const out = await fetch(`${b}/api/session`, { method: 'DELETE', headers: { cookie, origin: b } });
    expect(out.status).toBe(200);
    expect((await get(`${a}/api/session`, cookie)).status).toBe(401);
  });
});
