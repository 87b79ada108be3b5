/**
 * The statistics office's side of 信息公开 (issue #16): which quarters of fund use are published, the notice
 * batches (公示) it builds from classes, and the queue of objections (异议) the public filed. The public view
 * itself is ./disclosure.ts.
 */
import { z } from 'zod';
import { fundPeriodSchema } from './disclosure';

const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, '季度格式应为 2020-Q3');
/** An instant as the server stores it (ISO 8601, UTC). */
const instant = z.string();

export const quarterParamsSchema = z.object({ quarter: quarterSchema });
export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/** Sums of one quarter over every county and department: what the page shows or would show. */
export const fundTotalsSchema = z.object({
  training: z.number(),
  living: z.number(),
  assessment: z.number(),
  workTraining: z.number(),
});
export type FundTotals = z.infer<typeof fundTotalsSchema>;

export const officeQuarterSchema = z.object({
  quarter: fundPeriodSchema,
  /** Published now: the day (Asia/Shanghai) and who; null while not published or after a withdrawal. */
  publishedOn: z.string().nullable(),
  publishedBy: z.string().nullable(),
  withdrawnAt: instant.nullable(),
  /** The figures the public page shows for the quarter (null when not published). */
  published: fundTotalsSchema.nullable(),
  /** The figures a publication now would show: accepted versions in force today. */
  wouldPublish: fundTotalsSchema,
  /** Report months of the quarter with a report not yet accepted (their figures are left out). */
  unaccepted: z.number().int().nonnegative(),
});

export const officeFundUseSchema = z.object({ quarters: z.array(officeQuarterSchema) });
export type OfficeFundUse = z.infer<typeof officeFundUseSchema>;

export const createNoticeBatchSchema = z.object({
  title: z.string().trim().min(1, '请填写公示标题').max(100, '标题不超过 100 字'),
  department: z.string().min(1, '请选择部门'),
  classIds: z.array(z.string().min(1).max(64)).min(1, '请至少选择一个培训班').max(500),
  /** 公示期 in working days; DOMAIN.md says 5–7. */
  noticeDays: z.number().int().min(5, '公示期不少于 5 个工作日').max(7, '公示期不超过 7 个工作日').default(5),
});
export type CreateNoticeBatch = z.input<typeof createNoticeBatchSchema>;

export const officeNoticeBatchSchema = z.object({
  id: z.string(),
  title: z.string(),
  department: z.string(),
  classIds: z.array(z.string()),
  /** Classes the batch lists now: its ids that name a stored roster not withdrawn (decisions #16). */
  classCount: z.number().int().nonnegative(),
  noticeDays: z.number().int(),
  createdAt: instant,
  createdBy: z.string(),
  status: z.enum(['draft', 'published', 'withdrawn']),
  publishedAt: instant.nullable(),
  publishedBy: z.string().nullable(),
  withdrawnAt: instant.nullable(),
  withdrawnBy: z.string().nullable(),
  objections: z.number().int().nonnegative(),
});
export type OfficeNoticeBatch = z.infer<typeof officeNoticeBatchSchema>;

export const officeObjectionSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  batchId: z.string(),
  batchTitle: z.string(),
  classId: z.string().nullable(),
  name: z.string(),
  contact: z.string(),
  text: z.string(),
  submittedAt: instant,
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: instant.nullable(),
});
export type OfficeObjection = z.infer<typeof officeObjectionSchema>;

export const answerObjectionSchema = z.object({
  answer: z.string().trim().min(2, '请填写答复内容').max(2000, '答复不超过 2000 字'),
});

/** The reference a person is given for an objection: 异议 number, zero-padded. */
export const objectionReference = (id: number) => `YY${String(id).padStart(6, '0')}`;

const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .optional();

/** GET /api/disclosure/notice-classes: the classes a new batch may list, by department and 结业日期 range. */
export const noticeCandidateQuerySchema = z.object({
  department: z.string().min(1).max(20).optional(),
  from: dateParam,
  to: dateParam,
});
export type NoticeCandidateQuery = z.infer<typeof noticeCandidateQuerySchema>;

/** One class (a stored roster) the office can put in a batch: active, not in a published batch. */
export const noticeCandidateSchema = z.object({
  id: z.string(),
  department: z.string(),
  institution: z.string(),
  occupation: z.string(),
  level: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  traineeCount: z.number().int().nonnegative(),
  /** 培训 + 生活费 + 鉴定补贴, yuan. */
  amount: z.number().nonnegative(),
});

export const noticeCandidatesSchema = z.object({
  /** Newest 结业日期 first, at most as many as one batch may hold. */
  items: z.array(noticeCandidateSchema),
  /** All that match, when more than `items` shows. */
  total: z.number().int().nonnegative(),
});
export type NoticeCandidates = z.infer<typeof noticeCandidatesSchema>;
