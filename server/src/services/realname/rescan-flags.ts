/**
 * The flag rescan (`pnpm flags:rescan`): the signs of fake training over every stored, not withdrawn line, by
 * the very rules filing runs (realname/flags.ts `findFlags`), e.g. after the catalogue changed or for lines
 * loaded in bulk. The database answers which lines are candidates, one set-based pass per kind (overlaps by a
 * self-join on the person's keyed hash, shared phones by GROUP BY phone × month); only those lines reach the
 * rules, and an ID number is decrypted only where its birth month cannot decide the retirement rule.
 * Flags already stored (same class, kind and message) are not raised again; the new ones are written in one
 * transaction with one audit entry.
 */
import type { Flag } from '@lz/shared/api/rosters';
import { matchTrainingType, type LevelCode } from '@lz/shared/realname/vocabulary';
import { appendAudit } from '../../db/audit-log';
import {
  activeRosters,
  flagKey,
  linesWithPhones,
  overlappingLines,
  perClassCandidates,
  sharedPhoneRuns,
  storedFlagKeys,
} from '../../db/flag-scan-store';
import { insertFlags } from '../../db/flag-store';
import { writeTransaction } from '../../db/open-database';
import type { Deps } from '../../deps';
import { type PriorTraining, toClassRef } from '../../realname/check-history';
import type { ResolvedTrainee } from '../../realname/check-trainees';
import { findFlags, type PhoneUse } from '../../realname/flags';
import { jsonLocator } from '../../realname/locate';
import type { ResolvedClass } from '../../realname/resolve-class';
import type { TrainingCatalogue } from '../../realname/training-catalogue';
import { trainingNow } from './training-now';

type RosterRow = Awaited<ReturnType<typeof activeRosters>>[number];
type Kind = Flag['kind'];

export interface RescanResult {
  /** Flags the rules raise over all stored lines, by kind. */
  found: Record<string, number>;
  /** Of those, the ones not stored before and written now. */
  added: number;
  /** ID numbers decrypted (lines whose birth month left the retirement rule open). */
  decrypted: number;
  ms: number;
  /** Milliseconds of each pass (rules included), for the benchmark. */
  passes: { perClass: number; overlap: number; sharedPhone: number };
}

export async function rescanFlags(deps: Deps, actor: string): Promise<RescanResult> {
  const t0 = performance.now();
  const { training, ids } = await trainingNow(deps, deps.db);
  const rosters = new Map((await activeRosters(deps.db)).map((r) => [r.id, r]));
  const byInstitutionId = new Map([...ids].map(([code, id]) => [id, code]));
  const classes = new Map<number, ResolvedClass | null>();
  const classOf = (id: number) => {
    if (!classes.has(id)) classes.set(id, resolveStored(rosters.get(id), training, byInstitutionId));
    return classes.get(id) ?? null;
  };
  const scan = { deps, training, rosters, classOf, decrypted: 0 };
  const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    return [await fn(), Math.round(performance.now() - t)];
  };
  const [perClass, perClassMs] = await timed(() => perClassFlags(scan));
  const [overlaps, overlapMs] = await timed(() => overlapFlags(scan));
  const [phones, phoneMs] = await timed(() => sharedPhoneFlags(scan));
  const found = [...perClass, ...overlaps, ...phones];
  const stored = await storedFlagKeys(deps.db);
  const fresh = found.filter((f) => !stored.has(flagKey(f.rosterId, f.flag.kind, f.flag.message)));
  const now = deps.clock.now();
  await writeTransaction(deps.db, async (trx) => {
    await insertFlags(
      trx,
      fresh.map(({ rosterId, flag }) => {
        const r = rosters.get(rosterId) as RosterRow;
        const classes = flag.evidence.classes.map((c) =>
          c.classId === null ? { ...c, classId: String(rosterId) } : c,
        );
        return {
          roster_id: rosterId,
          kind: flag.kind,
          message: flag.message,
          evidence: JSON.stringify({ ...flag.evidence, classes }),
          department: r.department,
          county: r.county,
          month: r.month,
          created_at: now.toISOString(),
        };
      }),
    );
    await appendAudit(trx, now, {
      actor,
      action: 'flags.rescan',
      target: 'roster_flags',
      after: { lines: 'all', found: found.length, added: fresh.length },
      ip: null,
    });
  });
  const counts: Record<string, number> = {};
  for (const f of found) counts[f.flag.kind] = (counts[f.flag.kind] ?? 0) + 1;
  return {
    found: counts,
    added: fresh.length,
    decrypted: scan.decrypted,
    ms: Math.round(performance.now() - t0),
    passes: { perClass: perClassMs, overlap: overlapMs, sharedPhone: phoneMs },
  };
}

