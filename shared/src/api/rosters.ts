/**
 * The contract of the real-name endpoints (#15): rosters, flags, person lookup, reconciliation. The server
 * validates with these schemas, its tests parse answers with them and the web imports the types.
 */
import { z } from 'zod';
import { monthSchema } from '../catalogue';
import { institutionStatuses, institutionTypes } from './disclosure';

const money = z.number().nonnegative().max(1_000_000);
const isoDate = z.string().max(40);

/** A class as POST /api/rosters takes it; names are matched against the catalogues (loosely). */
export const rosterClassInputSchema = z.object({
  /** Only an admin names it; a reporter files for its own department. */
  department: z.string().max(40).optional(),
  /** Name or 统一社会信用代码. */
  institution: z.string().max(200),
  trainingType: z.string().max(60),
  occupation: z.string().max(100),
  level: z.string().max(40),
  /** 培训地点: county code or name. */
  county: z.string().max(60),
  startDate: isoDate,
  endDate: isoDate,
  hours: z.number().nonnegative().max(10_000).nullable(),
});
export type RosterClassInput = z.infer<typeof rosterClassInputSchema>;

export const traineeInputSchema = z.object({
  name: z.string().max(60),
  gender: z.string().max(4).default(''),
  idNumber: z.string().max(40),
  /** 人员类别, e.g. 农村转移就业劳动者; may stay empty in an enterprise class. */
  group: z.string().max(60).default(''),
  /** 是否贫困劳动力: true/false or 是/否 as typed. */
  poor: z.union([z.boolean(), z.string().max(10)]).default(false),
  phone: z.string().max(40).default(''),
  certificateType: z.string().max(40).default(''),
  certificateNo: z.string().max(60).default(''),
  trainingSubsidy: money.default(0),
  livingSubsidy: money.default(0),
  assessmentSubsidy: money.default(0),
});
export type TraineeInput = z.infer<typeof traineeInputSchema>;

/** The 合计 row as a file states it; the rules check it against the lines. */
export const rosterTotalSchema = z.object({
  trainees: z.number().int().nonnegative().nullable(),
  trainingSubsidy: money.nullable(),
  livingSubsidy: money.nullable(),
  assessmentSubsidy: money.nullable(),
});
export type RosterTotal = z.infer<typeof rosterTotalSchema>;

export const rosterInputSchema = z.object({
  class: rosterClassInputSchema,
  trainees: z.array(traineeInputSchema).min(1).max(5000),
  total: rosterTotalSchema.nullable().default(null),
});
export type RosterInput = z.infer<typeof rosterInputSchema>;

/** One problem of a refused roster: the sheet row (1-based) and column letter in a file, the line and field in JSON. */
export const rosterProblemSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
});
export type RosterProblem = z.infer<typeof rosterProblemSchema>;

/** 422: every problem of the file at once; nothing is stored. */
export const rosterRefusalSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(rosterProblemSchema) }),
});

