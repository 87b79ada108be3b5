import type { Db } from './open-database';

/** Throws when the database cannot answer a trivial query (the health check). */
export function pingDatabase(db: Db): void {
  db.prepare('SELECT 1').get();
}
