/**
 * Storing a roster (POST /api/rosters and /api/rosters/file): inside one write transaction the people are
 * locked, every rule is run against every stored roster of every department (the yearly cap and repeats),
 * and the class, its lines (numbers encrypted), its flags and an audit record are written; or, on any
 * problem, nothing is and the answer lists every problem.
 */
import { canFileRoster } from '@lz/shared/access-policy';
import type { Flag, RosterInput, RosterProblem } from '@lz/shared/api/rosters';
import type { SessionUser } from '@lz/shared/api/session';
import { normaliseIdNumber } from '@lz/shared/realname/id-number';
import { dateInZone } from '@lz/shared/zoned-time';
import { appendAudit } from '../../db/audit-log';
import { insertFlags } from '../../db/flag-store';
import { writeTransaction, type Db } from '../../db/open-database';
import { insertRoster, lockPeople, lockPhones, phoneUses, trainingsOf } from '../../db/roster-store';
import type { Deps } from '../../deps';
import { badRequest, forbidden, rosterRefusal, tooLarge } from '../../errors';
import { MAX_UPLOAD_BYTES } from '../../import/parse-report-file';
import type { PriorTraining } from '../../realname/check-history';
import { checkRoster, checkRosterFile, type RosterCheck, type RosterContext } from '../../realname/check-roster';
import type { PhoneUse } from '../../realname/flags';
import { piiHashers, protectNumbers } from '../../realname/protect-trainee';
import { readRosterFile } from '../../realname/read-roster-file';
import { levelName } from './open-realname';
import { trainingNow } from './training-now';

interface Filing {
  actor: SessionUser;
  /** The department an admin names; a reporter's own otherwise. */
  department?: string;
  ip?: string | null;
  fileName?: string | null;
}

export async function fileRosterJson(deps: Deps, input: RosterInput, f: Filing) {
  const department = filingDepartment(deps, f, input.class.department);
  const typed = { ids: input.trainees.map((t) => t.idNumber), phones: input.trainees.map((t) => t.phone) };
  return store(deps, department, typed, f, (ctx) => checkRoster(input, ctx));
}

export async function fileRosterUpload(deps: Deps, file: File, f: Filing) {
  const department = filingDepartment(deps, f, f.department);
  if (file.size > MAX_UPLOAD_BYTES) throw tooLarge(`文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 上限`);
  const parsed = await readRosterFile(new Uint8Array(await file.arrayBuffer()), file.name, deps.readPool);
  const typed = { ids: parsed.trainees.map((t) => t.idNumber), phones: parsed.trainees.map((t) => t.phone) };
  return store(deps, department, typed, { ...f, fileName: file.name.slice(0, 200) }, (ctx) =>
    checkRosterFile(parsed, ctx),
  );
}

/** 422 with every problem of the roster; the shape is the roster's `{ row, column, rule, message }`. */
function rosterRefused(problems: RosterProblem[]) {
  const shown = problems.slice(0, 500);
  const more = problems.length > shown.length ? `（仅列出前 ${shown.length} 处）` : '';
  return rosterRefusal(`花名册有 ${problems.length} 处问题${more}，未保存`, shown);
}

function filingDepartment(deps: Deps, f: Filing, asked: string | undefined): string {
  const department = f.actor.role === 'admin' ? asked : (f.actor.department ?? undefined);
  if (!department) throw badRequest('请指定花名册所属的责任单位（department）', 'department_required');
  const known = deps.catalogue.departments.find((d) => d.code === department || d.name === department);
  if (!known) throw badRequest(`未知的责任单位 ${department}`, 'unknown_department');
  if (!canFileRoster(f.actor, known.code)) throw forbidden('只能报送本单位的花名册');
  return known.code;
}

