/**
 * The whole check of one roster, file or JSON alike: the class against the catalogues, every line, the 合计,
 * the person's earlier trainings in every stored roster, then the flags and the contribution. Every hard
 * problem is collected before answering, so the clerk fixes the file once. Pure but for the two lookups the
 * storage layer supplies (batched, so a 1,000-line roster costs one query each, not a thousand).
 */
import type { Contribution, Flag, RosterInput, RosterProblem } from '@lz/shared/api/rosters';
import type { Catalogue } from '@lz/shared/catalogue';
import { checkHistory, type PriorTraining } from './check-history';
import { checkTotal, checkTrainees, type ResolvedTrainee } from './check-trainees';
import { contributionOf } from './contribution';
import { findFlags, type PhoneUse } from './flags';
import { fileLocator, jsonLocator, type Locator } from './locate';
import { resolveClass, type ResolvedClass } from './resolve-class';
import type { ParsedRosterGrid } from './roster-grid';
import type { TrainingCatalogue } from './training-catalogue';

export interface RosterContext {
  catalogue: Catalogue;
  training: TrainingCatalogue;
  /** The filing department's code (an admin's choice, or the reporter's own). */
  department: string;
  /** Today in the campaign's zone, YYYY-MM-DD. */
  today: string;
  /** Keyed hashes (pii-crypto.ts): the rules never hand a number to storage. */
  hashId(idNumber: string): string;
  hashPhone(phone: string): string;
  /** Every stored, not withdrawn training of each person, across every department. */
  priorTrainings(idHashes: readonly string[]): Promise<ReadonlyMap<string, readonly PriorTraining[]>>;
  /** Stored classes ending in the month, by phone hash, with how many of their trainees use it. */
  phonesInMonth(phoneHashes: readonly string[], month: string): Promise<ReadonlyMap<string, readonly PhoneUse[]>>;
}

export interface CheckedTrainee extends ResolvedTrainee {
  idHash: string;
  phoneHash: string | null;
}

export type RosterCheck =
  | { ok: false; problems: RosterProblem[] }
  | {
      ok: true;
      class: ResolvedClass;
      trainees: CheckedTrainee[];
      flags: Flag[];
      contribution: Contribution;
    };

export async function checkRoster(
  roster: RosterInput,
  ctx: RosterContext,
  at: Locator = jsonLocator(),
): Promise<RosterCheck> {
  const { rules } = ctx.training;
  const klass = resolveClass(roster.class, ctx, at);
  const lines = checkTrainees(
    roster.trainees,
    {
      kind: klass.trainingType?.kind ?? null,
      trainingTypeName: klass.trainingType?.name ?? null,
      startDate: klass.startDate,
      today: ctx.today,
      minimumAge: rules.minimumAge,
    },
    at,
  );
  const problems = [...klass.problems, ...lines.problems, ...checkTotal(roster.trainees, roster.total, at)];
  if (roster.trainees.length === 0)
    problems.push({ row: null, column: null, rule: 'roster-empty', message: '名单中没有学员' });

  const trainees: CheckedTrainee[] = lines.resolved.map((t) => ({
    ...t,
    idHash: ctx.hashId(t.idNumber),
    phoneHash: t.phone ? ctx.hashPhone(t.phone) : null,
  }));
  const priors = trainees.length > 0 ? await ctx.priorTrainings(trainees.map((t) => t.idHash)) : new Map();
  const priorsByLine = new Map(trainees.map((t) => [t.line, priors.get(t.idHash) ?? []]));
  const priorsOf = (t: ResolvedTrainee): readonly PriorTraining[] => priorsByLine.get(t.line) ?? [];
  const departmentName = (code: string) => ctx.catalogue.departments.find((d) => d.code === code)?.name ?? code;
  if (klass.resolved) problems.push(...checkHistory(klass.resolved, trainees, priorsOf, rules, at, departmentName));
  if (problems.length > 0 || !klass.resolved) return { ok: false, problems: sortProblems(problems) };

  const month = klass.resolved.endDate.slice(0, 7);
  const phoneHashes = [...new Set(trainees.flatMap((t) => (t.phoneHash ? [t.phoneHash] : [])))];
  const uses = phoneHashes.length > 0 ? await ctx.phonesInMonth(phoneHashes, month) : new Map();
  const hashOfPhone = new Map(trainees.map((t) => [t.phone, t.phoneHash]));
  const flags = findFlags({
    klass: klass.resolved,
    trainees,
    priorsOf,
    phoneUses: (phone) => uses.get(hashOfPhone.get(phone) ?? '') ?? [],
    rules,
    matchOccupation: ctx.training.matchOccupation,
    at,
    departmentName,
  });
  return {
    ok: true,
    class: klass.resolved,
    trainees,
    flags,
    contribution: contributionOf(klass.resolved, trainees),
  };
}

/**
 * An uploaded file's roster: the reader's own problems (an unreadable cell) and the rules' together, in sheet
 * order, so the clerk sees every problem of the file in one answer.
 */
export async function checkRosterFile(parsed: ParsedRosterGrid, ctx: RosterContext): Promise<RosterCheck> {
  if (parsed.problems.some((p) => p.rule === 'roster-no-table')) return { ok: false, problems: parsed.problems };
  const roster = { class: parsed.class, trainees: parsed.trainees, total: parsed.totalRow };
  const result = await checkRoster(roster, ctx, fileLocator(parsed.layout));
  if (parsed.problems.length === 0) return result;
  return { ok: false, problems: sortProblems([...parsed.problems, ...(result.ok ? [] : result.problems)]) };
}

/** In sheet order: title problems (no row) first, then by row. */
function sortProblems(problems: RosterProblem[]): RosterProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}
