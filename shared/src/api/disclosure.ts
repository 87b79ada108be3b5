/**
 * The public site's contract (issue #16): what /api/public/* answers and what the /gongkai/ pages render.
 * No login, nothing personal: a person appears only masked, and the schemas refuse an unmasked name or
 * ID number, so a mistake in a data source fails loudly instead of publishing someone.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const yuan = z.number().nonnegative();
const count = z.number().int().nonnegative();
const codeName = z.object({ code: z.string().min(1), name: z.string().min(1) });

export const institutionTypes = ['公办院校', '民办培训机构', '企业培训中心', '行业协会', '其他'] as const;
export const institutionStatuses = ['有效', '暂停', '注销'] as const;

/** 张*三, 张*, 欧阳**: the first character, then stars, then the last of three or more. */
export const maskedNameSchema = z.string().regex(/^.\*+.?$/u, '姓名须脱敏');
/** 4502**********1234: region prefix, ten stars, last four. */
export const maskedIdSchema = z.string().regex(/^\d{4}\*{10}[\dX]{4}$/, '身份证号须脱敏');

/** GET /gongkai/jigou and /api/public/institutions: the filters, all optional. */
export const institutionFilterSchema = z.object({
  /** Part of the name or of the 统一社会信用代码. */
  q: z.string().trim().max(60).optional(),
  county: z.string().max(20).optional(),
  occupation: z.string().max(40).optional(),
  type: z.enum(institutionTypes).optional(),
  status: z.enum(institutionStatuses).optional(),
});
export type InstitutionFilter = z.infer<typeof institutionFilterSchema>;

export const approvalSchema = z.object({ occupation: z.string().min(1), level: z.string().min(1) });

export const publicInstitutionSummarySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  creditCode: z.string().length(18),
  county: codeName,
  type: z.enum(institutionTypes),
  status: z.enum(institutionStatuses),
  /** The day the status took effect. */
  statusSince: isoDate,
  occupations: z.array(z.string()),
});

/** Per calendar year (by 结业日期), from published rosters only. */
export const institutionYearSchema = z.object({
  year: z.number().int(),
  classes: count,
  trainees: count,
  subsidies: yuan,
});

export const publicInstitutionSchema = publicInstitutionSummarySchema.extend({
  approved: z.array(approvalSchema),
  years: z.array(institutionYearSchema),
});
export type PublicInstitution = z.infer<typeof publicInstitutionSchema>;

/** The 发布日期 every page shows: when the office last changed what the page lists. */
const published = { publishedAt: isoDate };

export const institutionListSchema = z.object({
  ...published,
  /** What the filter form offers: every county, occupation seen in the catalogue. */
  counties: z.array(codeName),
  occupations: z.array(z.string()),
  items: z.array(publicInstitutionSummarySchema),
});
export type InstitutionList = z.infer<typeof institutionListSchema>;

export const institutionPageSchema = z.object({ ...published, institution: publicInstitutionSchema });
export type InstitutionPage = z.infer<typeof institutionPageSchema>;

export const publicProjectSchema = z.object({
  occupation: z.string().min(1),
  /** 国家职业分类大典 code where known. */
  occupationCode: z.string().nullable(),
  level: z.string().min(1),
  /** 元/人. */
  subsidyStandard: yuan,
  minimumHours: count,
});
export type PublicProject = z.infer<typeof publicProjectSchema>;

export const projectListSchema = z.object({ ...published, items: z.array(publicProjectSchema) });
export type ProjectList = z.infer<typeof projectListSchema>;

/** One subsidy with the person-times it paid for; null where the monthly form counts no people for it. */
export const fundLineSchema = z.object({ amount: yuan, personTimes: count.nullable() });

/** A period is a quarter (2020-Q3) or a year (2020: the sum of that year's published quarters). */
export const fundPeriodSchema = z.string().regex(/^\d{4}(-Q[1-4])?$/);

export const fundUseRowSchema = z.object({
  period: fundPeriodSchema,
  dimension: z.enum(['county', 'department']),
  code: z.string(),
  name: z.string(),
  training: fundLineSchema,
  living: fundLineSchema,
  assessment: fundLineSchema,
  workTraining: fundLineSchema,
});
export type FundUseRow = z.infer<typeof fundUseRowSchema>;

