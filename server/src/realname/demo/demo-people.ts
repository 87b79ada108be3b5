/**
 * Realistic demo trainees: valid ID numbers from Liuzhou's county codes, ages and genders that fit the
 * group and the trade, names from the surnames common in Liuzhou (壮, 汉, 苗, 侗 families), phone numbers
 * that are unique unless a flag case asks otherwise. Deterministic: the same seed gives the same people.
 */
import { idCheckCharacter } from '@lz/shared/realname/id-number';
import type { Rng } from '../../demo/prng';

const SURNAMES = '韦黄覃莫李陈梁蓝罗吴杨刘潘廖卢陆周谢张王蒙农唐何石龙胡欧粟'.split('');
const GIVEN_MALE = '强明军伟华勇杰斌涛波辉刚平健志文海锋荣林超宁俊'.split('');
const GIVEN_FEMALE = '丽芳娟秀英敏静燕红霞玲梅兰萍艳春桂琴雪莉凤玉'.split('');
const PHONE_PREFIXES = ['138', '139', '158', '159', '177', '178', '186', '187', '152', '136'];
const MIDDLE = '小建国永秋金德志春海晓宏家振美'.split('');

/** Liuzhou's GB/T 2260 county codes; the management zones draw on the districts around them. */
const REGION_OF: Record<string, string[]> = {
  LD: ['450203', '450206'],
  BB: ['450205', '450222'],
  '450206': ['450206', '450221'],
};

/** Working-age bands by 人员类别 (years at the class start). */
const AGE_BANDS: Record<string, [number, number]> = {
  企业职工: [20, 52],
  农村转移就业劳动者: [19, 50],
  高校毕业生: [21, 25],
  两后生: [16, 19],
  下岗失业人员: [30, 50],
  退役军人: [22, 40],
  就业困难人员: [35, 52],
  其他: [22, 48],
};

export interface DemoPerson {
  name: string;
  gender: '男' | '女';
  idNumber: string;
  phone: string;
}

export interface PersonWish {
  county: string;
  group: string;
  /** Chance the person is a woman (trades differ: 育婴员 mostly women, 焊工 mostly men). */
  female: number;
  /** YYYY-MM-DD the age is counted at. */
  at: string;
  /** Forces an age (the retirement-age flag cases). */
  age?: number;
  gender?: '男' | '女';
}

export function createDemoPeople(rng: Rng) {
  const usedIds = new Set<string>();
  const usedPhones = new Set<string>();

  const phone = (): string => {
    for (;;) {
      const prefix = PHONE_PREFIXES[rng.int(0, PHONE_PREFIXES.length - 1)] ?? '138';
      const p = `${prefix}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
      if (!usedPhones.has(p)) {
        usedPhones.add(p);
        return p;
      }
    }
  };

  const person = (wish: PersonWish): DemoPerson => {
    const gender = wish.gender ?? (rng.chance(wish.female) ? '女' : '男');
    const [lo, hi] = AGE_BANDS[wish.group] ?? [20, 50];
    const age = wish.age ?? rng.int(lo, hi);
    const regions = REGION_OF[wish.county] ?? [wish.county];
    const region = regions[rng.int(0, regions.length - 1)] ?? '450202';
    for (;;) {
      // A birthday at least one day after the age's anniversary keeps the completed years exactly `age`.
      const atYear = Number(wish.at.slice(0, 4));
      const anniversary = Date.UTC(atYear - age, Number(wish.at.slice(5, 7)) - 1, Number(wish.at.slice(8, 10)));
      const birth = new Date(anniversary - rng.int(0, 360) * 86_400_000).toISOString().slice(0, 10).replace(/-/gu, '');
      const odd = rng.int(0, 499) * 2 + 1;
      const sequence = String(gender === '男' ? odd : odd - 1).padStart(3, '0');
      const first17 = `${region}${birth}${sequence}`;
      const id = first17 + idCheckCharacter(first17);
      if (usedIds.has(id)) continue;
      usedIds.add(id);
      return { name: nameOf(gender), gender, idNumber: id, phone: phone() };
    }
  };

  const nameOf = (gender: '男' | '女'): string => {
    const pick = (list: string[]) => list[rng.int(0, list.length - 1)] ?? '';
    const given = gender === '男' ? GIVEN_MALE : GIVEN_FEMALE;
    return rng.chance(0.7) ? `${pick(SURNAMES)}${pick(MIDDLE)}${pick(given)}` : `${pick(SURNAMES)}${pick(given)}`;
  };

  return { person, phone };
}
export type DemoPeople = ReturnType<typeof createDemoPeople>;
