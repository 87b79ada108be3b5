/**
 * The campaign as reference data: window, county-level units, departments, the indicator catalogue
 * (the report form) and the plan's targets. Everything here is read from `data/campaigns/<code>/`;
 * code stays generic over it, so another city or the 2022–2025 plan is a new folder, not new code.
 */
import { z } from 'zod';

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export type Month = z.infer<typeof monthSchema>;

export const campaignSchema = z.object({
  code: z.string(),
  name: z.string(),
  plan: z.string(),
  city: z.string(),
  cityCode: z.string(),
  start: monthSchema,
  end: monthSchema,
  deadlineDayOfNextMonth: z.number().int().min(1).max(28),
  timeZone: z.string(),
  leadDepartment: z.string(),
  stockReporter: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const unitSchema = z.object({
  code: z.string(),
  name: z.string(),
  order: z.number().int(),
  population: z.number().int().nullable(),
  populationEstimated: z.boolean().optional(),
  managementZone: z.boolean().optional(),
  aliases: z.array(z.string()),
});

export const departmentSchema = z.object({
  code: z.string(),
  name: z.string(),
  owesReports: z.boolean(),
  lead: z.boolean().optional(),
});

export const hardRuleSchema = z.discriminatedUnion('type', [
  /** This indicator equals the sum of others (T = E + K). */
  z.object({ type: z.literal('sum'), of: z.array(z.string()).min(1) }),
  /** This indicator may not exceed another (X1 ≤ T). */
  z.object({ type: z.literal('lte'), of: z.string() }),
]);

export const indicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  unit: z.string(),
  kind: z.enum(['flow', 'stock']),
  valueType: z.enum(['integer', 'money']),
  group: z.string(),
  hardRules: z.array(hardRuleSchema).optional(),
  /** Only these departments report this column (stocks S1–S3 come from the lead department). */
  onlyDepartments: z.array(z.string()).optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** An indicator as GET /api/indicators lists it: with the name of its group. */
export const indicatorEntrySchema = indicatorSchema.extend({ groupName: z.string() });
export type IndicatorEntry = z.infer<typeof indicatorEntrySchema>;

export const softRuleSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('history-outlier'),
    indicators: z.array(z.string()),
    minHistoryMonths: z.number().int(),
    factor: z.number(),
    minAbsolute: z.number(),
  }),
  z.object({
    type: z.literal('per-capita'),
    money: z.array(z.string()),
    per: z.string(),
    min: z.number(),
    max: z.number(),
    label: z.string(),
  }),
  z.object({
    type: z.literal('zero-report-from-active'),
    indicator: z.string(),
    lookbackMonths: z.number().int(),
    minActiveMonths: z.number().int(),
  }),
]);

export const indicatorCatalogueSchema = z.object({
  groups: z.array(z.object({ code: z.string(), name: z.string() })),
  indicators: z.array(indicatorSchema),
  softRules: z.array(softRuleSchema),
});

export const targetSchema = z.discriminatedUnion('kind', [
  z.object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(['cumulative', 'per-year']),
    indicator: z.string(),
    value: z.number(),
    unit: z.string(),
    paragraph: z.string(),
  }),
  z.object({
    code: z.string(),
    name: z.string(),
    kind: z.literal('ratio'),
    numerator: z.string(),
    denominator: z.string(),
    value: z.number(),
    unit: z.string(),
    paragraph: z.string(),
  }),
]);
export type Target = z.infer<typeof targetSchema>;
export type FlowTarget = Extract<Target, { kind: 'cumulative' | 'per-year' }>;
export type RatioTarget = Extract<Target, { kind: 'ratio' }>;

/** The whole reference data of a campaign: what `GET /api/catalogue` answers and every rule reads. */
export const catalogueSchema = z.object({
  campaign: campaignSchema,
  units: z.array(unitSchema),
  departments: z.array(departmentSchema),
  groups: z.array(z.object({ code: z.string(), name: z.string() })),
  indicators: z.array(indicatorSchema),
  softRules: z.array(softRuleSchema),
  targets: z.array(targetSchema),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

/** Parses the five reference files of a campaign folder; throws a zod error naming the bad field. */
export function parseCatalogue(files: {
  campaign: unknown;
  units: unknown;
  departments: unknown;
  indicators: unknown;
  targets: unknown;
}): Catalogue {
  const indicatorFile = indicatorCatalogueSchema.parse(files.indicators);
  const catalogue: Catalogue = {
    campaign: campaignSchema.parse(files.campaign),
    units: z
      .array(unitSchema)
      .parse(files.units)
      .sort((a, b) => a.order - b.order),
    departments: z.array(departmentSchema).parse(files.departments),
    groups: indicatorFile.groups,
    indicators: indicatorFile.indicators,
    softRules: indicatorFile.softRules,
    targets: z.array(targetSchema).parse(files.targets),
  };
  assertConsistent(catalogue);
  return catalogue;
}

/** Every code a rule or target names must exist; a typo in reference data must not pass silently. */
function assertConsistent(c: Catalogue): void {
  const codes = new Set(c.indicators.map((i) => i.code));
  const need = (code: string, where: string) => {
    if (!codes.has(code)) throw new Error(`reference data: ${where} names unknown indicator ${code}`);
  };
  for (const ind of c.indicators) {
    for (const rule of ind.hardRules ?? []) {
      for (const code of rule.type === 'sum' ? rule.of : [rule.of]) need(code, `rule of ${ind.code}`);
    }
  }
  for (const t of c.targets) {
    if (t.kind === 'ratio') {
      need(t.numerator, `target ${t.code}`);
      need(t.denominator, `target ${t.code}`);
    } else need(t.indicator, `target ${t.code}`);
  }
  const deptCodes = new Set(c.departments.map((d) => d.code));
  if (!deptCodes.has(c.campaign.leadDepartment)) throw new Error('reference data: unknown lead department');
}

/** Indicators a department's form carries (stock columns only for the departments that report them). */
export function formIndicators(c: Catalogue, department: string): Indicator[] {
  return c.indicators.filter((i) => !i.onlyDepartments || i.onlyDepartments.includes(department));
}

/** Every indicator with its group's name (the group's code where the catalogue names none). */
export function indicatorEntries(catalogue: Pick<Catalogue, 'groups' | 'indicators'>): IndicatorEntry[] {
  const groups = new Map(catalogue.groups.map((g) => [g.code, g.name]));
  return catalogue.indicators.map((i) => ({ ...i, groupName: groups.get(i.group) ?? i.group }));
}
