/**
 * kill -9 in the middle of writes, on each engine: a server process is killed while 40 submissions to one
 * report are in flight. Started again on the same database, every version it answered 201 for is there, each
 * version is whole (all its values and totals, one audit entry), the numbering has no gap, and the next
 * submission continues it. What a transaction wrote is all there or not at all.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/deps';
import { createUser } from '../src/services/auth/users';
import { startServer, stopServers } from './server-process';
import { rows, value } from './sql';
import { body } from './test-app';
import { depsOn, sharedDatabase, testEngine } from './test-db';

afterAll(stopServers);

const PASSWORD = 'Kill-nine-pass-1';
// The key test-db.ts gives every test database, so the restarted server reads the same personal data.
const PII_KEY = '07'.repeat(32);
const IN_FLIGHT = 40;

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'rsj', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe(`kill -9 mid-write (${testEngine})`, () => {
  it('keeps every acknowledged version whole and numbering without a gap after a restart', async () => {
    const db = sharedDatabase();
    const deps = await depsOn(db, { clock: systemClock });
    await createUser(deps, { username: 'rsj', password: PASSWORD, role: 'reporter', department: 'RSJ' }, 'test');
    const env: Record<string, string> = { PII_KEY };
    if (db.schema) {
      const url = new URL(db.dbPath);
      url.searchParams.set('options', `-c search_path=${db.schema}`);
      env.DATABASE_URL = url.toString();
    } else env.DB_PATH = db.dbPath;

    const first = await startServer(env);
    const cookie = await signIn(first.url);
    let acknowledged = 0;
    const submit = (k: number) =>
      fetch(`${first.url}/api/reports/RSJ/2020-08`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body(deps, k)),
      }).then(
        (res) => (res.status === 201 ? acknowledged++ : undefined),
        () => undefined, // the connection died with the process
      );
    const inFlight = Array.from({ length: IN_FLIGHT }, (_, i) => submit(i + 1));
    // Kill once a few have committed, so others are mid-transaction or queued.
    await expect.poll(() => acknowledged, { timeout: 30_000, interval: 5 }).toBeGreaterThanOrEqual(3);
    await first.kill('SIGKILL');
    await Promise.all(inFlight);
    expect(acknowledged).toBeLessThan(IN_FLIGHT); // the kill did land mid-stream

    const again = await startServer(env);
    const stored = await rows<{ id: number; version: number }>(
      deps.db,
      "SELECT id, version FROM report_versions WHERE department = 'RSJ' AND month = '2020-08' ORDER BY version",
    );
    expect(stored.length).toBeGreaterThanOrEqual(acknowledged);
    expect(stored.map((v) => Number(v.version))).toEqual(stored.map((_, i) => i + 1));
    const units = deps.catalogue.units.length;
    const perVersion = Number(
      await value(deps.db, 'SELECT COUNT(*) FROM report_values WHERE version_id = ?', stored[0]?.id),
    );
    const ks = new Set<number>();
    for (const v of stored) {
      const id = Number(v.id);
      expect(Number(await value(deps.db, 'SELECT COUNT(*) FROM report_values WHERE version_id = ?', id))).toBe(
        perVersion,
      );
      // body(k) gives every county T = 30k: the version's stored total names which submission it was.
      const total = Number(
        await value(deps.db, "SELECT value FROM version_totals WHERE version_id = ? AND indicator = 'T'", id),
      );
      expect(total % (30 * units)).toBe(0);
      ks.add(total / (30 * units));
    }
    expect(ks.size).toBe(stored.length); // no submission stored twice
    const audits = await value(
      deps.db,
      "SELECT COUNT(*) FROM audit_log WHERE action = 'report.submit' AND target = 'RSJ/2020-08'",
    );
    expect(Number(audits)).toBe(stored.length);

    // The restarted server continues the numbering.
    const res = await fetch(`${again.url}/api/reports/RSJ/2020-08`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await signIn(again.url) },
      body: JSON.stringify(body(deps, 1000)),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { version: number }).version).toBe(stored.length + 1);
  }, 120_000);
});
