/** Reading the audit log (there is no verb that edits or deletes it). */
import type { AuditEntry } from '@lz/shared/api/audit';
import { listAudit } from '../db/audit-log';
import type { Deps } from '../deps';

/** `from`/`to` are instants in the stored form (`toISOString`, UTC). */
export function listAuditEntries(deps: Deps, q: Parameters<typeof listAudit>[1]): AuditEntry[] {
  return listAudit(deps.db, q);
}
