import { z } from 'zod';
import { monthSchema } from '../catalogue';

/** `asOf=YYYY-MM-DD`, default today in the campaign's zone. */
export const asOfQuerySchema = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf 格式应为 YYYY-MM-DD')
    .optional(),
});
/** What a caller may send (`z.input`: defaults still optional); the web's hooks take these. */
export type AsOfQuery = z.input<typeof asOfQuerySchema>;

const rate = z.number().nullable();

export const yearProgressSchema = z.object({
  year: z.number().int(),
  target: z.number(),
  actual: z.number(),
  completionRate: rate,
  timeProgress: z.number(),
  lagging: z.boolean(),
});

export const targetProgressSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['cumulative', 'per-year', 'ratio']),
  unit: z.string(),
  paragraph: z.string(),
  target: z.number(),
  actual: z.number().nullable(),
  completionRate: rate,
  timeProgress: z.number(),
  lagging: z.boolean(),
  forecast: z.number().nullable(),
  forecastMeetsTarget: z.boolean().nullable(),
  /** Per-year targets: the figures of every calendar year of the window. */
  years: z.array(yearProgressSchema).optional(),
});
export type TargetProgress = z.infer<typeof targetProgressSchema>;

export const progressSchema = z.object({
  asOf: z.string(),
  throughMonth: monthSchema.nullable(),
  timeProgress: z.number(),
  targets: z.array(targetProgressSchema),
});
export type Progress = z.infer<typeof progressSchema>;

export const breakdownQuerySchema = asOfQuerySchema.extend({
  by: z.enum(['county', 'department']),
  indicator: z.string().default('T'),
  /** Narrow a county breakdown to one department, or a department breakdown to one county. */
  department: z.string().optional(),
  county: z.string().optional(),
});
export type BreakdownQuery = z.input<typeof breakdownQuerySchema>;

export const breakdownRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  allocation: z.number().nullable(),
  actual: z.number(),
  completionRate: rate,
  timeProgress: z.number(),
  lagging: z.boolean(),
  rank: z.number().int(),
  /** Sum of the last six months, for the trend in inspectors' tables. */
  recent: z.number(),
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const breakdownSchema = z.object({
  asOf: z.string(),
  throughMonth: monthSchema.nullable(),
  by: z.enum(['county', 'department']),
  indicator: z.string(),
  timeProgress: z.number(),
  rows: z.array(breakdownRowSchema),
  total: z.object({ allocation: z.number().nullable(), actual: z.number(), completionRate: rate }),
});
export type Breakdown = z.infer<typeof breakdownSchema>;

export const seriesQuerySchema = asOfQuerySchema.extend({
  indicator: z.string().default('T'),
  county: z.string().optional(),
  department: z.string().optional(),
});
export type SeriesQuery = z.input<typeof seriesQuerySchema>;

export const seriesSchema = z.object({
  asOf: z.string(),
  indicator: z.string(),
  throughMonth: monthSchema.nullable(),
  target: z.number().nullable(),
  /** How many departments owe the reports summed here (1 with a `department`). */
  reporters: z.number().int(),
  points: z.array(
    z.object({
      month: monthSchema,
      /**
       * How many of the `reporters` have a report for the month in force; null for months after `throughMonth`.
       * 0 is a missing report (未报), not a zero: its `value` is null too.
       */
      reports: z.number().int().nullable(),
      /** null for months after `throughMonth` and for months nobody reported. */
      value: z.number().nullable(),
      cumulative: z.number().nullable(),
      expected: z.number().nullable(),
      forecast: z.number().nullable(),
    }),
  ),
});
export type Series = z.infer<typeof seriesSchema>;

export const ratioRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  month: monthSchema.nullable(),
  s1: z.number().nullable(),
  s2: z.number().nullable(),
  s3: z.number().nullable(),
  r1: rate,
  r2: rate,
  r1Met: z.boolean().nullable(),
  r2Met: z.boolean().nullable(),
});
export const ratiosSchema = z.object({
  asOf: z.string(),
  targets: z.object({ r1: z.number(), r2: z.number() }),
  city: ratioRowSchema,
  counties: z.array(ratioRowSchema),
});
export type Ratios = z.infer<typeof ratiosSchema>;

export const complianceStatusSchema = z.enum(['not_due', 'missing', 'submitted', 'returned', 'accepted']);
export type ComplianceStatus = z.infer<typeof complianceStatusSchema>;

const rateSummary = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  reportingRate: rate,
  onTimeRate: rate,
});
export type RateSummary = z.infer<typeof rateSummary>;

/** `from`/`to` (YYYY-MM, inclusive) narrow the rates to a range of months, e.g. one calendar year. */
export const complianceQuerySchema = asOfQuerySchema.extend({
  from: monthSchema.optional(),
  to: monthSchema.optional(),
});
export type ComplianceQuery = z.input<typeof complianceQuerySchema>;

export const complianceSchema = z.object({
  asOf: z.string(),
  /** The range the rates cover (the whole window when not asked for); `months` and `cells` stay the window's. */
  from: monthSchema,
  to: monthSchema,
  months: z.array(monthSchema),
  cells: z.array(
    z.object({
      department: z.string(),
      month: monthSchema,
      status: complianceStatusSchema,
      onTime: z.boolean().nullable(),
    }),
  ),
  byMonth: z.array(rateSummary.extend({ month: monthSchema })),
  byDepartment: z.array(rateSummary.extend({ department: z.string(), name: z.string() })),
  total: rateSummary,
});
export type Compliance = z.infer<typeof complianceSchema>;

/** GET /api/allocations: without `department` the split among departments, with it that department's. */
export const allocationQuerySchema = z.object({ target: z.string().default('T'), department: z.string().optional() });

/** PUT /api/targets/:code/split: a flow target's share per calendar year. */
export const targetSplitSchema = z.object({ years: z.record(z.string().regex(/^\d{4}$/), z.number().min(0)) });
export const targetSplitViewSchema = targetSplitSchema.extend({ target: z.string() });
export type AllocationQuery = z.input<typeof allocationQuerySchema>;

export const putAllocationsSchema = z.object({
  target: z.string(),
  /** County allocations of one department when set; department allocations otherwise. */
  department: z.string().optional(),
  items: z
    .array(z.object({ code: z.string(), year: z.number().int().nullable().default(null), value: z.number().min(0) }))
    .max(500),
});
export type PutAllocations = z.infer<typeof putAllocationsSchema>;

export const allocationViewSchema = z.object({
  target: z.string(),
  targetValue: z.number(),
  department: z.string().nullable(),
  parentValue: z.number().nullable(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      total: z.number().nullable(),
      years: z.record(z.string(), z.number()),
    }),
  ),
  sum: z.number(),
  warnings: z.array(z.string()),
});
export type AllocationView = z.infer<typeof allocationViewSchema>;
