/**
 * 目标责任制度: the office splits each flow target among departments (optionally per year), and each
 * department splits its share among counties. A unit's own target is its allocation; the expected pace
 * follows its per-year figures when given, else the city's split, else linear.
 */
import { canReadAllocation, canWriteAllocation } from '@lz/shared/access-policy';
import type { AllocationView, PutAllocations } from '@lz/shared/api/progress';
import type { SessionUser } from '@lz/shared/api/session';
import type { AnnualSplit } from '@lz/shared/progress';
import { monthRange, yearOf } from '@lz/shared/months';
import { appendAudit } from '../../db/audit-log';
import {
  listAllocations,
  listSplits,
  replaceAllocations,
  replaceSplit,
  type AllocationRow,
} from '../../db/allocation-store';
import type { Db } from '../../db/open-database';
import type { Deps } from '../../deps';
import { badRequest, forbidden, notFound } from '../../errors';

export interface UnitTarget {
  value: number;
  split: AnnualSplit | null;
}

/** Everything the breakdowns need about allocations of one target, read once per request. */
export interface AllocationIndex {
  city: UnitTarget | null;
  department(code: string): UnitTarget | null;
  /** A county's share: of one department, or summed over every department that split its share. */
  county(code: string, department?: string): UnitTarget | null;
}

function summarize(rows: AllocationRow[]): UnitTarget | null {
  if (rows.length === 0) return null;
  const whole = rows.filter((r) => r.year === null);
  const yearly = rows.filter((r) => r.year !== null);
  const split: AnnualSplit = {};
  for (const r of yearly) split[String(r.year)] = (split[String(r.year)] ?? 0) + r.value;
  const yearlySum = yearly.reduce((s, r) => s + r.value, 0);
  const wholeSum = whole.reduce((s, r) => s + r.value, 0);
  return { value: whole.length ? wholeSum : yearlySum, split: yearly.length ? split : null };
}

export async function allocationIndex(deps: Deps, target: string): Promise<AllocationIndex> {
  const t = deps.catalogue.targets.find((x) => x.code === target);
  const splitRows = (await listSplits(deps.db)).filter((s) => s.target === target);
  const rows = await listAllocations(deps.db, target);
  const citySplit: AnnualSplit | null = splitRows.length
    ? Object.fromEntries(splitRows.map((s) => [String(s.year), s.value]))
    : null;
  // The allocation rows (thousands at province scale) are grouped only if a unit's share is asked.
  let grouped: { byDepartment: Map<string, AllocationRow[]>; byCounty: Map<string, AllocationRow[]> } | null = null;
  const groups = () => {
    if (grouped) return grouped;
    grouped = { byDepartment: new Map(), byCounty: new Map() };
    for (const r of rows) {
      const [map, key] = r.county === null ? [grouped.byDepartment, r.department] : [grouped.byCounty, r.county];
      const list = map.get(key);
      if (list) list.push(r);
      else map.set(key, [r]);
    }
    return grouped;
  };
  return {
    city: t ? { value: t.value, split: citySplit } : null,
    department: (code) => {
      const own = summarize(groups().byDepartment.get(code) ?? []);
      return own ? { value: own.value, split: own.split ?? citySplit } : null;
    },
    county: (code, department) => {
      const mine = (groups().byCounty.get(code) ?? []).filter(
        (r) => department === undefined || r.department === department,
      );
      // Each department's share is summarised on its own (one may give whole-window figures, another only
      // yearly ones), then the shares are added: a county's target is the sum of what every department gave it.
      const byDept = new Map<string, AllocationRow[]>();
      for (const r of mine) byDept.set(r.department, [...(byDept.get(r.department) ?? []), r]);
      const shares = [...byDept.values()]
        .map(summarize)
        .filter((x): x is UnitTarget => x !== null)
        .map((x) => ({ value: x.value, split: x.split ?? citySplit }));
      return combineShares(shares, yearMonths(deps));
    },
  };
}

/** Window months per calendar year, e.g. { 2019: 5, 2020: 12, 2021: 12 }. */
function yearMonths(deps: Deps): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of monthRange(deps.catalogue.campaign.start, deps.catalogue.campaign.end))
    out[String(yearOf(m))] = (out[String(yearOf(m))] ?? 0) + 1;
  return out;
}