interface Scan {
  deps: Deps;
  training: TrainingCatalogue;
  rosters: Map<number, RosterRow>;
  classOf: (id: number) => ResolvedClass | null;
  decrypted: number;
}

/** A stored class as the rules see it, under today's catalogue (null when it no longer resolves). */
function resolveStored(
  r: RosterRow | undefined,
  training: TrainingCatalogue,
  byInstitutionId: Map<number, string>,
): ResolvedClass | null {
  if (!r) return null;
  const code = byInstitutionId.get(r.institution_id);
  const institution = training.institutions.find((i) => i.creditCode === code);
  const trainingType = matchTrainingType(r.training_type);
  if (!institution || !trainingType) return null;
  const level = r.level as LevelCode;
  return {
    department: r.department,
    institution,
    trainingType,
    occupation: r.occupation,
    level,
    project: training.findProject(r.occupation, level),
    county: r.county,
    startDate: r.start_date,
    endDate: r.end_date,
    hours: r.hours,
  };
}

/** A stored line as a trainee of the rules: the number masked (the rules only mask it), no phone unless given. */
function trainee(l: { line: number; name: string; id_masked: string }, more: Partial<ResolvedTrainee> = {}) {
  const t: ResolvedTrainee = {
    line: l.line,
    name: l.name,
    idNumber: l.id_masked,
    birthDate: '1900-01-01',
    gender: '男',
    group: null,
    poor: false,
    phone: '',
    certificateType: null,
    certificateNo: '',
    trainingSubsidy: 0,
    livingSubsidy: 0,
    assessmentSubsidy: 0,
  };
  return { ...t, ...more };
}

function rulesOn(
  scan: Scan,
  klass: ResolvedClass,
  trainees: ResolvedTrainee[],
  kinds: readonly Kind[],
  more: { priorsOf?: (t: ResolvedTrainee) => PriorTraining[]; phoneUses?: (phone: string) => PhoneUse[] } = {},
): Flag[] {
  const departmentName = (code: string) => scan.deps.catalogue.departments.find((d) => d.code === code)?.name ?? code;
  return findFlags({
    klass,
    trainees,
    priorsOf: more.priorsOf ?? (() => []),
    phoneUses: more.phoneUses ?? (() => []),
    rules: scan.training.rules,
    matchOccupation: scan.training.matchOccupation,
    at: jsonLocator(),
    departmentName,
  }).filter((f) => kinds.includes(f.kind));
}

const PER_CLASS: readonly Kind[] = ['retirement-age', 'not-approved', 'subsidy-above-standard', 'hours-below-minimum'];

/**
 * Retirement, approval, subsidy and hours: every class with its candidate lines (above the standard, or old
 * enough by birth year). A birth month decides the age unless the class starts in that very month; only then,
 * or for a line without one, is the number decrypted for its day.
 */
async function perClassFlags(scan: Scan) {
  const { male, female } = scan.training.rules.retirementAge;
  const lines = new Map<number, ResolvedTrainee[]>();
  for (const l of await perClassCandidates(scan.deps.db, Math.min(male, female), scan.training.projects)) {
    const klass = scan.classOf(l.roster_id);
    if (!klass) continue;
    const list = lines.get(l.roster_id) ?? [];
    list.push(
      trainee(l, {
        gender: l.gender === '女' ? '女' : '男',
        birthDate: birthDateFor(scan, l, klass.startDate),
        trainingSubsidy: l.training_subsidy,
        livingSubsidy: l.living_subsidy,
        assessmentSubsidy: l.assessment_subsidy,
      }),
    );
    lines.set(l.roster_id, list);
  }
  const out: { rosterId: number; flag: Flag }[] = [];
  for (const id of scan.rosters.keys()) {
    const klass = scan.classOf(id);
    if (!klass) continue;
    for (const flag of rulesOn(scan, klass, lines.get(id) ?? [], PER_CLASS)) out.push({ rosterId: id, flag });
  }
  return out;
}

