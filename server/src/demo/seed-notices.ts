/**
 * DEMO=1, 补贴公示 (#16): the office announces three batches of the demo's real rosters through its own
 * service (the candidates it would see, a batch created then published under the clock of that day). The
 * last is published two days before the demo's default day (2021-11-05), so its 公示期 is still open and a
 * visitor can file an objection; batches dated after the demo clock have not happened yet.
 */
import type { SessionUser } from '@lz/shared/api/session';
import { fixedClock, type Deps } from '../deps';
import { createNoticeBatch, noticeCandidates, setNoticeBatchState } from '../services/disclosure-office';
import { ROSTER_DEPARTMENTS } from './seed-rosters';

/** When each batch goes out and the 结业日期 of the classes it announces (filed three days after they end). */
export const DEMO_NOTICES = [
  { title: '2021年第1批职业技能培训补贴公示', at: '2021-09-15T10:00:00+08:00', from: '2021-08-01', to: '2021-08-31' },
  { title: '2021年第2批职业技能培训补贴公示', at: '2021-10-20T10:00:00+08:00', from: '2021-09-01', to: '2021-09-30' },
  { title: '2021年第3批职业技能培训补贴公示', at: '2021-11-03T10:00:00+08:00', from: '2021-10-01', to: '2021-10-25' },
] as const;

/** Classes per batch: enough for a real notice, few enough for a light page. */
const CLASSES_PER_BATCH = 12;

export async function seedNotices(deps: Deps, admin: SessionUser, until: number): Promise<number> {
  let published = 0;
  for (const notice of DEMO_NOTICES) {
    if (Date.parse(notice.at) > until) continue;
    const then = { ...deps, clock: fixedClock(notice.at) };
    for (const department of ROSTER_DEPARTMENTS) {
      const { items } = await noticeCandidates(then, { department, from: notice.from, to: notice.to }, admin);
      if (items.length === 0) continue;
      const classIds = items.slice(0, CLASSES_PER_BATCH).map((k) => k.id);
      const id = await createNoticeBatch(
        then,
        { title: notice.title, department, classIds, noticeDays: 5 },
        admin,
        null,
      );
      await setNoticeBatchState(then, id, 'publish', admin, null);
      published++;
      break;
    }
  }
  return published;
}
