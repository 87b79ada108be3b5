import { z } from 'zod';
import { auditEntrySchema, auditQuerySchema } from '@lz/shared/api/audit';
import { allow, defineRoutes } from '../../http/define-routes';
import { getAuditEntries } from '../../services/audit';

/** Read-only on purpose: there is no route that edits or deletes the audit log. */
export function auditRoutes() {
  const r = defineRoutes('/api/audit');
  r.get(
    '/',
    {
      summary: '审计日志（只读）',
      access: allow('admin'),
      query: auditQuerySchema,
      response: z.array(auditEntrySchema),
    },
    async (c, { query }) => c.json(await getAuditEntries(c.get('deps'), query)),
  );
  return r;
}
