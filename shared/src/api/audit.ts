import { z } from 'zod';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const auditBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const auditQuerySchema = z.object({
  actor: z.string().optional(),
  action: z.string().optional(),
  target: z.string().optional(),
  /** Calendar dates (`YYYY-MM-DD`) in the campaign's zone, both inclusive; or an ISO instant with its offset. */
  from: auditBound.optional(),
  to: auditBound.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
/** What a client may send (defaults not yet applied). */
export type AuditQueryInput = z.input<typeof auditQuerySchema>;
