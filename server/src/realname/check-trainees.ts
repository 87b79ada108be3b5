/**
 * The line rules of a roster: each trainee's ID number, age at the start, group against the class type,
 * the 是/否 and certificate columns; the same person twice in the class; the 合计 row against the lines.
 */
import type { RosterProblem, RosterTotal, TraineeInput } from '@lz/shared/api/rosters';
import { ageAt, validateIdNumber } from '@lz/shared/realname/id-number';
import {
  matchCertificateType,
  matchTraineeGroup,
  parseYesNo,
  TRAINEE_GROUPS,
  type TrainingKind,
} from '@lz/shared/realname/vocabulary';
import type { Locator } from './locate';
import { FIELD_NAMES, type TraineeField } from './roster-labels';

export interface ResolvedTrainee {
  /** 0-based line of the roster. */
  line: number;
  name: string;
  idNumber: string;
  birthDate: string;
  gender: '男' | '女';
  group: (typeof TRAINEE_GROUPS)[number] | null;
  poor: boolean;
  /** Digits only; '' when none was given. */
  phone: string;
  certificateType: string | null;
  certificateNo: string;
  trainingSubsidy: number;
  livingSubsidy: number;
  assessmentSubsidy: number;
}

interface LineContext {
  kind: TrainingKind | null;
  trainingTypeName: string | null;
  startDate: string | null;
  today: string;
  minimumAge: number;
}

export function checkTrainees(
  trainees: readonly TraineeInput[],
  ctx: LineContext,
  at: Locator,
): { resolved: ResolvedTrainee[]; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const resolved: ResolvedTrainee[] = [];
  const firstLineOf = new Map<string, number>();
  trainees.forEach((t, line) => {
    const before = problems.length;
    const refuse = (field: TraineeField | null, rule: string, message: string) =>
      problems.push({ ...at.line(line, field), rule, message });

    if (!t.name.trim()) refuse('name', 'trainee-name', '缺少姓名');
    const id = at.unreadable(line, 'idNumber') ? null : validateIdNumber(t.idNumber, ctx.today);
    if (id && !id.ok) refuse('idNumber', id.rule, t.idNumber.trim() ? id.message : '缺少公民身份号码');
    const valid = id?.ok ? id : null;

    if (valid) {
      const earlier = firstLineOf.get(valid.idNumber);
      if (earlier !== undefined) {
        const where = at.line(earlier, 'idNumber');
        refuse(
          'idNumber',
          'duplicate-in-roster',
          `同一人在本花名册中出现两次（与${lineName(where.row)}的公民身份号码相同）`,
        );
      } else {
        firstLineOf.set(valid.idNumber, line);
      }
      const gender = t.gender.trim();
      if (gender && gender !== valid.gender) {
        refuse('gender', 'trainee-gender', `性别填写为“${gender}”，与公民身份号码（${valid.gender}）不符`);
      }
      if (ctx.startDate) {
        const age = ageAt(valid.birthDate, ctx.startDate);
        if (age < ctx.minimumAge) {
          refuse(
            'idNumber',
            'trainee-under-age',
            `开班时仅 ${age} 周岁，未满 ${ctx.minimumAge} 周岁，不能参加补贴性培训`,
          );
        }
      }
    }

    const group = t.group.trim() ? matchTraineeGroup(t.group) : null;
    if (t.group.trim() && !group) {
      refuse(
        'group',
        'trainee-group',
        `人员类别“${t.group}”无法识别，应为${TRAINEE_GROUPS.map((g) => g.name).join('、')}之一`,
      );
    } else if ((ctx.kind === 'employment' || ctx.kind === 'entrepreneurship') && !group?.indicator) {
      refuse(
        'group',
        'trainee-group-class',
        group
          ? `${ctx.trainingTypeName}面向就业重点群体，人员类别“${group.name}”不属于就业重点群体`
          : `${ctx.trainingTypeName}须填写人员类别（就业重点群体）`,
      );
    }

    const poor = typeof t.poor === 'boolean' ? t.poor : parseYesNo(t.poor);
    if (poor === null) refuse('poor', 'trainee-poor', `是否贫困劳动力应填“是”或“否”，实际为“${String(t.poor)}”`);

    const certificate = t.certificateType.trim() ? matchCertificateType(t.certificateType) : null;
    if (t.certificateType.trim() && !certificate) {
      refuse('certificateType', 'trainee-certificate', `证书类型“${t.certificateType}”无法识别`);
    }

    const phone = t.phone.replace(/\D/gu, '');
    if (t.phone.trim() && !/^(1\d{10}|0\d{9,11}|\d{7,8})$/u.test(phone)) {
      refuse('phone', 'trainee-phone', '联系电话应为 11 位手机号码或带区号的固定电话');
    }

    if (valid && problems.length === before && poor !== null) {
      resolved.push({
        line,
        name: t.name.trim(),
        idNumber: valid.idNumber,
        birthDate: valid.birthDate,
        gender: valid.gender,
        group,
        poor,
        phone,
        certificateType: certificate?.name ?? null,
        certificateNo: t.certificateNo.trim(),
        trainingSubsidy: t.trainingSubsidy,
        livingSubsidy: t.livingSubsidy,
        assessmentSubsidy: t.assessmentSubsidy,
      });
    }
  });
  return { resolved, problems };
}

const lineName = (row: number | null) => (row === null ? '前面一行' : `第 ${row} 行`);

const MONEY_FIELDS = ['trainingSubsidy', 'livingSubsidy', 'assessmentSubsidy'] as const;

/** The 合计 row as stated against the lines; a column with an unreadable line cell is not judged. */
export function checkTotal(trainees: readonly TraineeInput[], total: RosterTotal | null, at: Locator): RosterProblem[] {
  if (!total) return [];
  const problems: RosterProblem[] = [];
  if (total.trainees !== null && total.trainees !== trainees.length) {
    problems.push({
      ...at.total('trainees'),
      rule: 'total-mismatch',
      message: `合计行写明 ${total.trainees} 人，名单实有 ${trainees.length} 人`,
    });
  }
  for (const field of MONEY_FIELDS) {
    const stated = total[field];
    if (stated === null || trainees.some((_, i) => at.unreadable(i, field))) continue;
    const cents = trainees.reduce((s, t) => s + Math.round(t[field] * 100), 0);
    if (Math.round(stated * 100) !== cents) {
      problems.push({
        ...at.total(field),
        rule: 'total-mismatch',
        message: `合计行${FIELD_NAMES[field]}为 ${stated.toFixed(2)}，各行相加为 ${(cents / 100).toFixed(2)}`,
      });
    }
  }
  return problems;
}
