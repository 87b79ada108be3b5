/**
 * What makes the demo look like Liuzhou: which departments train whom, where, and when. These are
 * demo assumptions, not facts; DOMAIN.md gives the real anchors (≈74,000 person-times by late
 * August 2020, 190,000 over three years, 柳东新区 heavy in enterprise training).
 */

/** Share of the city's subsidised training each reporting department carries, and its mix. */
export interface DepartmentProfile {
  share: number;
  /** Fraction of its training that is enterprise-employee training (E); the rest is key groups (K). */
  enterprise: number;
  /** Weights of K1…K7 within its key-group training. */
  keyMix: [number, number, number, number, number, number, number];
  /** Weights of E1…E5 within its enterprise training. */
  entMix?: [number, number, number, number, number];
  /** Share of its training given to poor labour (X1). */
  poor: number;
  /** Below 1: the department trains less than its allocation asks (to show lagging). */
  pace: number;
  /** Chance a month's report never arrives / arrives late. */
  missing: number;
  late: number;
}

const k = (...w: number[]) => w as DepartmentProfile['keyMix'];
const ENT_DEFAULT: [number, number, number, number, number] = [24, 45, 8, 17, 6];

export const departmentProfiles: Record<string, DepartmentProfile> = {
  RSJ: {
    share: 30,
    enterprise: 0.62,
    keyMix: k(30, 20, 10, 15, 8, 12, 5),
    poor: 0.1,
    pace: 1.05,
    missing: 0,
    late: 0.03,
  },
  GXJ: {
    share: 15,
    enterprise: 0.95,
    keyMix: k(40, 30, 10, 20, 0, 0, 0),
    poor: 0.02,
    pace: 1.0,
    missing: 0,
    late: 0.05,
  },
  JYJ: {
    share: 6,
    enterprise: 0.25,
    keyMix: k(5, 55, 40, 0, 0, 0, 0),
    entMix: [20, 30, 5, 5, 40],
    poor: 0.04,
    pace: 1.05,
    missing: 0,
    late: 0.06,
  },
  YJJ: {
    share: 7,
    enterprise: 0.97,
    keyMix: k(50, 0, 0, 50, 0, 0, 0),
    entMix: [5, 5, 2, 88, 0],
    poor: 0.01,
    pace: 1.0,
    missing: 0.01,
    late: 0.08,
  },
  ZJJ: {
    share: 5,
    enterprise: 0.9,
    keyMix: k(80, 0, 0, 20, 0, 0, 0),
    entMix: [30, 30, 5, 35, 0],
    poor: 0.05,
    pace: 1.0,
    missing: 0.02,
    late: 0.1,
  },
  SCJGJ: {
    share: 3,
    enterprise: 0.9,
    keyMix: k(50, 20, 0, 30, 0, 0, 0),
    entMix: [20, 40, 5, 35, 0],
    poor: 0.02,
    pace: 1.0,
    missing: 0.02,
    late: 0.08,
  },
  KJJ: {
    share: 2,
    enterprise: 0.9,
    keyMix: k(0, 100, 0, 0, 0, 0, 0),
    entMix: [10, 70, 5, 0, 15],
    poor: 0,
    pace: 1.0,
    missing: 0.03,
    late: 0.1,
  },
  SWJ: {
    share: 3,
    enterprise: 0.7,
    keyMix: k(40, 40, 0, 20, 0, 0, 0),
    poor: 0.03,
    pace: 0.55,
    missing: 0.1,
    late: 0.25,
  },
  JTJ: {
    share: 3,
    enterprise: 0.85,
    keyMix: k(60, 0, 0, 40, 0, 0, 0),
    entMix: [30, 35, 5, 30, 0],
    poor: 0.02,
    pace: 0.6,
    missing: 0.08,
    late: 0.2,
  },
  ZGH: { share: 9, enterprise: 0.9, keyMix: k(30, 10, 0, 60, 0, 0, 0), poor: 0.02, pace: 1.05, missing: 0, late: 0.04 },
  TSW: {
    share: 2,
    enterprise: 0.1,
    keyMix: k(10, 50, 40, 0, 0, 0, 0),
    poor: 0.05,
    pace: 0.55,
    missing: 0.12,
    late: 0.2,
  },
  WGLJ: {
    share: 2,
    enterprise: 0.6,
    keyMix: k(70, 20, 10, 0, 0, 0, 0),
    poor: 0.08,
    pace: 1.0,
    missing: 0.03,
    late: 0.1,
  },
  FL: { share: 3, enterprise: 0.1, keyMix: k(60, 5, 5, 10, 0, 20, 0), poor: 0.2, pace: 1.0, missing: 0.02, late: 0.06 },
  CL: { share: 1.5, enterprise: 0, keyMix: k(0, 0, 0, 0, 0, 100, 0), poor: 0.2, pace: 1.0, missing: 0.02, late: 0.06 },
  MZJ: {
    share: 1.5,
    enterprise: 0.2,
    keyMix: k(0, 0, 0, 30, 0, 50, 20),
    poor: 0.1,
    pace: 1.0,
    missing: 0.03,
    late: 0.08,
  },
  NYNCJ: {
    share: 4,
    enterprise: 0.05,
    keyMix: k(100, 0, 0, 0, 0, 0, 0),
    poor: 0.3,
    pace: 1.0,
    missing: 0.02,
    late: 0.08,
  },
  TYJRJ: { share: 1, enterprise: 0, keyMix: k(0, 0, 0, 0, 100, 0, 0), poor: 0.02, pace: 1.0, missing: 0.03, late: 0.1 },
  GAJ: { share: 0.5, enterprise: 0, keyMix: k(0, 0, 0, 0, 0, 0, 100), poor: 0, pace: 1.0, missing: 0.05, late: 0.15 },
  SFJ: { share: 0.5, enterprise: 0, keyMix: k(0, 0, 0, 0, 0, 0, 100), poor: 0, pace: 1.0, missing: 0.08, late: 0.15 },
  LYJ: { share: 1, enterprise: 0.3, keyMix: k(100, 0, 0, 0, 0, 0, 0), poor: 0.25, pace: 1.0, missing: 0.15, late: 0.2 },
  FPB: { share: 4, enterprise: 0, keyMix: k(100, 0, 0, 0, 0, 0, 0), poor: 0.85, pace: 1.0, missing: 0.01, late: 0.05 },
};
export const ENT_MIX_DEFAULT = ENT_DEFAULT;

