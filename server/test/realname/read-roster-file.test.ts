import { afterAll, describe, expect, it } from 'vitest';
import { checkRosterFile } from '../../src/realname/check-roster';
import { WorkerPool } from '../../src/import/read-pool';
import { readRosterFile } from '../../src/realname/read-roster-file';
import { context, idOf } from './roster-fixtures';
import { type Line, rosterGbkCsv, rosterXls, rosterXlsx } from './roster-files';

const pool = new WorkerPool({
  module: new URL('../../src/import/read-upload.ts', import.meta.url),
  size: 1,
  timeoutMs: 10_000,
  memoryMb: 128,
  maxQueue: 4,
});
afterAll(() => pool.close());

const a = idOf('19900307', '123');
const b = idOf('19851120', '064', '450225');
const c = idOf('20000615', '031', '450206');
const lines: Line[] = [
  [1, '韦小强', '男', a, '农村转移就业劳动者', '否', '13812345678', '职业技能等级证书', 'S0001', 1700, 0, 150],
  [
    2,
    '覃丽',
    '女',
    b.toLowerCase(),
    '下岗失业人员',
    '是',
    '13977001122',
    '职业技能等级证书',
    'S0002',
    '1,700.00',
    500,
    150,
  ],
  [3, '黄　明', '男', c, '高校毕业生', '否', '18607723456', '', '', 1700, 0, 0],
];
const total: Line = ['合计（3人）', '', '', '', '', '', '', '', '', 5100, 500, 300];

describe('roster files as offices keep them', () => {
  it.each([
    ['xlsx', () => rosterXlsx(lines, total), 'roster.xlsx', 5],
    ['xls', async () => rosterXls(lines, total), 'roster.xls', 6],
    ['GBK csv', async () => rosterGbkCsv(lines, total), 'roster.csv', 5],
  ])(
    'reads the title, the table, 合计 and the footer of a %s, and the roster passes the rules',
    async (_, build, name, header) => {
      const parsed = await readRosterFile(await build(), name, pool);
      expect(parsed.problems).toEqual([]);
      expect(parsed.class).toMatchObject({
        department: '市人力资源社会保障局',
        institution: '柳州市第二职业技术学校',
        trainingType: '就业技能培训',
        occupation: '电工',
        hours: 120,
      });
      expect(parsed.class.startDate.replace(/\D/gu, '')).toMatch(/^2020(0302|32)$/u);
      expect(parsed.trainees.map((t) => [t.name, t.idNumber, t.trainingSubsidy])).toEqual([
        ['韦小强', a, 1700],
        ['覃丽', b.toLowerCase(), 1700],
        ['黄明', c, 1700],
      ]);
      expect(parsed.totalRow).toEqual({
        trainees: 3,
        trainingSubsidy: 5100,
        livingSubsidy: 500,
        assessmentSubsidy: 300,
      });
      expect(parsed.footer.filledBy).toBe('李明');
      expect(parsed.footer.reviewedBy).toBe('王芳');
      expect(parsed.layout.traineeRows).toEqual([header + 1, header + 2, header + 3]);
      const result = await checkRosterFile(parsed, context());
      expect(result).toMatchObject({ ok: true, contribution: { month: '2020-03', county: '450203' } });
      if (result.ok) expect(result.contribution.values).toMatchObject({ K1: 1, K4: 1, K2: 1, X1: 1, X3: 2, F1: 5100 });
    },
  );

  // The 合计 of a column with an unreadable cell is not judged: one mistake is reported once.
  it('names every problem at its sheet row and column: a lost ID, a bad amount, a bad check character', async () => {
    const broken = lines.map((l) => [...l]);
    broken[1]![9] = '一千七';
    broken[2]![3] = `${c.slice(0, 17)}${c.endsWith('1') ? '2' : '1'}`;
    const parsed = await readRosterFile(
      await rosterXlsx(broken, [...total.slice(0, 9), 5000, 500, 300], 0),
      'bad.xlsx',
      pool,
    );
    const result = await checkRosterFile(parsed, context());
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => [p.row, p.column, p.rule])).toEqual([
      [6, 'D', 'roster-cell-unreadable'],
      [7, 'J', 'roster-cell-unreadable'],
      [8, 'D', 'id-check'],
    ]);
    expect(problems[0]!.message).toBe('公民身份号码被存成了数字，后几位已丢失；请把该列设为“文本”后重新填写');
    expect(problems[1]!.message).toBe('培训补贴(元) “一千七” 不是有效金额');
  });

  it('reads a class of 1,200 trainees, past the 1,000-row budget of a monthly form', async () => {
    const many: Line[] = Array.from({ length: 1200 }, (_, i) => {
      const id = idOf('19900307', String(i % 1000).padStart(3, '0'), i < 1000 ? '450203' : '450204');
      return [i + 1, `学员${i}`, '', id, '农村转移就业劳动者', '否', '', '', '', 1000, 0, 0];
    });
    const file = await rosterXlsx(many, ['合计', '', '', '', '', '', '', '', '', 1_200_000]);
    const parsed = await readRosterFile(file, 'big.xlsx', pool);
    expect(parsed.problems).toEqual([]);
    expect(parsed.trainees).toHaveLength(1200);
    expect(parsed.totalRow?.trainingSubsidy).toBe(1_200_000);
  });

  it('refuses a sheet without a trainee table', async () => {
    const parsed = await readRosterFile(new TextEncoder().encode('姓名,年龄\n张三,30\n'), 'x.csv', pool);
    expect(parsed.problems.map((p) => p.rule)).toEqual(['roster-no-table']);
    expect(await checkRosterFile(parsed, context())).toMatchObject({
      ok: false,
      problems: [{ rule: 'roster-no-table' }],
    });
  });
});
