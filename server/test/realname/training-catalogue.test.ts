import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCampaignDir, loadCatalogue } from '../../src/catalogue';
import { buildTrainingCatalogue, loadTrainingCatalogue } from '../../src/realname/training-catalogue';

const { units } = loadCatalogue();
const read = (name: string) => JSON.parse(readFileSync(join(defaultCampaignDir, `${name}.json`), 'utf8'));

describe('the campaign real-name catalogue', () => {
  const catalogue = loadTrainingCatalogue(units);

  it('holds the sample occupations, the plan rule values and one suspended institution', () => {
    const occupations = new Set(catalogue.projects.map((p) => p.occupation));
    for (const o of [
      '电工',
      '焊工',
      '汽车维修工',
      '养老护理员',
      '育婴员',
      '保育员',
      '家政服务员',
      '中式烹调师',
      '电子商务师',
    ]) {
      expect(occupations.has(o), o).toBe(true);
    }
    expect(occupations.has('创业培训(SYB)')).toBe(true);
    expect(catalogue.rules).toMatchObject({
      subsidiesPerPersonPerYear: 3,
      countingDate: 'endDate',
      higherLevelBlocksLower: true,
      retirementAge: { male: 60, female: 55 },
    });
    expect(catalogue.rules.minimumHours.L5).toBe(80);
    expect(catalogue.institutions.length).toBeGreaterThanOrEqual(15);
    expect(catalogue.institutions.filter((i) => i.status === '暂停')).toHaveLength(1);
    expect(catalogue.findProject('电工', 'L4')).toMatchObject({ code: '6-31-01-03', subsidy: 1700 });
  });

  it('matches occupations loosely and institutions by name or credit code', () => {
    expect(catalogue.matchOccupation('电工（工种）')).toBe('电工');
    expect(catalogue.matchOccupation(' 汽车维修工 ')).toBe('汽车维修工');
    expect(catalogue.matchOccupation('创业培训（SYB）')).toBe('创业培训(SYB)');
    expect(catalogue.matchOccupation('创业培训SYB')).toBe('创业培训(SYB)');
    expect(catalogue.matchOccupation('创业培训')).toBe('创业培训(SYB)');
    expect(catalogue.matchOccupation('电焊工')).toBeNull();
    const first = catalogue.institutions[0]!;
    expect(catalogue.findInstitution(first.creditCode.toLowerCase())).toBe(first);
    expect(catalogue.findInstitution(` ${first.name} `)).toBe(first);
    expect(catalogue.findInstitution('不存在的学校')).toBeNull();
  });

  it('refuses a broken catalogue naming every problem', () => {
    const institutions = read('training-institutions');
    institutions.institutions[0].creditCode = '91450200198230544';
    institutions.institutions[1].county = '450299';
    institutions.institutions[2].approved.push({ occupation: '飞行员', level: '四级' });
    const rules = { ...read('realname-rules'), minimumHours: { 八级: 3 } };
    const build = () => buildTrainingCatalogue(units, { institutions, projects: read('training-projects'), rules });
    expect(build).toThrow(/18 位[\s\S]*八级/u);
    institutions.institutions[0].creditCode = read('training-institutions').institutions[0].creditCode;
    const build2 = () =>
      buildTrainingCatalogue(units, {
        institutions,
        projects: read('training-projects'),
        rules: read('realname-rules'),
      });
    expect(build2).toThrow(/450299[\s\S]*飞行员/u);
  });
});
