/** The dependencies of the app over a database (a SQLite file, a fresh in-memory one, or PostgreSQL). */
import type { Catalogue } from '@lz/shared/catalogue';
import { loadCatalogue } from './catalogue';
import { openDatabase } from './db/open-database';
import { syncReferenceData } from './db/reference-sync';
import { defaultConfig, systemClock, type Clock, type Config, type Deps } from './deps';
import { createFigures } from './services/progress/figures';
import { checkPiiKey, piiKeyFor, seedTrainingCatalogue } from './services/realname/open-realname';

/**
 * Opens (and migrates) the database, syncs the campaign's reference data into it and builds the read model.
 *
 * @example
 * const deps = await buildDeps({ clock: fixedClock('2020-09-05T10:00:00+08:00') }); // in memory, for a test
 * const pg = await buildDeps({ dbPath: 'postgres://lz:lz@127.0.0.1/lz', schema: 'test_1' });
 */
export async function buildDeps(
  options: {
    /** A SQLite path, `:memory:` (the default) or a `postgres://` URL. */
    dbPath?: string;
    /** PostgreSQL only: the schema to work in (see `openDatabase`). */
    schema?: string;
    clock?: Clock;
    catalogue?: Catalogue;
    config?: Config;
    /** The personal-data key; else as `piiKeyFor` finds it (a fresh one for `:memory:`). */
    piiKey?: Buffer;
  } = {},
): Promise<Deps> {
  const catalogue = options.catalogue ?? loadCatalogue();
  const db = await openDatabase(options.dbPath ?? ':memory:', { schema: options.schema });
  await syncReferenceData(db, catalogue);
  const clock = options.clock ?? systemClock;
  const dbPath = options.dbPath ?? ':memory:';
  let pii: Deps['pii'];
  try {
    pii = await checkPiiKey(db, options.piiKey ?? piiKeyFor(dbPath), clock.now());
  } catch (err) {
    await db.destroy();
    throw err;
  }
  await seedTrainingCatalogue(db, catalogue, clock.now());
  return {
    db,
    catalogue,
    clock,
    pii,
    config: options.config ?? defaultConfig,
    figures: createFigures(db, catalogue),
  };
}
