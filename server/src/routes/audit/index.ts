import { z } from 'zod';
import { auditEntrySchema, auditQuerySchema } from '@lz/shared/api/audit';
import { listAudit } from '../../db/audit-log';
import { allow, defineRoutes } from '../../http/define-routes';
import { parseQuery } from '../../http/parse-input';

/** Read-only on purpose: there is no route that edits or deletes the audit log. */
export function auditRoutes() {
  const r = defineRoutes('/api/audit');
  r.get('/', { summary: '审计日志（只读）', access: allow('admin'), query: auditQuerySchema, response: z.array(auditEntrySchema) }, (c) =>
    c.json(listAudit(c.get('deps').db, parseQuery(c, auditQuerySchema))),
  );
  return r.app;
}
