/** GET /api/health: the database answers. */
import { pingDatabase } from '../db/open-database';
import type { Deps } from '../deps';

export function checkHealth(deps: Deps): void {
  pingDatabase(deps.db);
}
