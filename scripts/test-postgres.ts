/**
 * Usage: pnpm test:postgres (part of `pnpm check`)
 * The unit and integration suite again on PostgreSQL: each test app on its own throwaway schema of
 * TEST_DATABASE_URL (default postgres://lz:lz@127.0.0.1:5432/lz). Without a reachable server the pass is
 * skipped with a message, unless REQUIRE_POSTGRES=1 (CI), where that is a failure. Test files that never
 * reach the engine's choice (test-engine-files.ts) ran on the SQLite pass and are not repeated; the pass
 * names them.
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { testFilesByEngineUse } from './test-engine-files';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://lz:lz@127.0.0.1:5432/lz';
const shown = url.replace(/\/\/[^@/]*@/, '//');
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  console.log(`PostgreSQL ${rows[0]?.server_version} at ${shown}: running the suite on it`);
} catch (err) {
  const why = err instanceof Error ? err.message : String(err);
  if (process.env.REQUIRE_POSTGRES === '1') {
    console.error(`PostgreSQL at ${shown} is not reachable (${why}), and REQUIRE_POSTGRES=1: failing.`);
    process.exit(1);
  }
  console.warn(`PostgreSQL at ${shown} is not reachable (${why}): the PostgreSQL pass is SKIPPED.`);
  console.warn('Set TEST_DATABASE_URL to a server (role and database must exist) to run it.');
  process.exit(0);
} finally {
  await client.end().catch(() => {});
}
// Throwaway test schemas need no durable commits: without waiting for the WAL flush at each COMMIT the pass
// runs about a quarter faster. Only these test connections are affected; the product's never are.
const PGOPTIONS = [process.env.PGOPTIONS, '-c synchronous_commit=off'].filter(Boolean).join(' ');
const { engine, engineFree } = testFilesByEngineUse();
console.log(
  `${engine.length} test files open a database through server/test/test-db.ts and run again here; ` +
    `${engineFree.length} never do (the same code on either engine) and ran once, on SQLite:\n  ` +
    engineFree.join('\n  '),
);
const exclude = engineFree.flatMap((f) => ['--exclude', f]);
const r = spawnSync('vitest', ['run', ...exclude, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, LZ_TEST_ENGINE: 'postgres', TEST_DATABASE_URL: url, PGOPTIONS },
});
process.exit(r.status ?? 1);