export const fundPublicationSchema = z.object({ quarter: fundPeriodSchema, publishedAt: isoDate });
export type FundPublication = z.infer<typeof fundPublicationSchema>;

export const fundUseSchema = z.object({
  /** The latest quarter's publication; null while nothing is published. */
  publishedAt: isoDate.nullable(),
  publications: z.array(fundPublicationSchema),
  /** Each year with the quarters its row sums, so a reader sees a year that is not yet complete. */
  years: z.array(z.object({ year: fundPeriodSchema, quarters: z.array(fundPeriodSchema) })),
  rows: z.array(fundUseRowSchema),
});
export type FundUse = z.infer<typeof fundUseSchema>;

export const noticeTraineeSchema = z.object({ name: maskedNameSchema, idNumber: maskedIdSchema });

export const noticeClassSchema = z.object({
  id: z.string().min(1),
  institution: z.string().min(1),
  occupation: z.string().min(1),
  level: z.string().min(1),
  startDate: isoDate,
  endDate: isoDate,
  traineeCount: count,
  /** Only when the office lists people at all; then masked. */
  trainees: z.array(noticeTraineeSchema).nullable(),
  amount: yuan,
});
export type NoticeClass = z.infer<typeof noticeClassSchema>;

export const noticeBatchSummarySchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  department: z.string().min(1),
  publishedAt: isoDate,
  /** 公示期: the first and last working day, Asia/Shanghai. */
  noticeStart: isoDate,
  noticeEnd: isoDate,
  /** Whether an objection can still be filed now. */
  open: z.boolean(),
  classCount: count,
  amount: yuan,
});
export type NoticeBatchSummary = z.infer<typeof noticeBatchSummarySchema>;

export const noticeBatchSchema = noticeBatchSummarySchema.extend({ classes: z.array(noticeClassSchema) });
export type NoticeBatch = z.infer<typeof noticeBatchSchema>;

export const noticeListSchema = z.object({
  /** The newest batch's publication; null while none is published. */
  publishedAt: isoDate.nullable(),
  items: z.array(noticeBatchSummarySchema),
});
export type NoticeList = z.infer<typeof noticeListSchema>;

/** What a person files against a notice (异议). Lengths bound what one request can make the office store. */
export const objectionSchema = z.object({
  batchId: z.string({ error: '缺少公示批次' }).min(1).max(64),
  classId: z.string().min(1).max(64).optional(),
  name: z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(40, '姓名不超过 40 字'),
  contact: z
    .string({ error: '请填写联系电话或邮箱' })
    .trim()
    .min(5, '请填写联系电话或邮箱')
    .max(80, '联系方式不超过 80 字'),
  text: z.string({ error: '请填写异议内容' }).trim().min(5, '异议内容至少 5 字').max(2000, '异议内容不超过 2000 字'),
});
export type Objection = z.infer<typeof objectionSchema>;

/**
 * POST /api/public/objections (JSON) and the 异议 form (form fields of the same names): the objection and
 * its challenge (GET /api/public/objections/challenge) answered either by proof of work (`pow`, filled by
 * the page's script) or by the arithmetic question (`answer`, typed by a person without JavaScript).
 */
export const objectionRequestSchema = objectionSchema
  .extend({
    token: z.string({ error: '请刷新页面后重新提交' }).min(1, '请刷新页面后重新提交').max(600),
    pow: z.string().trim().max(20).optional(),
    answer: z.string().trim().max(10).optional(),
    /** The honeypot: a field people never see; anything in it marks a robot. */
    website: z.string().max(200).optional(),
  })
  .refine((r) => Boolean(r.pow || r.answer), { message: '请回答验证问题', path: ['answer'] });

export const challengeSchema = z.object({
  token: z.string(),
  /** Proof of work: find a counter so that SHA-256(`${nonce}:${counter}`) starts with `bits` zero bits. */
  nonce: z.string(),
  bits: z.number().int(),
  /** The fallback for browsers without JavaScript, e.g. 「七加五等于多少？」. */
  question: z.string(),
  expiresAt: z.string(),
});
export type Challenge = z.infer<typeof challengeSchema>;

export const objectionReceiptSchema = z.object({ reference: z.string(), receivedAt: z.string() });
export type ObjectionReceipt = z.infer<typeof objectionReceiptSchema>;
