/**
 * The demo's 补贴公示 (#16): on the demo's day the office has published three batches of real rosters through
 * its own service, the last still inside its 公示期 so a visitor can object to it, the earlier ones closed;
 * a batch dated after the demo clock has not happened. Only the rosters the batches need are filed here
 * (the whole demo seed takes minutes; demo.test.ts runs it).
 */
import { challengeSchema, noticeBatchSchema, noticeListSchema } from '@lz/shared/api/disclosure';
import { rosterCreatedSchema } from '@lz/shared/api/rosters';
import { describe, expect, it } from 'vitest';
import { findUserByName } from '../../src/db/user-store';
import { DEFAULT_DEMO_DATE } from '../../src/demo/demo-clock';
import { seedNotices } from '../../src/demo/seed-notices';
import { workBits } from '../../src/disclosure/objections/challenge';
import { toSessionUser } from '../../src/services/auth/users';
import { idOf, roster, trainee } from '../realname/roster-fixtures';
import { makeTestApp } from '../test-app';

type T = Awaited<ReturnType<typeof makeTestApp>>;

/** One 市人社局 class ending in each month the batches announce, plus one ending after the third's window. */
const CLASSES = [
  { startDate: '2021-08-02', endDate: '2021-08-27', person: idOf('19900307', '123') },
  { startDate: '2021-09-01', endDate: '2021-09-28', person: idOf('19910412', '135') },
  { startDate: '2021-10-08', endDate: '2021-10-22', person: idOf('19920512', '245') },
  { startDate: '2021-10-11', endDate: '2021-10-29', person: idOf('19880101', '211') },
];

async function fileClasses(t: T, count = CLASSES.length) {
  const rsj = await t.login('rsj');
  const ids: string[] = [];
  for (const [i, { person, ...dates }] of CLASSES.slice(0, count).entries()) {
    const who = trainee({ name: `韦小${'强军明红'[i]}`, idNumber: person, phone: `1381234560${i}` });
    const res = await rsj.post('/api/rosters', roster(dates, [who]));
    expect(res.status, await res.clone().text()).toBe(201);
    ids.push(rosterCreatedSchema.parse(await res.json()).id);
  }
  return ids;
}

async function objectTo(t: T, batchId: string) {
  const ch = challengeSchema.parse(
    await (await t.anonymous.get(`/api/public/objections/challenge?batchId=${batchId}`)).json(),
  );
  let pow = 0;
  while (workBits(ch.nonce, String(pow)) < ch.bits) pow++;
  return t.anonymous.post('/api/public/objections', {
    batchId,
    name: '王晓明',
    contact: '13907720000',
    text: '该班实际开班人数与公示不符，请核查。',
    token: ch.token,
    pow: String(pow),
  });
}

describe('demo notices', () => {
  it('three batches of real rosters, the last open for objections on the demo day', async () => {
    const t = await makeTestApp(DEFAULT_DEMO_DATE);
    const ids = await fileClasses(t);
    const row = await findUserByName(t.deps.db, 'admin');
    if (!row) throw new Error('no admin');
    expect(await seedNotices(t.deps, toSessionUser(row), t.clock.now().getTime())).toBe(3);

    const list = noticeListSchema.parse(await (await t.anonymous.get('/api/public/notices')).json());
    expect(list.items.map((b) => [b.title, b.publishedAt, b.noticeEnd, b.open, b.classCount])).toEqual([
      ['2021年第3批职业技能培训补贴公示', '2021-11-03', '2021-11-09', true, 1],
      ['2021年第2批职业技能培训补贴公示', '2021-10-20', '2021-10-26', false, 1],
      ['2021年第1批职业技能培训补贴公示', '2021-09-15', '2021-09-22', false, 1],
    ]);
    const [third, second, first] = list.items;
    const classesOf = async (id = '') =>
      noticeBatchSchema.parse(await (await t.anonymous.get(`/api/public/notices/${id}`)).json()).classes;
    // The class that ended on 10-29 is after the third batch's window (classes filed by its day): not in it.
    expect((await classesOf(third?.id)).map((k) => k.id)).toEqual([ids[2]]);
    expect((await classesOf(second?.id)).map((k) => k.id)).toEqual([ids[1]]);
    expect((await classesOf(first?.id))[0]).toMatchObject({ id: ids[0], traineeCount: 1, amount: 1850 });

    expect((await objectTo(t, third?.id ?? '')).status).toBe(201);
    // A closed batch gives no challenge: nothing can be filed against it.
    expect((await t.anonymous.get(`/api/public/objections/challenge?batchId=${first?.id}`)).status).toBe(409);
  });

  it('a batch dated after the demo clock has not happened yet', async () => {
    const t = await makeTestApp('2021-10-25T09:00:00+08:00');
    await fileClasses(t, 2);
    const row = await findUserByName(t.deps.db, 'admin');
    if (!row) throw new Error('no admin');
    expect(await seedNotices(t.deps, toSessionUser(row), t.clock.now().getTime())).toBe(2);
  });
});
