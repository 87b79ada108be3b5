/** The dependencies of the app over a database file (or a fresh in-memory one), for main, scripts and tests. */
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
 * const deps = buildDeps({ clock: fixedClock('2020-09-05T10:00:00+08:00') }); // in memory, for a test
 */
export function buildDeps(
  options: { dbPath?: string; clock?: Clock; catalogue?: Catalogue; config?: Config } = {},
): Deps {
  const catalogue = options.catalogue ?? loadCatalogue();
  const db = openDatabase(options.dbPath ?? ':memory:');
  syncReferenceData(db, catalogue);
  return {
    db,
    catalogue,
    clock: options.clock ?? systemClock,
    config: options.config ?? defaultConfig,
    figures: createFigures(db, catalogue),
  };
}