/** County weights for enterprise training: the car and machinery industry sits in 柳东, 柳北, 柳南. */
export const enterpriseWeights: Record<string, number> = {
  '450202': 5,
  '450203': 11,
  '450204': 13,
  '450205': 13,
  '450206': 8,
  '450222': 4,
  '450223': 6,
  '450224': 3,
  '450225': 3,
  '450226': 2.5,
  LD: 24,
  BB: 7.5,
};

/** Key-group training follows resident population; the management zones get a small share of their own. */
export const keyGroupExtra: Record<string, number> = { LD: 120000, BB: 60000 };

/** Below 1: counties that lag behind their allocation. */
export const countyPace: Record<string, number> = { '450226': 0.62, '450225': 0.7, '450222': 0.72 };

/**
 * Month factor: the Spring Festival dip (January or February by year), summer school leavers, the
 * year-end push; 2020's first quarter also fell with the epidemic.
 */
export function seasonality(month: string): number {
  const m = Number(month.slice(5, 7));
  const y = Number(month.slice(0, 4));
  const base: Record<number, number> = {
    1: 0.75,
    2: 0.45,
    3: 0.85,
    4: 1,
    5: 1.05,
    6: 1.05,
    7: 1.1,
    8: 1.05,
    9: 1.05,
    10: 0.8,
    11: 1.2,
    12: 1.55,
  };
  let f = base[m] ?? 1;
  if (y === 2020 && m === 1) f = 0.4; // Spring Festival fell on 25 January 2020
  if (y === 2020 && (m === 2 || m === 3)) f *= 0.55;
  if (y === 2019 && m === 8) f = 0.7; // the plan took effect on 1 August 2019
  return f;
}

/** City person-times per month before seasonality; ramps up after the first year. */
export function cityBase(month: string): number {
  return month < '2020-09' ? 6300 : 7600;
}

/** Year-end skilled-worker stock (S1, S2 share, S3 share of S2) by county: near 28 % / 26 % for the city in 2021. */
export const stockProfile: Record<
  string,
  { employed: number; skilled: [number, number, number]; high: [number, number, number] }
> = {
  '450202': { employed: 82000, skilled: [0.27, 0.285, 0.3], high: [0.25, 0.27, 0.285] },
  '450203': { employed: 360000, skilled: [0.265, 0.28, 0.3], high: [0.24, 0.26, 0.275] },
  '450204': { employed: 335000, skilled: [0.27, 0.285, 0.3], high: [0.25, 0.265, 0.28] },
  '450205': { employed: 262000, skilled: [0.275, 0.29, 0.305], high: [0.25, 0.265, 0.28] },
  '450206': { employed: 270000, skilled: [0.245, 0.26, 0.28], high: [0.22, 0.235, 0.25] },
  '450222': { employed: 166000, skilled: [0.22, 0.235, 0.25], high: [0.2, 0.215, 0.23] },
  '450223': { employed: 205000, skilled: [0.23, 0.245, 0.26], high: [0.21, 0.225, 0.24] },
  '450224': { employed: 133000, skilled: [0.215, 0.23, 0.245], high: [0.19, 0.205, 0.22] },
  '450225': { employed: 210000, skilled: [0.2, 0.215, 0.23], high: [0.18, 0.195, 0.21] },
  '450226': { employed: 190000, skilled: [0.195, 0.21, 0.225], high: [0.17, 0.185, 0.2] },
  LD: { employed: 150000, skilled: [0.33, 0.35, 0.37], high: [0.3, 0.315, 0.33] },
  BB: { employed: 60000, skilled: [0.27, 0.285, 0.3], high: [0.24, 0.255, 0.27] },
};