/**
 * The sum of several units' targets, with a pace that is the value-weighted pace of its parts: each part's
 * per-year shares (its own split, else linear by window months) scaled to its value and added, so that the
 * combined expected figure equals the sum of the parts' expected figures. All-linear parts stay linear.
 */
export function combineShares(shares: UnitTarget[], monthsPerYear: Record<string, number>): UnitTarget | null {
  if (shares.length === 0) return null;
  if (shares.length === 1) return shares[0] ?? null;
  const value = shares.reduce((s, x) => s + x.value, 0);
  if (shares.every((x) => x.split === null)) return { value, split: null };
  const allMonths = Object.values(monthsPerYear).reduce((s, v) => s + v, 0);
  const split: AnnualSplit = {};
  for (const x of shares) {
    const own = x.split && Object.values(x.split).reduce((s, v) => s + v, 0) > 0 ? x.split : null;
    const weights = own ?? monthsPerYear;
    const total = own ? Object.values(own).reduce((s, v) => s + v, 0) : allMonths;
    for (const [year, w] of Object.entries(weights)) split[year] = (split[year] ?? 0) + (x.value * w) / total;
  }
  return { value, split };
}

function flowTarget(deps: Deps, code: string) {
  const t = deps.catalogue.targets.find((x) => x.code === code);
  if (!t) throw notFound(`未知的目标 ${code}`);
  if (t.kind !== 'cumulative') throw badRequest('只有累计型目标可以分解', 'not_decomposable');
  return t;
}

/** `db` is the write transaction when a change reads the allocations it replaces. */
export async function getAllocations(
  deps: Deps,
  target: string,
  department: string | null,
  viewer: SessionUser,
  db: Db = deps.db,
): Promise<AllocationView> {
  const t = flowTarget(deps, target);
  if (!canReadAllocation(viewer, department)) throw forbidden('只能查看本单位的目标分解');
  const rows = await listAllocations(db, target);
  const splits = await listSplits(db);
  const level =
    department === null
      ? rows.filter((r) => r.county === null)
      : rows.filter((r) => r.department === department && r.county !== null);
  const parent =
    department === null
      ? t.value
      : (summarize(rows.filter((r) => r.department === department && r.county === null))?.value ?? null);
  const codes = department === null ? deps.catalogue.departments.filter((d) => d.owesReports) : deps.catalogue.units;
  const items = codes.map((u) => {
    const mine = level.filter((r) => (department === null ? r.department : r.county) === u.code);
    const s = summarize(mine);
    return {
      code: u.code,
      name: u.name,
      total: s?.value ?? null,
      years: Object.fromEntries(mine.filter((r) => r.year !== null).map((r) => [String(r.year), r.value])),
    };
  });
  const sum = items.reduce((s, i) => s + (i.total ?? 0), 0);
  const warnings: string[] = [];
  const n = (v: number) => v.toLocaleString('zh-CN');
  if (parent !== null && sum < parent - 1e-9) {
    warnings.push(
      `分解合计 ${n(sum)} 低于${department === null ? '全市目标' : '本单位目标'} ${n(parent)}，差 ${n(parent - sum)}`,
    );
  }
  // Handing out more than there is counts too: the shares would no longer add up to the target.
  if (parent !== null && sum > parent + 1e-9) {
    warnings.push(
      `分解合计 ${n(sum)} 超出${department === null ? '全市目标' : '本单位目标'} ${n(parent)}，多 ${n(sum - parent)}`,
    );
  }
  if (department !== null && parent === null) warnings.push('本单位尚未分配到该目标');
  // Per year too, where the parent has yearly figures (the city's annual split, or the department's own
  // yearly shares) and every allocated child gave a figure for that year (a whole-window share has no year).
  const parentYears: Record<string, number> =
    department === null
      ? Object.fromEntries(splits.filter((s) => s.target === target).map((s) => [String(s.year), s.value]))
      : Object.fromEntries(
          rows
            .filter((r) => r.department === department && r.county === null && r.year !== null)
            .map((r) => [String(r.year), r.value]),
        );
  for (const [year, value] of Object.entries(parentYears).sort()) {
    const given = items.filter((i) => i.total !== null);
    if (given.length === 0 || given.some((i) => i.years[year] === undefined)) continue;
    const yearSum = given.reduce((s, i) => s + (i.years[year] ?? 0), 0);
    const whose = department === null ? '全市' : '本单位';
    if (yearSum < value - 1e-9) {
      warnings.push(`${year} 年分解合计 ${n(yearSum)} 低于${whose}该年度目标 ${n(value)}，差 ${n(value - yearSum)}`);
    } else if (yearSum > value + 1e-9) {
      warnings.push(`${year} 年分解合计 ${n(yearSum)} 超出${whose}该年度目标 ${n(value)}，多 ${n(yearSum - value)}`);
    }
  }
  for (const i of items) {
    const yearSum = Object.values(i.years).reduce((s, v) => s + v, 0);
    if (Object.keys(i.years).length && i.total !== null && Math.abs(yearSum - i.total) > 1e-9) {
      warnings.push(`${i.name}: 分年度合计 ${yearSum} 与总数 ${i.total} 不一致`);
    }
  }
  return { target, targetValue: t.value, department, parentValue: parent, items, sum, warnings };
}

