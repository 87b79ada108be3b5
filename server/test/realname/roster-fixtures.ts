/** Hand-made rosters and a context with in-memory earlier trainings, for the rule tests. */
import type { RosterInput, TraineeInput } from '@lz/shared/api/rosters';
import { idCheckCharacter } from '@lz/shared/realname/id-number';
import { loadCatalogue } from '../../src/catalogue';
import type { PriorTraining } from '../../src/realname/check-history';
import type { RosterContext } from '../../src/realname/check-roster';
import type { PhoneUse } from '../../src/realname/flags';
import { createPiiCrypto } from '../../src/realname/pii-crypto';
import { loadTrainingCatalogue } from '../../src/realname/training-catalogue';

export const catalogue = loadCatalogue();
export const training = loadTrainingCatalogue(catalogue.units);
const pii = createPiiCrypto(Buffer.alloc(32, 3));

/** A valid ID number: region, birth date YYYYMMDD, three-digit sequence (odd = male). */
export function idOf(birth: string, sequence: string, region = '450203'): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + idCheckCharacter(first17);
}

export function trainee(over: Partial<TraineeInput> = {}): TraineeInput {
  return {
    name: '韦小强',
    gender: '男',
    idNumber: idOf('19900307', '123'),
    group: '农村转移就业劳动者',
    poor: '否',
    phone: '13812345678',
    certificateType: '职业技能等级证书',
    certificateNo: 'S000045020300001',
    trainingSubsidy: 1700,
    livingSubsidy: 0,
    assessmentSubsidy: 150,
    ...over,
  };
}

/** 就业技能培训, 电工 四级 at 柳州市第二职业技术学校 (approved for it), 鱼峰区, March 2020, 120 hours. */
export function roster(over: Partial<RosterInput['class']> = {}, trainees: TraineeInput[] = [trainee()]): RosterInput {
  return {
    class: {
      department: '市人力资源社会保障局',
      institution: '柳州市第二职业技术学校',
      trainingType: '就业技能培训',
      occupation: '电工（工种）',
      level: '四级/中级工',
      county: '鱼峰区',
      startDate: '2020-03-02',
      endDate: '2020-03-27',
      hours: 120,
      ...over,
    },
    trainees,
    total: null,
  };
}

export function prior(over: Partial<PriorTraining> = {}): PriorTraining {
  return {
    classId: 'c-1',
    department: 'ZGH',
    institution: '柳州市交通技工学校',
    occupation: '汽车维修工',
    level: 'L5',
    startDate: '2020-01-06',
    endDate: '2020-01-24',
    trainingSubsidy: 1200,
    ...over,
  };
}

export function context(
  priors: Record<string, PriorTraining[]> = {},
  phones: Record<string, PhoneUse[]> = {},
  over: Partial<RosterContext> = {},
): RosterContext {
  const hashId = (id: string) => pii.hash(id, 'idNumber');
  const hashPhone = (p: string) => pii.hash(p, 'phone');
  const byHash = new Map(Object.entries(priors).map(([id, list]) => [hashId(id), list]));
  const phonesByHash = new Map(Object.entries(phones).map(([p, list]) => [hashPhone(p), list]));
  return {
    catalogue,
    training,
    department: 'RSJ',
    today: '2021-06-30',
    hashId,
    hashPhone,
    priorTrainings: async (hashes) => new Map(hashes.flatMap((h) => (byHash.has(h) ? [[h, byHash.get(h)!]] : []))),
    phonesInMonth: async (hashes) =>
      new Map(hashes.flatMap((h) => (phonesByHash.has(h) ? [[h, phonesByHash.get(h)!]] : []))),
    ...over,
  };
}
