/**
 * The database a test runs on: in-memory SQLite by default; with LZ_TEST_ENGINE=postgres a throwaway schema of
 * TEST_DATABASE_URL per app (search_path set on its connections), dropped when the test file ends.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { buildDeps } from '../src/build-deps';
import { closeDatabase } from '../src/db/open-database';
import type { Deps } from '../src/deps';

export const testEngine: 'sqlite' | 'postgres' = process.env.LZ_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://lz:lz@127.0.0.1:5432/lz';

type Options = Omit<Parameters<typeof buildDeps>[0] & object, 'dbPath' | 'schema'>;

const TEST_PII_KEY = Buffer.alloc(32, 7);

const opened: Deps[] = [];
const schemas: string[] = [];

/** A fresh, migrated database with the campaign's reference data, on the engine under test. */
export function freshDeps(options: Options = {}): Promise<Deps> {
  return depsOn(testEngine === 'sqlite' ? { dbPath: ':memory:' } : sharedDatabase(), options);
}

/**
 * A database several `depsOn` can open, as two processes share one: a SQLite file in a temporary folder,
 * or a PostgreSQL schema.
 */
export function sharedDatabase(): { dbPath: string; schema?: string } {
  if (testEngine === 'sqlite') return { dbPath: join(mkdtempSync(join(tmpdir(), 'lz-test-')), 'shared.sqlite') };
  const schema = `lz_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  schemas.push(schema);
  return { dbPath: testDatabaseUrl, schema };
}

/** The app's dependencies over `db` (from `sharedDatabase`), closed when the test file ends. */
export async function depsOn(db: { dbPath: string; schema?: string }, options: Options = {}): Promise<Deps> {
  // One personal-data key for every test database, so no test writes a key file (var/pii.key) of its own.
  const deps = await buildDeps({ piiKey: TEST_PII_KEY, ...options, ...db });
  opened.push(deps);
  return deps;
}

afterAll(async () => {
  await Promise.all(opened.splice(0).map((deps) => closeDatabase(deps.db)));
  if (schemas.length === 0) return;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    for (const s of schemas.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await admin.end();
  }
});