export async function putAllocations(
  deps: Deps,
  input: PutAllocations,
  actor: SessionUser,
  ip: string | null,
): Promise<AllocationView> {
  flowTarget(deps, input.target);
  const department = input.department ?? null;
  if (department === null && !canWriteAllocation(actor, null)) throw forbidden('只有统计管理员可以向各部门分解目标');
  if (department !== null) {
    if (!deps.catalogue.departments.some((d) => d.code === department && d.owesReports))
      throw notFound('未知的责任单位');
    if (!canWriteAllocation(actor, department))
      throw forbidden(actor.role === 'reporter' ? '只能分解本单位的目标' : undefined);
  }
  const valid = new Set(
    department === null
      ? deps.catalogue.departments.filter((d) => d.owesReports).map((d) => d.code)
      : deps.catalogue.units.map((u) => u.code),
  );
  const years = new Set(monthRange(deps.catalogue.campaign.start, deps.catalogue.campaign.end).map(yearOf));
  const seen = new Set<string>();
  for (const item of input.items) {
    if (!valid.has(item.code))
      throw badRequest(`未知的${department === null ? '责任单位' : '县区'}代码 ${item.code}`, 'unknown_code');
    if (item.year !== null && !years.has(item.year))
      throw badRequest(`${item.year} 年不在行动期内`, 'year_outside_window');
    const key = `${item.code}/${item.year}`;
    if (seen.has(key)) throw badRequest(`${item.code} ${item.year ?? '全期'} 重复`, 'duplicate');
    seen.add(key);
  }
  const now = deps.clock.now();
  await deps.figures.commit(async ({ trx }) => {
    const before = await getAllocations(deps, input.target, department, actor, trx);
    await replaceAllocations(
      trx,
      { target: input.target, department },
      input.items.map((i) => ({
        target: input.target,
        department: department ?? i.code,
        county: department === null ? null : i.code,
        year: i.year,
        value: i.value,
      })),
      now.toISOString(),
      actor.username,
    );
    await appendAudit(trx, now, {
      actor: actor.username,
      action: 'allocation.update',
      target: `allocation/${input.target}/${department ?? 'city'}`,
      before: before.items.filter((i) => i.total !== null),
      after: input.items,
      ip,
    });
  });
  return getAllocations(deps, input.target, department, actor);
}

export async function putSplit(
  deps: Deps,
  target: string,
  years: Record<string, number>,
  actor: SessionUser,
  ip: string | null,
) {
  flowTarget(deps, target);
  const valid = new Set(
    monthRange(deps.catalogue.campaign.start, deps.catalogue.campaign.end).map((m) => String(yearOf(m))),
  );
  for (const y of Object.keys(years)) if (!valid.has(y)) throw badRequest(`${y} 年不在行动期内`, 'year_outside_window');
  const now = deps.clock.now();
  await deps.figures.commit(async ({ trx }) => {
    const before = (await listSplits(trx)).filter((s) => s.target === target);
    await replaceSplit(trx, target, years, now.toISOString(), actor.username);
    await appendAudit(trx, now, {
      actor: actor.username,
      action: 'target.split',
      target: `target/${target}`,
      before,
      after: years,
      ip,
    });
  });
  return { target, years };
}
