/**
 * The flags queue: inspectors and the office read the signs of fake training and adjudicate each; a
 * confirmed flag opens a 督查 finding against the class's county (naming the department), so it is followed
 * to closure like any other finding.
 */
import { canAdjudicateFlags } from '@lz/shared/access-policy';
import type { StoredFlag } from '@lz/shared/api/rosters';
import type { SessionUser } from '@lz/shared/api/session';
import { dateInZone } from '@lz/shared/zoned-time';
import { appendAudit } from '../../db/audit-log';
import { findFlagRow, listFlagRows, resolveFlagRow, type FlagFilter } from '../../db/flag-store';
import { writeTransaction } from '../../db/open-database';
import type { Deps } from '../../deps';
import { conflict, forbidden, notFound } from '../../errors';
import { createFinding } from '../findings';
import { toStoredFlag } from './read-rosters';

const KIND_NAMES: Record<StoredFlag['kind'], string> = {
  overlap: '同一人培训时间重叠',
  'retirement-age': '超过法定退休年龄',
  'shared-phone': '多人共用联系电话',
  'not-approved': '超出机构核准范围',
  'subsidy-above-standard': '补贴高于目录标准',
  'hours-below-minimum': '课时不足',
};

/** Days an inspector gives the county to rectify a confirmed flag. */
const RECTIFY_DAYS = 30;

export async function listFlags(deps: Deps, viewer: SessionUser, q: FlagFilter): Promise<StoredFlag[]> {
  if (!canAdjudicateFlags(viewer)) throw forbidden('只有督查员和统计管理员可以查看疑点');
  return (await listFlagRows(deps.db, q)).map(toStoredFlag);
}

export async function resolveFlag(
  deps: Deps,
  viewer: SessionUser,
  id: number,
  r: { decision: 'confirm' | 'dismiss'; note: string },
  ip: string | null,
): Promise<StoredFlag> {
  if (!canAdjudicateFlags(viewer)) throw forbidden('只有督查员和统计管理员可以认定疑点');
  await writeTransaction(deps.db, async (trx) => {
    const flag = await findFlagRow(trx, id);
    if (!flag) throw notFound('疑点不存在');
    if (flag.status !== 'open') throw conflict('该疑点已认定');
    const now = deps.clock.now();
    let findingId: number | null = null;
    if (r.decision === 'confirm') {
      const kindName = KIND_NAMES[flag.kind as StoredFlag['kind']] ?? flag.kind;
      const department = deps.catalogue.departments.find((d) => d.code === flag.department)?.name ?? flag.department;
      const finding = await createFinding(
        { ...deps, db: trx },
        {
          subjectKind: 'county',
          subject: flag.county,
          inspection: 'quarterly',
          period: `${flag.month.slice(0, 4)}-Q${Math.ceil(Number(flag.month.slice(5, 7)) / 3)}`,
          finding: `实名制疑点（${kindName}，${department}花名册 ${flag.roster_id}）：${flag.message}`.slice(0, 2000),
          rectification: r.note,
          dueDate: dateInZone(new Date(now.getTime() + RECTIFY_DAYS * 86_400_000), deps.catalogue.campaign.timeZone),
        },
        viewer,
        ip,
      );
      findingId = finding.id;
    }
    const status = r.decision === 'confirm' ? 'confirmed' : 'dismissed';
    await resolveFlagRow(trx, id, { status, note: r.note, by: viewer.username, at: now.toISOString(), findingId });
    await appendAudit(trx, now, {
      actor: viewer.username,
      action: 'flag.resolve',
      target: `flag/${id}`,
      before: { status: 'open' },
      after: { status, note: r.note, findingId },
      ip,
    });
  });
  return toStoredFlag((await findFlagRow(deps.db, id)) as NonNullable<Awaited<ReturnType<typeof findFlagRow>>>);
}
