/** A fresh database (in memory unless a path is given) with reference data synced, for scripts and tests. */
import { loadCatalogue } from '../catalogue';
import { openDatabase } from '../db/open-database';
import { syncReferenceData } from '../db/reference-sync';
import { defaultConfig, systemClock, type Clock, type Deps } from '../deps';

export function buildDeps(options: { dbPath?: string; clock?: Clock } = {}): Deps {
  const catalogue = loadCatalogue();
  const db = openDatabase(options.dbPath ?? ':memory:');
  syncReferenceData(db, catalogue);
  return { db, catalogue, clock: options.clock ?? systemClock, config: defaultConfig };
}
