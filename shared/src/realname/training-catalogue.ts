/**
 * The 目录清单 of the real-name records (七(二)): training institutions, training projects and the rule
 * parameters, as the campaign folder holds them (names a clerk edits) and as the code uses them (level
 * codes, lookups that match names loosely).
 */
import { z } from 'zod';
import { institutionStatuses, institutionTypes } from '../api/disclosure';
import { validateCreditCode } from './credit-code';
import { labelKey, looseKey } from './label-key';
import { type LevelCode, LEVELS, matchLevel } from './vocabulary';

const isoDate = z.iso.date();

const levelSchema = z.string().transform((text, ctx): LevelCode => {
  const level = matchLevel(text);
  if (level) return level.code;
  ctx.addIssue({ code: 'custom', message: `等级“${text}”不是 ${LEVELS.map((l) => l.name).join('、')} 之一` });
  return z.NEVER;
});

export const trainingProjectSchema = z.object({
  occupation: z.string().min(1),
  /** 国家职业分类大典 code, e.g. 6-31-01-03; null for 专项职业能力 and 创业培训, which have none. */
  code: z
    .string()
    .regex(/^\d-\d{2}-\d{2}-\d{2}$/u)
    .nullable(),
  level: levelSchema,
  /** Subsidy standard, yuan per person. */
  subsidy: z.number().nonnegative(),
  minHours: z.number().int().nonnegative(),
});
export type TrainingProject = z.infer<typeof trainingProjectSchema>;

export const trainingInstitutionSchema = z.object({
  name: z.string().min(1),
  creditCode: z.string().transform((text, ctx) => {
    const result = validateCreditCode(text);
    if (result.ok) return result.creditCode;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }),
  county: z.string(),
  type: z.enum(institutionTypes),
  approved: z.array(z.object({ occupation: z.string(), level: levelSchema })),
  status: z.enum(institutionStatuses),
  approvedOn: isoDate,
  statusSince: isoDate.optional(),
  statusReason: z.string().optional(),
});
export type TrainingInstitution = z.infer<typeof trainingInstitutionSchema>;

export const realnameRulesSchema = z.object({
  subsidiesPerPersonPerYear: z.number().int().min(1),
  /** Which class date places a training in a calendar year (the plan's practice: 结业日期). */
  countingDate: z.enum(['endDate', 'startDate']),
  higherLevelBlocksLower: z.boolean(),
  retirementAge: z.object({ male: z.number().int(), female: z.number().int() }),
  minimumAge: z.number().int(),
  /** Hours a class of each level needs at least, by level name; a project's own minimum wins. */
  minimumHours: z.record(z.string(), z.number().int().nonnegative()).transform((byName, ctx) => {
    const out: Partial<Record<LevelCode, number>> = {};
    for (const [name, hours] of Object.entries(byName)) {
      const level = matchLevel(name);
      if (level) out[level.code] = hours;
      else ctx.addIssue({ code: 'custom', message: `最低课时中的等级“${name}”无法识别` });
    }
    return out;
  }),
  /** Trainees sharing one phone number from which it is flagged. */
  sharedPhoneThreshold: z.number().int().min(2),
});
export type RealnameRules = z.infer<typeof realnameRulesSchema>;

/** Occupation names to their catalogue spelling: exact key first, then without brackets, then bracket-free. */
export function buildOccupationMatcher(names: readonly string[]): (text: string) => string | null {
  const tiers = [labelKey, looseKey, (t: string) => labelKey(t).replace(/\([^()]*\)/gu, '')];
  const maps = tiers.map((key) => {
    const map = new Map<string, string | null>();
    for (const name of names) {
      const k = key(name);
      // Two occupations that fold to one key are ambiguous at that tier: neither is matched there.
      map.set(k, map.has(k) && map.get(k) !== name ? null : name);
    }
    return map;
  });
  return (text) => {
    for (let i = 0; i < tiers.length; i++) {
      const hit = maps[i]?.get(tiers[i]?.(text) ?? '');
      if (hit) return hit;
    }
    return null;
  };
}
