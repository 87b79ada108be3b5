import { z } from 'zod';
import { monthSchema } from '../catalogue';
import { problemSchema } from '../problems';
import { reportRowSchema } from '../report-body';

export const reportStatusSchema = z.enum(['submitted', 'returned', 'accepted']);

/** ISO 8601 with an explicit offset, e.g. 2020-01-10T23:59:59+08:00. */
export const instantSchema = z.iso.datetime({ offset: true });

export const submitReportSchema = z.object({
  rows: z.array(reportRowSchema).max(200),
  /** Admin only: back-fill history from paper records. */
  submittedAt: instantSchema.optional(),
});
export type SubmitReport = z.infer<typeof submitReportSchema>;

/**
 * The version the reviewer looked at: accepting or returning judges that version, so a newer one sent
 * meanwhile must be looked at first (409 stale_version) instead of being locked unseen.
 */
const reviewedVersion = z.number().int().positive();

export const acceptSchema = z.object({ version: reviewedVersion });

/**
 * Accepting several reports at once, each with the version the office looked at. All or nothing: one stale
 * or no longer acceptable item refuses the batch (409) and the details list every such item.
 */
export const acceptBatchSchema = z.object({
  items: z
    .array(z.object({ department: z.string().min(1), month: monthSchema, version: reviewedVersion }))
    .min(1)
    .max(500),
});
export type AcceptBatch = z.infer<typeof acceptBatchSchema>;
export const acceptBatchResultSchema = z.object({ accepted: z.number().int() });
export type AcceptBatchResult = z.infer<typeof acceptBatchResultSchema>;
export const reasonSchema = z.object({
  reason: z.string().trim().min(2, '请填写原因').max(500),
  version: reviewedVersion,
});
/** Unlocking opens the month as it stands; the version is checked when given. */
export const unlockSchema = z.object({
  reason: z.string().trim().min(2, '请填写原因').max(500),
  version: reviewedVersion.optional(),
});

export const reportVersionSchema = z.object({
  department: z.string(),
  month: monthSchema,
  version: z.number().int(),
  status: reportStatusSchema,
  submittedAt: z.string(),
  submittedBy: z.string(),
  firstSubmittedAt: z.string(),
  onTime: z.boolean(),
  deadline: z.string(),
  source: z.enum(['form', 'file', 'demo']),
  fileName: z.string().nullable(),
  rows: z.array(z.object({ county: z.string(), values: z.record(z.string(), z.number()) })),
  totals: z.record(z.string(), z.number()),
  warnings: z.array(problemSchema),
  statusReason: z.string().nullable(),
});
export type ReportVersion = z.infer<typeof reportVersionSchema>;

export const versionSummarySchema = z.object({
  version: z.number().int(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  source: z.enum(['form', 'file', 'demo']),
  fileName: z.string().nullable(),
  totals: z.record(z.string(), z.number()),
  warnings: z.array(problemSchema),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

/** GET /api/reports: one department's months (default: every reporting department), by status (comma-separated). */
export const reportListQuerySchema = z.object({ department: z.string().optional(), status: z.string().optional() });
export type ReportListQuery = z.input<typeof reportListQuerySchema>;

/** One line of a department's workspace or of the review queue. */
export const reportMonthSchema = z.object({
  department: z.string(),
  month: monthSchema,
  deadline: z.string(),
  status: z.enum(['not_due', 'due', 'overdue', 'submitted', 'returned', 'accepted']),
  version: z.number().int().nullable(),
  onTime: z.boolean().nullable(),
  firstSubmittedAt: z.string().nullable(),
  lastSubmittedAt: z.string().nullable(),
  statusReason: z.string().nullable(),
  warnings: z.number().int(),
  total: z.number().nullable(),
});
export type ReportMonth = z.infer<typeof reportMonthSchema>;

export const reportEventSchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.enum(['submit', 'accept', 'return', 'unlock']),
  version: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type ReportEvent = z.infer<typeof reportEventSchema>;

/** One report written by a history import. */
export const importedReportSchema = z.object({
  department: z.string(),
  month: z.string(),
  version: z.number().int(),
  submittedAt: z.string(),
  onTime: z.boolean(),
  warnings: z.number().int(),
});

/** The answer to POST /api/reports/import: every report the file held, all written or none. */
export const historyImportResultSchema = z.object({
  fileName: z.string(),
  reports: z.array(importedReportSchema),
  lines: z.number().int(),
  warnings: z.number().int(),
});
export type HistoryImportResult = z.infer<typeof historyImportResultSchema>;
