import { describe, expect, it } from 'vitest';
import { excelSerialToDate, parseDateText } from '../../src/realname/parse-date';
import { buildOccupationMatcher } from '../../src/realname/training-catalogue';
import {
  matchCertificateType,
  matchLevel,
  matchTraineeGroup,
  matchTrainingType,
  parseYesNo,
} from '../../src/realname/vocabulary';

describe('roster words as offices type them', () => {
  it('matches levels, training types, groups and certificates by their variants', () => {
    expect(['四级', '中级工', '四级（中级工）', '四级/中级工', ' 中级 '].map((t) => matchLevel(t)?.code)).toEqual(
      Array(5).fill('L4'),
    );
    expect(matchLevel('高级技师')?.code).toBe('L1');
    expect(matchLevel('七级')).toBeNull();
    expect(matchTrainingType('企业新型学徒制（现代学徒制）')?.indicator).toBe('E5');
    expect(matchTrainingType('创业培训（SYB）')?.kind).toBe('entrepreneurship');
    expect(matchTraineeGroup('“两后生”等青年')?.indicator).toBe('K3');
    expect(matchTraineeGroup('就业困难人员（含残疾人）')?.indicator).toBe('K6');
    expect(matchTraineeGroup('企业职工')?.indicator).toBeNull();
    expect(matchCertificateType('特种作业操作证书')?.name).toBe('特种作业操作证书');
    expect([parseYesNo('是'), parseYesNo(' 否 '), parseYesNo(''), parseYesNo('不详')]).toEqual([
      true,
      false,
      false,
      null,
    ]);
  });

  it('matches occupations loosely, and not at all where two fold to one key', () => {
    const match = buildOccupationMatcher(['电工', '创业培训(SYB)', '焊工(电焊)', '焊工(气焊)']);
    expect(match('电工（工种）')).toBe('电工');
    expect(match('ＳＹＢ创业培训')).toBeNull();
    expect(match('创业培训（ＳＹＢ）')).toBe('创业培训(SYB)');
    expect(match('焊工（电焊）')).toBe('焊工(电焊)');
    expect(match('焊工')).toBeNull();
  });

  it('reads dates as typed and Excel serial days', () => {
    expect(
      ['2020-03-05', '2020/3/5', '2020.3.5', '2020年3月5日', '20200305', '２０２０年３月５日'].map(parseDateText),
    ).toEqual(Array(6).fill('2020-03-05'));
    expect(parseDateText('2021-02-29')).toBeNull();
    expect(parseDateText('三月五日')).toBeNull();
    // 43895 days after 1899-12-30 is 2020-03-05.
    expect(excelSerialToDate(43895)).toBe('2020-03-05');
    expect(excelSerialToDate(120)).toBeNull();
  });
});
