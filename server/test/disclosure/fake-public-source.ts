/**
 * A `PublicSource` over data held in memory, for the public site's tests only. It keeps private things
 * beside the public ones (full names, ID numbers, phones, an unaccepted report, an unpublished quarter and
 * batch) the way the database will, so the leak crawl has something to find if the site ever shows it.
 */
import type { InstitutionFilter, Objection, PublicInstitution, PublicProject } from '@lz/shared/api/disclosure';
import { type AcceptedRow, aggregateFundUse } from '../../src/disclosure/fund-use';
import type { PublicSource, SourceBatch } from '../../src/disclosure/public-source';
import { idCheckChar } from './leak-crawl';

const validId = (first17: string) => `${first17}${idCheckChar(first17)}`;

interface PrivateTrainee {
  name: string;
  idNumber: string;
  phone: string;
}

/** 张*三 / 张* as the real-name core will mask them; the test source does it by hand. */
const maskName = (name: string) =>
  name.length <= 2 ? `${name.slice(0, 1)}*` : `${name.slice(0, 1)}${'*'.repeat(name.length - 2)}${name.slice(-1)}`;
const maskId = (id: string) => `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(-4)}`;

export const trainees: PrivateTrainee[] = [
  { name: '张建三', idNumber: validId('45020319850312101'), phone: '13907721234' },
  { name: '李四', idNumber: validId('45022219900101202'), phone: '13877225678' },
  { name: '欧阳秀英', idNumber: validId('45022519781111303'), phone: '18977290000' },
];

export const counties = [
  { code: '450203', name: '鱼峰区' },
  { code: '450222', name: '柳城县' },
];
export const departments = [
  { code: 'RSJ', name: '市人力资源社会保障局' },
  { code: 'GXJ', name: '市工业和信息化局' },
];

export const institutions: PublicInstitution[] = [
  {
    id: 'inst-1',
    name: '柳州市第一职业技术学校',
    creditCode: '12450200498512345X',
    county: counties[0]!,
    type: '公办院校',
    status: '有效',
    statusSince: '2019-03-01',
    occupations: ['电工', '焊工'],
    approved: [
      { occupation: '电工', level: '五级/初级工' },
      { occupation: '电工', level: '四级/中级工' },
      { occupation: '焊工', level: '五级/初级工' },
    ],
    years: [
      { year: 2019, classes: 2, trainees: 61, subsidies: 73200 },
      { year: 2020, classes: 5, trainees: 148, subsidies: 185400.5 },
    ],
  },
  {
    id: 'inst-2',
    name: '柳城县巧手家政培训学校',
    creditCode: '52450222MJ0123456Y',
    county: counties[1]!,
    type: '民办培训机构',
    status: '暂停',
    statusSince: '2020-11-15',
    occupations: ['家政服务员', '育婴员'],
    approved: [
      { occupation: '家政服务员', level: '五级/初级工' },
      { occupation: '育婴员', level: '四级/中级工' },
    ],
    years: [],
  },
];

export const projects: PublicProject[] = [
  { occupation: '电工', occupationCode: '6-31-01-03', level: '五级/初级工', subsidyStandard: 1200, minimumHours: 120 },
  {
    occupation: '育婴员',
    occupationCode: '4-10-01-02',
    level: '四级/中级工',
    subsidyStandard: 1500,
    minimumHours: 150,
  },
  { occupation: '创业培训(SYB)', occupationCode: null, level: '专项职业能力', subsidyStandard: 1000, minimumHours: 80 },
];

interface StoredReportRow extends AcceptedRow {
  accepted: boolean;
}

/** Figures that must never show: an unaccepted report's and an unpublished quarter's. */
export const unpublishedFigures = [97531.24, 86420.13, 4242];

const reportRows: StoredReportRow[] = [
  {
    department: 'RSJ',
    county: '450203',
    month: '2020-07',
    accepted: true,
    values: { F1: 48000, F2: 1500, F3: 3200, F4: 6000, T: 40, X1: 3, X3: 16 },
  },
  {
    department: 'GXJ',
    county: '450222',
    month: '2020-08',
    accepted: true,
    values: { F1: 12000.5, F2: 0, F3: 800, F4: 0, T: 10, X1: 0, X3: 4 },
  },
  // Not yet accepted: must not count anywhere.
  { department: 'GXJ', county: '450203', month: '2020-09', accepted: false, values: { F1: 97531.24, T: 4242 } },
  // 2020-Q4 is not published.
  { department: 'RSJ', county: '450222', month: '2020-10', accepted: true, values: { F1: 86420.13, T: 61 } },
];

