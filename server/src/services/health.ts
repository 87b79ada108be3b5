import { pingDatabase } from '../db/open-database';
import type { Deps } from '../deps';

/** The health check's answer: the database answers, or this throws (and the check fails with a 500). */
export async function checkHealth(deps: Deps): Promise<{ ok: true }> {
  await pingDatabase(deps.db);
  return { ok: true };
}
