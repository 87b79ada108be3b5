/** The dependencies of the app over a database (a SQLite file, a fresh in-memory one, or PostgreSQL). */
import type { Catalogue } from '@lz/shared/catalogue';
import { loadCatalogue } from './catalogue';
import { openDatabase } from './db/open-database';
import { syncReferenceData } from './db/reference-sync';
import { defaultConfig, systemClock, type Clock, type Config, type Deps } from './deps';
import { createFigures } from './services/progress/figures';

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
  } = {},
): Promise<Deps> {
  const catalogue = options.catalogue ?? loadCatalogue();
  const db = await openDatabase(options.dbPath ?? ':memory:', { schema: options.schema });
  await syncReferenceData(db, catalogue);
  return {
    db,
    catalogue,
    clock: options.clock ?? systemClock,
    config: options.config ?? defaultConfig,
    figures: createFigures(db, catalogue),
  };
}
