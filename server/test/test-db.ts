/**
 * The database a test runs on: in-memory SQLite by default; with LZ_TEST_ENGINE=postgres a throwaway schema of
 * TEST_DATABASE_URL per app (search_path set on its connections), dropped when the test file ends.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { buildDeps } from '../src/build-deps';
import { closeDatabase } from '../src/db/open-database';
import type { Deps } from '../src/deps';

export const testEngine: 'sqlite' | 'postgres' = process.env.LZ_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://lz:lz@127.0.0.1:5432/lz';

const opened: { deps: Deps; schema: string | null }[] = [];

/** A fresh, migrated database with the campaign's reference data, on the engine under test. */
export async function freshDeps(options: Omit<Parameters<typeof buildDeps>[0] & object, 'dbPath' | 'schema'> = {}) {
  if (testEngine === 'sqlite') {
    const deps = await buildDeps(options);
    opened.push({ deps, schema: null });
    return deps;
  }
  const schema = `lz_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const deps = await buildDeps({ ...options, dbPath: testDatabaseUrl, schema });
  opened.push({ deps, schema });
  return deps;
}

afterAll(async () => {
  const schemas = opened.flatMap((o) => (o.schema ? [o.schema] : []));
  await Promise.all(opened.splice(0).map((o) => closeDatabase(o.deps.db)));
  if (schemas.length === 0) return;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await admin.end();
  }
});
