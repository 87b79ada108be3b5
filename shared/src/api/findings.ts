import { z } from 'zod';

/** 督查责任制度: a finding of a quarterly, half-year or annual inspection, followed to closure. */
export const inspectionKinds = ['quarterly', 'half-year', 'annual'] as const;
export type InspectionKind = (typeof inspectionKinds)[number];

export const createFindingSchema = z.object({
  subjectKind: z.enum(['county', 'department']),
  subject: z.string().min(1),
  inspection: z.enum(inspectionKinds),
  period: z.string().regex(/^\d{4}(-Q[1-4]|-H[12])?$/, '期间格式如 2020-Q3、2020-H1 或 2020'),
  finding: z.string().trim().min(2).max(2000),
  rectification: z.string().trim().min(2).max(2000),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type CreateFinding = z.infer<typeof createFindingSchema>;

export const closeFindingSchema = z.object({ closingNote: z.string().trim().min(2).max(2000) });

/** POST /api/findings/:id/response: the county's account of its rectification. */
export const findingResponseSchema = z.object({ response: z.string().trim().min(2).max(2000) });

export const findingSchema = createFindingSchema.extend({
  id: z.number().int(),
  status: z.enum(['open', 'closed']),
  closingNote: z.string().nullable(),
  closedBy: z.string().nullable(),
  /** 整改说明 from the county, its time and author. */
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  respondedBy: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type Finding = z.infer<typeof findingSchema>;
