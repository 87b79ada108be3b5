import { describe, expect, it } from 'vitest';
import type { Cell, Sheet } from '../../src/import/grid';
import { parseRosterGrid } from '../../src/realname/roster-grid';

function sheet(rows: (string | number | null)[][], merged: string[] = []): Sheet {
  const cell = (v: string | number | null): Cell =>
    v === null || v === ''
      ? { kind: 'empty' }
      : typeof v === 'number'
        ? { kind: 'number', value: v }
        : { kind: 'text', value: v };
  return { name: 'S', rows: rows.map((r) => r.map(cell)), mergedCovered: new Set(merged) };
}

describe('parseRosterGrid', () => {
  it('reads a two-row header, a 培训时间 range, pre-numbered empty lines and a footer across cells', () => {
    const parsed = parseRosterGrid(
      sheet(
        [
          ['岗位技能提升培训花名册'],
          [
            '培训机构（盖章）',
            '柳东新区汽车产业技能培训中心',
            '柳东新区汽车产业技能培训中心',
            '培训类型：企业职工岗位技能提升培训',
          ],
          ['培训职业（工种）：焊工  培训等级：三级', null, null, '培训地点：柳东新区'],
          ['培训时间：2020年5月6日至2020年5月29日', null, null, '总课时', '168学时'],
          ['序号', '姓名', '公民身份号码', '人员类别', '补贴金额（元）', '补贴金额（元）'],
          [null, null, null, null, '培训补贴', '鉴定补贴'],
          [1, '蓝海', '450203198805050011', '企业职工', 2300, 150],
          [2, null, null, null, null, null],
          ['合计', '共1人', null, null, 2300, 150],
          ['注：人员类别按就业重点群体填写', '注：人员类别按就业重点群体填写', '注：人员类别按就业重点群体填写'],
          ['填表人：', '莫小红', '审核人：', '卢志'],
        ],
        ['1,2', '9,1', '9,2'],
      ),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.class).toEqual({
      institution: '柳东新区汽车产业技能培训中心',
      trainingType: '企业职工岗位技能提升培训',
      occupation: '焊工',
      level: '三级',
      county: '柳东新区',
      startDate: '2020-05-06',
      endDate: '2020-05-29',
      hours: 168,
    });
    expect(parsed.layout.classCells.institution).toEqual({ row: 2, column: 'B' });
    expect(parsed.layout.columns).toMatchObject({
      name: 'B',
      idNumber: 'C',
      trainingSubsidy: 'E',
      assessmentSubsidy: 'F',
    });
    expect(parsed.trainees).toHaveLength(1);
    expect(parsed.trainees[0]).toMatchObject({
      name: '蓝海',
      trainingSubsidy: 2300,
      assessmentSubsidy: 150,
      livingSubsidy: 0,
    });
    expect(parsed.totalRow).toEqual({
      trainees: 1,
      trainingSubsidy: 2300,
      livingSubsidy: null,
      assessmentSubsidy: 150,
    });
    expect(parsed.layout.totalRow).toBe(9);
    expect(parsed.footer).toEqual({ filledBy: '莫小红', reviewedBy: '卢志', date: null });
  });

  it('reports every file problem at once: unreadable hours, a line after 合计', () => {
    const parsed = parseRosterGrid(
      sheet([
        ['主管部门（盖章）：市总工会  课时：很多'],
        ['姓名', '身份证号', '联系电话'],
        ['韦一', '450203198805050011', 13812345678],
        ['合计', null, null],
        ['韦二', '450203198805050038', null],
      ]),
    );
    expect(parsed.problems).toEqual([
      { row: 1, column: 'A', rule: 'roster-cell-unreadable', message: '课时“很多”不是数字' },
      { row: 5, column: null, rule: 'roster-line-after-total', message: '合计行之后还有学员行' },
    ]);
    expect(parsed.trainees[0]!.phone).toBe('13812345678');
    expect(parsed.class).toMatchObject({ department: '市总工会', hours: null });
    const noId = parseRosterGrid(
      sheet([
        ['姓名', '性别'],
        ['韦一', '男'],
      ]),
    );
    expect(noId.problems.map((p) => p.rule)).toEqual(['roster-no-table']);
  });
});
