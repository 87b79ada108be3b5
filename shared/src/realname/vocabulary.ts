/**
 * The words of a roster (DOMAIN.md "Real-name training records"): levels, training types, trainee groups
 * and certificates, each with the variants offices type, and the indicator each one feeds.
 */
import { labelKey } from './label-key';

export type LevelCode = 'L5' | 'L4' | 'L3' | 'L2' | 'L1' | 'SP';

interface Level {
  code: LevelCode;
  name: string;
  /** 5 (初级工) … 1 (高级技师); null for 专项职业能力, which has no level to compare. */
  rank: number | null;
  aliases: string[];
}

export const LEVELS: readonly Level[] = [
  { code: 'L5', name: '五级/初级工', rank: 5, aliases: ['五级', '初级工', '初级', '五级(初级工)', '5级'] },
  { code: 'L4', name: '四级/中级工', rank: 4, aliases: ['四级', '中级工', '中级', '四级(中级工)', '4级'] },
  { code: 'L3', name: '三级/高级工', rank: 3, aliases: ['三级', '高级工', '三级(高级工)', '3级'] },
  { code: 'L2', name: '二级/技师', rank: 2, aliases: ['二级', '技师', '二级(技师)', '2级'] },
  { code: 'L1', name: '一级/高级技师', rank: 1, aliases: ['一级', '高级技师', '一级(高级技师)', '1级'] },
  { code: 'SP', name: '专项职业能力', rank: null, aliases: ['专项', '专项能力', '无等级', '不分等级'] },
];

export type TrainingKind = 'enterprise' | 'employment' | 'entrepreneurship';

interface TrainingType {
  name: string;
  kind: TrainingKind;
  /** The E indicator for enterprise training; key-group classes count by each trainee's group instead. */
  indicator: string | null;
  aliases: string[];
}

export const TRAINING_TYPES: readonly TrainingType[] = [
  {
    name: '岗前培训',
    kind: 'enterprise',
    indicator: 'E1',
    aliases: ['新录用人员岗前培训', '企业新录用人员岗前培训', '企业职工岗前培训'],
  },
  {
    name: '岗位技能提升培训',
    kind: 'enterprise',
    indicator: 'E2',
    aliases: ['岗位技能提升', '在岗培训', '技能提升培训', '岗位练兵', '企业职工岗位技能提升培训'],
  },
  {
    name: '转岗转业培训',
    kind: 'enterprise',
    indicator: 'E3',
    aliases: ['转岗培训', '转业培训', '企业职工转岗转业培训'],
  },
  {
    name: '安全技能培训',
    kind: 'enterprise',
    indicator: 'E4',
    aliases: ['安全生产技能培训', '特种作业培训', '企业职工安全技能培训'],
  },
  {
    name: '企业新型学徒制',
    kind: 'enterprise',
    indicator: 'E5',
    aliases: ['企业新型学徒制(现代学徒制)', '企业新型学徒制培训', '现代学徒制', '新型学徒制'],
  },
  { name: '就业技能培训', kind: 'employment', indicator: null, aliases: ['就业技能'] },
  { name: '创业培训', kind: 'entrepreneurship', indicator: null, aliases: ['创业', 'SYB创业培训', '创业培训(SYB)'] },
];

interface TraineeGroup {
  name: string;
  /** K1…K7; null for 企业职工, who is not a key employment group. */
  indicator: string | null;
  aliases: string[];
}

export const TRAINEE_GROUPS: readonly TraineeGroup[] = [
  { name: '企业职工', indicator: null, aliases: ['职工', '在职职工', '在岗职工', '企业在职职工'] },
  {
    name: '农村转移就业劳动者',
    indicator: 'K1',
    aliases: ['农村转移就业劳动者(含新生代农民工)', '农民工', '新生代农民工', '农村劳动力', '农村转移劳动力'],
  },
  { name: '高校毕业生', indicator: 'K2', aliases: ['高校毕业生(含离校未就业)', '离校未就业高校毕业生', '毕业生'] },
  { name: '两后生', indicator: 'K3', aliases: ['两后生等青年', '"两后生"等青年'] },
  {
    name: '下岗失业人员',
    indicator: 'K4',
    aliases: ['下岗失业人员(转岗职工)', '下岗失业人员和转岗职工', '失业人员', '下岗职工', '转岗职工'],
  },
  { name: '退役军人', indicator: 'K5', aliases: ['退役士兵', '退役军人(士兵)'] },
  { name: '就业困难人员', indicator: 'K6', aliases: ['就业困难人员(含残疾人)', '残疾人', '就业困难'] },
  {
    name: '其他',
    indicator: 'K7',
    aliases: ['其他人员', '服刑人员', '戒毒人员', '社区矫正人员', '刑满释放人员'],
  },
];

export const CERTIFICATE_TYPES = [
  '职业资格证书',
  '职业技能等级证书',
  '专项职业能力证书',
  '特种作业操作证书',
  '培训合格证书',
] as const;

function matcher<T extends { name: string; aliases: string[] }>(entries: readonly T[]): (text: string) => T | null {
  const byKey = new Map<string, T>();
  for (const entry of entries) {
    for (const label of [entry.name, ...entry.aliases]) byKey.set(labelKey(label), entry);
  }
  return (text) => byKey.get(labelKey(text)) ?? null;
}

export const matchLevel = matcher(LEVELS);
export const matchTrainingType = matcher(TRAINING_TYPES);
export const matchTraineeGroup = matcher(TRAINEE_GROUPS);
export const matchCertificateType = matcher(CERTIFICATE_TYPES.map((name) => ({ name, aliases: [] })));

/** 是/否 as offices write it; null when the cell says neither. */
export function parseYesNo(text: string): boolean | null {
  const key = labelKey(text);
  if (['是', 'y', 'yes', '1', '√', '贫困', '建档立卡'].includes(key)) return true;
  if (['否', 'n', 'no', '0', '', '×', '非贫困'].includes(key)) return false;
  return null;
}
