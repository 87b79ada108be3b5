/** Two server processes on one SQLite file: concurrent writes queue (BEGIN IMMEDIATE) instead of failing. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { versionSummarySchema } from '@lz/shared/api/reports';
import { buildDeps } from '../src/build-deps';
import { systemClock } from '../src/deps';
import { startServer, stopServers } from './server-process';
import { body } from './test-app';
import { value } from './sql';
import { closeDatabase } from '../src/db/open-database';
import { testEngine } from './test-db';

afterAll(stopServers);

const start = async (env: Record<string, string>) => (await startServer(env)).url;

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Two-process-pass-1' }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

// SQLite only: two processes on one SQLite file (WAL, BEGIN IMMEDIATE, busy_timeout).
describe.skipIf(testEngine === 'postgres')('two server processes on one database file', () => {
  it('40 concurrent submissions split between them: no 5xx, ' +
    'versions 1…40 with no gap, one audit entry each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-two-'));
    const dbPath = join(dir, 'shared.sqlite');
    const env = { DB_PATH: dbPath, ADMIN_PASSWORD: 'Two-process-pass-1' };
    // One after the other: both would otherwise race to create the admin on an empty file.
    const a = await start(env);
    const b = await start(env);
    const cookies = [await signIn(a), await signIn(b)];
    const deps = await buildDeps({ dbPath, clock: systemClock });
    // Each submission differs (an unchanged re-submission is refused as 409 unchanged, not stored).
    const statuses = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const url = i % 2 === 0 ? a : b;
        const res = await fetch(`${url}/api/reports/RSJ/2020-08`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: cookies[i % 2] ?? '' },
          body: JSON.stringify(body(deps, i + 1)),
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([201]));
    const versions = (await (
      await fetch(`${a}/api/reports/RSJ/2020-08/versions`, { headers: { cookie: cookies[0] ?? '' } })
    ).json()) as unknown[];
    expect(versions.map((v) => versionSummarySchema.parse(v).version)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    const audits = await value(deps.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'report.submit'");
    expect(audits).toBe(40);
    await closeDatabase(deps.db);
  }, 120_000);
});
