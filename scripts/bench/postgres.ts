/**
 * The benchmark's PostgreSQL side: each scale's SQLite database moved into its own schema with `db:copy`'s
 * module (so the two engines hold the very same rows), the same raw floors run with pg, and the schema dropped
 * afterwards. BENCH_DATABASE_URL (default: the local test server) names the PostgreSQL to use.
 */
import pg from 'pg';
import { copyDatabase } from '@lz/server/db/copy-database';
import { pgTypes } from '@lz/server/db/open-database';
import { endOfDayInZone } from '@lz/shared/zoned-time';
import { floorQueries } from './sql-floor';

export const benchPostgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://lz:lz@127.0.0.1:5432/lz';

/** The URL a server process opens to work in `schema` (search_path passed as a connection option). */
export function urlForSchema(schema: string): string {
  const url = new URL(benchPostgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: benchPostgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return String((await client.query('SHOW server_version')).rows[0]?.server_version);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Copies `sqlitePath` into a fresh schema `bench_<label>`; returns the copy's seconds. */
export async function copyIntoSchema(sqlitePath: string, schema: string): Promise<number> {
  await dropSchema(schema);
  const result = await copyDatabase(sqlitePath, benchPostgresUrl, schema);
  if (!result.ok) throw new Error(`db:copy of ${sqlitePath} into ${schema} did not verify`);
  await admin((c) => c.query(`VACUUM ANALYZE`), schema);
  return result.ms / 1000;
}

export const dropSchema = (schema: string) => admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));

async function admin<T>(fn: (c: pg.Client) => Promise<T>, schema?: string): Promise<T> {
  const client = new pg.Client({
    connectionString: benchPostgresUrl,
    types: pgTypes,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The floors of sql-floor.ts on PostgreSQL: the same SQL, named parameters as $n. */
export async function measureFloorPostgres(
  schema: string,
  asOf: string,
  through: string,
  county: string,
  n: number,
): Promise<Record<string, number[]>> {
  const params: Record<string, unknown> = {
    asOfMs: endOfDayInZone(asOf, 'Asia/Shanghai').getTime(),
    through,
    county,
  };
  return admin(async (c) => {
    const out: Record<string, number[]> = {};
    for (const [name, text] of Object.entries(floorQueries)) {
      const order: string[] = [];
      const query = text.replace(/@(\w+)/g, (_, key: string) => {
        if (!order.includes(key)) order.push(key);
        return `$${order.indexOf(key) + 1}`;
      });
      // A named statement: planned once and reused, as the SQLite floor reuses its prepared statement.
      const run = () =>
        c.query({
          name: `floor_${order.length}_${name.replace(/\W/g, '_')}`,
          text: query,
          values: order.map((k) => params[k]),
        });
      await run();
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await run();
        samples.push(performance.now() - t0);
      }
      out[name] = samples;
    }
    return out;
  }, schema);
}

/** The database's size on disk (tables, indexes and TOAST) of one schema, in bytes. */
export const schemaBytes = (schema: string) =>
  admin(async (c) => {
    const { rows } = await c.query(
      `SELECT COALESCE(SUM(pg_total_relation_size(format('%I.%I', schemaname, tablename)::regclass)), 0) AS b
       FROM pg_tables WHERE schemaname = $1`,
      [schema],
    );
    return Number(rows[0]?.b);
  });