const batches: (SourceBatch & { published: boolean })[] = [
  {
    id: 'B-2020-09',
    title: '2020年第3批职业技能培训补贴公示',
    department: '市人力资源社会保障局',
    publishedAt: '2020-09-02',
    noticeDays: 5,
    published: true,
    classCount: 2,
    amount: 3600,
    classes: [
      {
        id: 'C-1',
        institution: '柳州市第一职业技术学校',
        occupation: '电工',
        level: '五级/初级工',
        startDate: '2020-07-01',
        endDate: '2020-08-10',
        traineeCount: 2,
        trainees: trainees.slice(0, 2).map((t) => ({ name: maskName(t.name), idNumber: maskId(t.idNumber) })),
        amount: 2400,
      },
      {
        id: 'C-2',
        institution: '柳城县巧手家政培训学校',
        occupation: '育婴员',
        level: '四级/中级工',
        startDate: '2020-07-15',
        endDate: '2020-08-20',
        traineeCount: 1,
        trainees: null,
        amount: 1200,
      },
    ],
  },
  {
    id: 'B-2020-06',
    title: '2020年第2批职业技能培训补贴公示',
    department: '市人力资源社会保障局',
    publishedAt: '2020-06-01',
    noticeDays: 5,
    published: true,
    classCount: 1,
    amount: 1500,
    classes: [
      {
        id: 'C-3',
        institution: '柳州市第一职业技术学校',
        occupation: '焊工',
        level: '五级/初级工',
        startDate: '2020-04-01',
        endDate: '2020-05-10',
        traineeCount: 1,
        trainees: [{ name: maskName(trainees[2]!.name), idNumber: maskId(trainees[2]!.idNumber) }],
        amount: 1500,
      },
    ],
  },
  {
    id: 'B-draft',
    title: '2020年第4批（未发布）',
    department: '市人力资源社会保障局',
    publishedAt: '2020-09-20',
    noticeDays: 5,
    published: false,
    classCount: 1,
    amount: 4242,
    classes: [],
  },
];

const matches = (i: PublicInstitution, f: InstitutionFilter) =>
  (!f.q || i.name.includes(f.q) || i.creditCode.includes(f.q.toUpperCase())) &&
  (!f.county || i.county.code === f.county) &&
  (!f.occupation || i.occupations.includes(f.occupation)) &&
  (!f.type || i.type === f.type) &&
  (!f.status || i.status === f.status);

const summary = ({ classes: _classes, ...rest }: SourceBatch) => rest;
const withoutFlag = <T extends { published: boolean }>({ published: _published, ...rest }: T) => rest;

export interface FakeSource extends PublicSource {
  objections: { objection: Objection; receivedAt: Date; reference: string }[];
}

export function fakePublicSource(): FakeSource {
  const objections: FakeSource['objections'] = [];
  const published = batches.filter((b) => b.published).map(withoutFlag);
  return {
    objections,
    institutions: async (filter) => ({
      publishedAt: '2020-11-15',
      counties,
      occupations: [...new Set(institutions.flatMap((i) => i.occupations))].sort(),
      items: institutions.filter((i) => matches(i, filter)).map(({ approved: _a, years: _y, ...rest }) => rest),
    }),
    institution: async (id) => {
      const found = institutions.find((i) => i.id === id);
      return found ? { publishedAt: '2020-11-15', institution: found } : null;
    },
    projects: async () => ({ publishedAt: '2020-01-06', items: projects }),
    fundUse: async () =>
      aggregateFundUse({
        rows: reportRows.filter((r) => r.accepted),
        publications: [{ quarter: '2020-Q3', publishedAt: '2020-10-26' }],
        counties,
        departments,
      }),
    noticeBatches: async () => ({ publishedAt: published[0]?.publishedAt ?? null, items: published.map(summary) }),
    noticeBatch: async (id) => published.find((b) => b.id === id) ?? null,
    fileObjection: async (objection, receivedAt) => {
      const reference = `YY${String(objections.length + 1).padStart(4, '0')}`;
      objections.push({ objection, receivedAt, reference });
      return { reference };
    },
  };
}