export const FLAG_KINDS = [
  'overlap',
  'retirement-age',
  'shared-phone',
  'not-approved',
  'subsidy-above-standard',
  'hours-below-minimum',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** A class named as evidence: this roster's class (id null until stored) or an earlier one. */
const classRefSchema = z.object({
  classId: z.string().nullable(),
  department: z.string(),
  institution: z.string().nullable(),
  occupation: z.string(),
  level: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});
export type ClassRef = z.infer<typeof classRefSchema>;

/** A sign of fake training for inspectors to adjudicate: never a refusal. People in it are masked. */
export const flagSchema = z.object({
  kind: z.enum(FLAG_KINDS),
  message: z.string(),
  evidence: z.object({
    trainees: z.array(z.object({ row: z.number().int().nullable(), name: z.string(), idNumber: z.string() })),
    classes: z.array(classRefSchema),
    /** The figures the flag rests on: ages, hours, yuan, the masked phone … */
    figures: z.record(z.string(), z.union([z.number(), z.string()])),
  }),
});
export type Flag = z.infer<typeof flagSchema>;

/** What a class adds to its department's monthly report (DOMAIN.md's mapping). */
export const contributionSchema = z.object({
  month: monthSchema,
  county: z.string(),
  values: z.record(z.string(), z.number()),
});
export type Contribution = z.infer<typeof contributionSchema>;

/** 201 of POST /api/rosters and /api/rosters/file. */
export const rosterCreatedSchema = z.object({
  id: z.string(),
  department: z.string(),
  institution: z.string(),
  trainingType: z.string(),
  occupation: z.string(),
  level: z.string(),
  county: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  trainees: z.number().int(),
  flags: z.array(flagSchema),
  contributes: contributionSchema,
});
export type RosterCreated = z.infer<typeof rosterCreatedSchema>;

export const rosterListQuerySchema = z.object({
  department: z.string().optional(),
  month: monthSchema.optional(),
  county: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const withdrawRosterSchema = z.object({ reason: z.string().trim().min(2).max(500) });

export const flagQuerySchema = z.object({
  status: z.enum(['open', 'confirmed', 'dismissed']).optional(),
  kind: z.enum(FLAG_KINDS).optional(),
  department: z.string().optional(),
  county: z.string().optional(),
});

export const resolveFlagSchema = z.object({
  decision: z.enum(['confirm', 'dismiss']),
  note: z.string().trim().min(2).max(2000),
});

/** POST so the number never sits in a URL or an access log. */
export const personLookupSchema = z.object({ idNumber: z.string().min(1).max(40) });

export const reconciliationQuerySchema = z.object({
  department: z.string().optional(),
  month: monthSchema.optional(),
  asOf: z.iso.date().optional(),
});

/** POST /api/institutions: county and occupation by code or name, level by its name. */
export const createInstitutionSchema = z.object({
  name: z.string().trim().min(2).max(200),
  creditCode: z.string().max(40),
  county: z.string().max(60),
  type: z.enum(institutionTypes),
  approved: z.array(z.object({ occupation: z.string().max(100), level: z.string().max(40) })).max(500),
});

export const patchInstitutionSchema = createInstitutionSchema.partial().extend({
  status: z.enum(institutionStatuses).optional(),
  statusReason: z.string().max(500).optional(),
  /** The day the status took effect (a suspension refuses classes starting from it); today when omitted. */
  statusSince: z.iso.date().optional(),
});

/** PATCH /api/training-projects/:id: the office's standard (yuan per person), minimum hours, name and code. */
export const patchTrainingProjectSchema = z.object({
  occupation: z.string().trim().min(1, '职业名称不能为空').max(100).optional(),
  code: z
    .string()
    .regex(/^\d-\d{2}-\d{2}-\d{2}$/u, '职业代码应为国家职业分类大典格式，如 6-31-01-03')
    .nullable()
    .optional(),
  subsidy: z.number().min(0, '补贴标准不能为负数').max(100_000, '补贴标准不应超过 100000 元/人').optional(),
  minHours: z.number().int('最低课时应为整数').min(1, '最低课时至少为 1').max(2000, '最低课时不应超过 2000').optional(),
});
export type PatchTrainingProject = z.infer<typeof patchTrainingProjectSchema>;

const figureSchema = z.object({
  rosters: z.number(),
  /** The report's figure in force as of the date; null when no report was filed. */
  reported: z.number().nullable(),
  /** reported − rosters: above zero the report claims more than its rosters show. */
  difference: z.number().nullable(),
});

/** GET /api/reconciliation for one department × month. */
export const reconciliationSchema = z.object({
  department: z.string(),
  month: monthSchema,
  cells: z.array(figureSchema.extend({ county: z.string(), indicator: z.string() })),
  summary: z.object({
    personTimes: figureSchema.extend({ coverage: z.number().nullable() }),
    trainingSubsidy: figureSchema,
  }),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;

/** GET /api/reconciliation/summary: every department the viewer may see, for one month. */
export const reconciliationSummaryQuerySchema = z.object({
  month: monthSchema,
  asOf: z.iso.date().optional(),
});

/** One department × month of the summary: its stored classes, and the figures of `reconciliationSchema.summary`. */
export const reconciliationSummaryRowSchema = reconciliationSchema.shape.summary.extend({
  department: z.string(),
  month: monthSchema,
  /** Stored, not withdrawn classes ending in the month. */
  rosterCount: z.number().int(),
});
export type ReconciliationSummaryRow = z.infer<typeof reconciliationSummaryRowSchema>;

/** An institution of the catalogue as GET/POST/PATCH /api/institutions answer it. */
export const institutionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  creditCode: z.string(),
  county: z.string(),
  type: z.string(),
  approved: z.array(z.object({ occupation: z.string(), level: z.string() })),
  status: z.enum(institutionStatuses),
  approvedOn: z.string(),
  statusSince: z.string().nullable(),
  statusReason: z.string().nullable(),
});
export type Institution = z.infer<typeof institutionSchema>;

/** GET /api/training-projects (and PATCH's answer): level by its name, subsidy in yuan per person. */
export const trainingProjectItemSchema = z.object({
  id: z.number().int(),
  occupation: z.string(),
  code: z.string().nullable(),
  level: z.string(),
  subsidy: z.number(),
  minHours: z.number().int(),
});
export type TrainingProjectItem = z.infer<typeof trainingProjectItemSchema>;

/** A class as lists show it (GET /api/rosters). */
export const rosterSummarySchema = z.object({
  id: z.string(),
  department: z.string(),
  institution: z.string(),
  trainingType: z.string(),
  occupation: z.string(),
  level: z.string(),
  county: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  month: monthSchema,
  hours: z.number(),
  trainees: z.number().int(),
  status: z.enum(['active', 'withdrawn']),
  withdrawnReason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  contributes: contributionSchema,
});
export type RosterSummary = z.infer<typeof rosterSummarySchema>;

export const rosterPageSchema = z.object({
  items: z.array(rosterSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type RosterPage = z.infer<typeof rosterPageSchema>;

/** A stored flag: the sign, its class and its adjudication. */
export const storedFlagSchema = flagSchema.extend({
  id: z.number().int(),
  rosterId: z.string(),
  department: z.string(),
  county: z.string(),
  month: monthSchema,
  status: z.enum(['open', 'confirmed', 'dismissed']),
  resolutionNote: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  findingId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type StoredFlag = z.infer<typeof storedFlagSchema>;

/** A trainee as GET /api/rosters/:id shows it: masked. */
export const maskedTraineeSchema = z.object({
  row: z.number().int(),
  name: z.string(),
  gender: z.string(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  group: z.string().nullable(),
  poor: z.boolean(),
  certificateType: z.string().nullable(),
  trainingSubsidy: z.number(),
  livingSubsidy: z.number(),
  assessmentSubsidy: z.number(),
});
export type MaskedTrainee = z.infer<typeof maskedTraineeSchema>;

/** GET /api/rosters/:id. */
export const rosterDetailSchema = rosterSummarySchema.extend({
  /** Its month's report is accepted: its own department may no longer withdraw it (the web hides the button). */
  reportAccepted: z.boolean(),
  traineeList: z.array(maskedTraineeSchema),
  flags: z.array(storedFlagSchema),
});
export type RosterDetail = z.infer<typeof rosterDetailSchema>;

/** POST /api/people/lookup: the person masked, their trainings, subsidies per year and open flags. */
export const personLookupResultSchema = z.object({
  idNumber: z.string(),
  name: z.string().nullable(),
  trainings: z.array(
    z.object({
      classId: z.string(),
      department: z.string(),
      institution: z.string().nullable(),
      trainingType: z.string(),
      occupation: z.string(),
      level: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      trainingSubsidy: z.number(),
      livingSubsidy: z.number(),
      assessmentSubsidy: z.number(),
    }),
  ),
  allowance: z.array(z.object({ year: z.string(), used: z.number().int(), left: z.number().int() })),
  openFlags: z.array(storedFlagSchema),
});
export type PersonLookupResult = z.infer<typeof personLookupResultSchema>;