async function store(
  deps: Deps,
  department: string,
  typed: { ids: string[]; phones: (string | null | undefined)[] },
  f: Filing,
  check: (ctx: RosterContext) => Promise<RosterCheck>,
) {
  const now = deps.clock.now();
  const hashers = piiHashers(deps.pii);
  return writeTransaction(deps.db, async (trx) => {
    await lockPeople(
      trx,
      typed.ids.map((id) => hashers.hashId(normaliseIdNumber(id))),
    );
    const phones = typed.phones.map((p) => (p ?? '').replace(/\D/gu, '')).filter((p) => p !== '');
    await lockPhones(trx, phones.map(hashers.hashPhone));
    const { training, ids } = await trainingNow(deps, trx);
    const ctx: RosterContext = {
      catalogue: deps.catalogue,
      training,
      department,
      today: dateInZone(now, deps.catalogue.campaign.timeZone),
      ...hashers,
      priorTrainings: (hashes) => priorTrainings(trx, hashes),
      phonesInMonth: (hashes, month) => phonesInMonth(trx, hashes, month),
    };
    const result = await check(ctx);
    if (!result.ok) throw rosterRefused(result.problems);
    const k = result.class;
    const month = k.endDate.slice(0, 7);
    const institutionId = ids.get(k.institution.creditCode);
    if (institutionId === undefined) throw new Error('resolved institution has no row');
    const id = await insertRoster(
      trx,
      {
        department,
        institution_id: institutionId,
        institution: k.institution.name,
        training_type: k.trainingType.name,
        occupation: k.occupation,
        level: k.level,
        county: k.county,
        start_date: k.startDate,
        end_date: k.endDate,
        month,
        hours: k.hours,
        trainees: result.trainees.length,
        contribution: JSON.stringify(result.contribution.values),
        withdrawn_reason: null,
        withdrawn_at: null,
        withdrawn_by: null,
        created_at: now.toISOString(),
        created_by: f.actor.username,
        file_name: f.fileName ?? null,
      },
      result.trainees.map((t) => {
        const n = protectNumbers(t, deps.pii);
        return {
          line: t.line,
          name: t.name,
          gender: t.gender,
          id_cipher: n.idCipher,
          id_hash: n.idHash,
          id_masked: n.idMasked,
          phone_cipher: n.phoneCipher,
          phone_hash: n.phoneHash,
          phone_masked: n.phoneMasked,
          month,
          trainee_group: t.group?.name ?? null,
          poor: t.poor ? 1 : 0,
          certificate_type: t.certificateType,
          certificate_no: t.certificateNo || null,
          training_subsidy: t.trainingSubsidy,
          living_subsidy: t.livingSubsidy,
          assessment_subsidy: t.assessmentSubsidy,
          birth_month: t.birthDate.slice(0, 7),
        };
      }),
    );
    const flags = result.flags.map((fl) => withClassId(fl, String(id)));
    await insertFlags(
      trx,
      flags.map((fl) => ({
        roster_id: id,
        kind: fl.kind,
        message: fl.message,
        evidence: JSON.stringify(fl.evidence),
        department,
        county: k.county,
        month,
        created_at: now.toISOString(),
      })),
    );
    await appendAudit(trx, now, {
      actor: f.actor.username,
      action: 'roster.create',
      target: `roster/${id}`,
      after: { department, month, county: k.county, trainees: result.trainees.length, flags: flags.length },
      ip: f.ip ?? null,
    });
    return {
      id: String(id),
      department,
      institution: k.institution.name,
      trainingType: k.trainingType.name,
      occupation: k.occupation,
      level: levelName(k.level),
      county: k.county,
      startDate: k.startDate,
      endDate: k.endDate,
      trainees: result.trainees.length,
      flags,
      contributes: result.contribution,
    };
  });
}

/** This roster's class in a flag's evidence gets its id once stored. */
function withClassId(flag: Flag, id: string): Flag {
  const classes = flag.evidence.classes.map((c) => (c.classId === null ? { ...c, classId: id } : c));
  return { ...flag, evidence: { ...flag.evidence, classes } };
}

export async function priorTrainings(db: Db, hashes: readonly string[]) {
  return priorTrainingsFrom(await trainingsOf(db, hashes));
}

/** Stored trainings (`trainingsOf`'s rows) as the rules judge them, per person. */
export function priorTrainingsFrom(rows: Awaited<ReturnType<typeof trainingsOf>>) {
  const out = new Map<string, PriorTraining[]>();
  for (const r of rows) {
    const list = out.get(r.id_hash) ?? [];
    list.push({
      classId: String(r.roster_id),
      department: r.department,
      institution: r.institution,
      occupation: r.occupation,
      level: r.level as PriorTraining['level'],
      startDate: r.start_date,
      endDate: r.end_date,
      trainingSubsidy: r.training_subsidy,
    });
    out.set(r.id_hash, list);
  }
  return out;
}

async function phonesInMonth(db: Db, hashes: readonly string[], month: string) {
  const out = new Map<string, PhoneUse[]>();
  for (const r of await phoneUses(db, hashes, month)) {
    if (!r.phone_hash) continue;
    const list = out.get(r.phone_hash) ?? [];
    list.push({
      class: {
        classId: String(r.roster_id),
        department: r.department,
        institution: r.institution,
        occupation: r.occupation,
        level: levelName(r.level),
        startDate: r.start_date,
        endDate: r.end_date,
      },
      trainees: Number(r.trainees),
    });
    out.set(r.phone_hash, list);
  }
  return out;
}
