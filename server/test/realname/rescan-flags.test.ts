/**
 * The flag rescan on the engine under test: over stored rosters it raises exactly the flags filing raised
 * (same classes, kinds, messages and evidence), adds nothing already stored, raises what a changed catalogue
 * now makes a sign, and decrypts an ID number only when the birth month cannot decide the retirement rule.
 */
import { describe, expect, it } from 'vitest';
import { storedFlagSchema, type RosterInput } from '@lz/shared/api/rosters';
import { rescanFlags } from '../../src/services/realname/rescan-flags';
import { makeTestApp } from '../test-app';
import { idOf, roster, trainee } from './roster-fixtures';

type T = Awaited<ReturnType<typeof makeTestApp>>;

async function file(t: T, input: RosterInput, department: string) {
  const admin = await t.login('admin');
  const res = await admin.post('/api/rosters', { ...input, class: { ...input.class, department } });
  expect(res.status).toBe(201);
}

async function storedFlags(t: T) {
  const inspector = await t.login('inspector');
  return storedFlagSchema.array().parse(await (await inspector.get('/api/flags')).json());
}

const person = trainee({ trainingSubsidy: 1000 });
const phone = '13900001111';

/** Rosters whose filing raised one flag of each kind but approval: overlap, retiree, phone, hours, subsidy. */
async function fileFlagged(t: T) {
  await file(t, roster({}, [person]), 'RSJ');
  const welding = {
    occupation: '焊工',
    level: '五级/初级工',
    startDate: '2020-03-20',
    endDate: '2020-04-10',
    hours: 60,
  };
  await file(
    t,
    roster(welding, [
      person,
      trainee({ name: '黄大伯', idNumber: idOf('19550101', '135'), phone, trainingSubsidy: 1000 }),
      trainee({ name: '黄二伯', idNumber: idOf('19700101', '155'), phone, trainingSubsidy: 1000 }),
      trainee({ name: '黄三伯', idNumber: idOf('19720101', '175'), phone, trainingSubsidy: 1000 }),
    ]),
    'GXJ',
  );
  // 中式烹调师 五级 starts 2020-05-06: one man turned 60 on 05-02 (a retiree), one turns 60 on 05-10 (not yet);
  // both born in the start's month, so only their numbers are decrypted. One subsidy above the 1,200 standard.
  const cooking = {
    institution: '柳州市柳南区味道烹饪职业培训学校',
    county: '柳南区',
    occupation: '中式烹调师',
    level: '五级/初级工',
    startDate: '2020-05-06',
    endDate: '2020-05-29',
  };
  await file(
    t,
    roster(cooking, [
      trainee({ name: '覃老六', idNumber: idOf('19600502', '211'), phone: '13900002221', trainingSubsidy: 1200 }),
      trainee({ name: '覃老七', idNumber: idOf('19600510', '231'), phone: '13900002222', trainingSubsidy: 1200 }),
      trainee({ name: '覃小八', idNumber: idOf('19950101', '251'), phone: '13900002223', trainingSubsidy: 1500 }),
    ]),
    'RSJ',
  );
  // A fourth line with the shared phone in another class of April: that class is flagged too (4 in the month).
  await file(
    t,
    roster(
      {
        ...welding,
        startDate: '2020-04-13',
        endDate: '2020-04-24',
        hours: 90,
        occupation: '电工',
        level: '五级/初级工',
      },
      [trainee({ name: '黄四伯', idNumber: idOf('19740101', '195'), phone, trainingSubsidy: 1000 })],
    ),
    'RSJ',
  );
}

const view = (f: { rosterId: string; kind: string; message: string; evidence: unknown }) => ({
  rosterId: f.rosterId,
  kind: f.kind,
  message: f.message,
  evidence: f.evidence,
});

describe('pnpm flags:rescan', () => {
  it('raises over stored lines exactly the flags filing raised, and adds none twice', async () => {
    const t = await makeTestApp();
    await fileFlagged(t);
    const filed = await storedFlags(t);
    expect(filed.map((f) => f.kind).sort()).toEqual(
      [
        'hours-below-minimum',
        'overlap',
        'retirement-age',
        'retirement-age',
        'shared-phone',
        'shared-phone',
        'subsidy-above-standard',
      ].sort(),
    );
    const result = await rescanFlags(t.deps, 'admin');
    expect(result.added).toBe(0);
    expect(result.found).toEqual({
      'hours-below-minimum': 1,
      overlap: 1,
      'retirement-age': 2,
      'shared-phone': 2,
      'subsidy-above-standard': 1,
    });
    expect(result.decrypted).toBe(2);
    expect((await storedFlags(t)).map(view)).toEqual(filed.map(view));
    // The rescan itself is audited, and running it again changes nothing.
    expect((await rescanFlags(t.deps, 'admin')).added).toBe(0);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'flags.rescan')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('raises what a lowered subsidy standard and a withdrawn approval now make signs, once', async () => {
    const t = await makeTestApp();
    await fileFlagged(t);
    const before = await storedFlags(t);
    await t.deps.db.updateTable('training_projects').set({ subsidy: 900 }).where('occupation', '=', '焊工').execute();
    const weldingOnly = JSON.stringify([{ occupation: '焊工', level: '五级/初级工' }]);
    await t.deps.db
      .updateTable('training_institutions')
      .set({ approved: weldingOnly })
      .where('name', '=', '柳州市第二职业技术学校')
      .execute();
    const result = await rescanFlags(t.deps, 'admin');
    expect(result.added).toBe(3);
    const added = (await storedFlags(t)).filter((f) => !before.some((b) => b.id === f.id));
    expect(added.map((f) => [f.rosterId, f.kind])).toEqual([
      ['1', 'not-approved'],
      ['2', 'subsidy-above-standard'],
      ['4', 'not-approved'],
    ]);
    expect(added[1]).toMatchObject({
      department: 'GXJ',
      month: '2020-04',
      status: 'open',
      evidence: { figures: { standard: 900, highest: 1000, trainees: 4 } },
    });
    expect((await rescanFlags(t.deps, 'admin')).added).toBe(0);
  });
});