function birthDateFor(scan: Scan, l: { birth_month: string | null; id_cipher: string }, startDate: string) {
  if (l.birth_month !== null && l.birth_month.slice(5, 7) !== startDate.slice(5, 7)) {
    // Another month than the start's: the month alone decides whether the birthday has passed.
    return `${l.birth_month}-01`;
  }
  scan.decrypted++;
  const id = scan.deps.pii.decrypt(l.id_cipher, 'idNumber');
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

function prior(scan: Scan, id: number): PriorTraining | null {
  const r = scan.rosters.get(id);
  if (!r) return null;
  return {
    classId: String(id),
    department: r.department,
    institution: r.institution,
    occupation: r.occupation,
    level: r.level as LevelCode,
    startDate: r.start_date,
    endDate: r.end_date,
    trainingSubsidy: 0,
  };
}

/** The person in an earlier-filed class whose dates overlap: the later class carries the flag, as at filing. */
async function overlapFlags(scan: Scan) {
  const byRoster = new Map<number, Map<number, { t: ResolvedTrainee; priors: PriorTraining[] }>>();
  for (const row of await overlappingLines(scan.deps.db)) {
    const lines = byRoster.get(row.roster_id) ?? new Map();
    const entry = lines.get(row.line) ?? { t: trainee(row), priors: [] };
    const p = prior(scan, row.other_id);
    if (p) entry.priors.push(p);
    lines.set(row.line, entry);
    byRoster.set(row.roster_id, lines);
  }
  const out: { rosterId: number; flag: Flag }[] = [];
  for (const [id, lines] of byRoster) {
    const klass = scan.classOf(id);
    if (!klass) continue;
    const priorsOf = (t: ResolvedTrainee) => lines.get(t.line)?.priors ?? [];
    const trainees = [...lines.values()].map((e) => e.t);
    for (const flag of rulesOn(scan, klass, trainees, ['overlap'], { priorsOf })) out.push({ rosterId: id, flag });
  }
  return out;
}

/**
 * A phone the month's classes list at least the threshold times, counted as filing counts it: this class and
 * those filed before it. Only these few phones are decrypted, for the masked number the message shows.
 */
async function sharedPhoneFlags(scan: Scan) {
  const runs = await sharedPhoneRuns(scan.deps.db, scan.training.rules.sharedPhoneThreshold);
  const flagged = runs.filter((r) => r.running >= scan.training.rules.sharedPhoneThreshold);
  if (flagged.length === 0) return [];
  const lines = await linesWithPhones(
    scan.deps.db,
    [...new Set(flagged.map((r) => r.roster_id))],
    flagged.map((r) => r.phone_hash),
  );
  const byGroup = new Map<string, typeof runs>();
  for (const r of runs)
    byGroup.set(`${r.phone_hash}|${r.month}`, [...(byGroup.get(`${r.phone_hash}|${r.month}`) ?? []), r]);
  const digits = new Map<string, string>();
  const out: { rosterId: number; flag: Flag }[] = [];
  for (const run of flagged) {
    const klass = scan.classOf(run.roster_id);
    if (!klass) continue;
    const here = lines.filter((l) => l.roster_id === run.roster_id && l.phone_hash === run.phone_hash);
    const phone = digits.get(run.phone_hash) ?? scan.deps.pii.decrypt(here[0]?.phone_cipher ?? '', 'phone');
    digits.set(run.phone_hash, phone);
    const group = byGroup.get(`${run.phone_hash}|${run.month}`) ?? [];
    const earlier = group.filter((r) => r.roster_id < run.roster_id);
    const phoneUses = (): PhoneUse[] =>
      earlier.flatMap((r) => {
        const p = prior(scan, r.roster_id);
        return p ? [{ class: toClassRef(p), trainees: r.here }] : [];
      });
    const trainees = here.map((l) => trainee(l, { phone }));
    for (const flag of rulesOn(scan, klass, trainees, ['shared-phone'], { phoneUses })) {
      out.push({ rosterId: run.roster_id, flag });
    }
  }
  return out;
}
