import { describe, expect, it } from 'vitest';
import { formIndicators, parseCatalogue } from '../src/catalogue';
import { realCatalogue } from './load-catalogue';

describe('campaign reference data', () => {
  const c = realCatalogue();

  it('has the window, 12 county-level units, 25 departments of which 21 owe reports', () => {
    expect([c.campaign.start, c.campaign.end]).toEqual(['2019-08', '2021-12']);
    expect(c.units.map((u) => u.name)).toEqual([
      '城中区',
      '鱼峰区',
      '柳南区',
      '柳北区',
      '柳江区',
      '柳城县',
      '鹿寨县',
      '融安县',
      '融水苗族自治县',
      '三江侗族自治县',
      '柳东新区',
      '北部生态新区(阳和工业新区)',
    ]);
    expect(c.departments).toHaveLength(25);
    expect(c.departments.filter((d) => d.owesReports)).toHaveLength(21);
    expect(c.units.find((u) => u.code === '450206')?.aliases).toContain('450221');
  });

  it('has the plan targets with their values', () => {
    const v = Object.fromEntries(c.targets.map((t) => [t.code, t.value]));
    expect(v).toEqual({
      T: 190000,
      E: 130000,
      K: 60000,
      E5: 5000,
      X1: 20000,
      C4: 20,
      C5: 10,
      C3: 10,
      C6: 2,
      R1: 0.28,
      R2: 0.26,
    });
  });

  it('stock columns S1–S3 are on the lead department form only', () => {
    expect(formIndicators(c, 'RSJ').map((i) => i.code)).toContain('S1');
    expect(formIndicators(c, 'GXJ').map((i) => i.code)).not.toContain('S1');
    expect(formIndicators(c, 'GXJ')).toHaveLength(29);
  });

  it('refuses reference data whose rule names an unknown indicator', () => {
    const bad = structuredClone(c);
    const files = {
      campaign: bad.campaign,
      units: bad.units,
      departments: bad.departments,
      indicators: {
        groups: bad.groups,
        indicators: bad.indicators.map((i) =>
          i.code === 'T' ? { ...i, hardRules: [{ type: 'sum', of: ['E', 'Q'] }] } : i,
        ),
        softRules: bad.softRules,
      },
      targets: bad.targets,
    };
    expect(() => parseCatalogue(files)).toThrow(/unknown indicator Q/);
  });
});
