/**
 * The public site's `PublicSource` over the database: only published quarters and batches, fund use from
 * accepted versions as of each publication (accepted-figures.ts), institutions and projects from the
 * office's 目录清单 (public-catalogue.ts), classes from a `NoticeClassSource`. Objections are stored with a
 * keyed hash of the sender's address and audited without what the person typed.
 */
import { createHmac } from 'node:crypto';
import type { FundPublication, InstitutionFilter, Objection, PublicInstitution } from '@lz/shared/api/disclosure';
import { objectionReference } from '@lz/shared/api/disclosure-office';
import { dateInZone } from '@lz/shared/zoned-time';
import { appendAudit } from '../../db/audit-log';
import {
  findNoticeBatchRow,
  insertObjection,
  listFundQuarterRows,
  listNoticeBatchRows,
  type NoticeBatchRow,
} from '../../db/disclosure-store';
import { writeTransaction } from '../../db/open-database';
import type { Deps } from '../../deps';
import { aggregateFundUse } from '../fund-use';
import type { PublicSource, SourceBatch } from '../public-source';
import { acceptedRows, monthsOfQuarter } from './accepted-figures';
import type { NoticeClassSource } from './notice-classes';
import { publicInstitutions, publicProjects } from './public-catalogue';

export interface DbSourceOptions {
  classes: NoticeClassSource;
  /** Key of the address hash kept with an objection (derived from the disclosure secret). */
  addressKey: Buffer;
}

const matches = (i: PublicInstitution, f: InstitutionFilter) =>
  (!f.q || i.name.includes(f.q) || i.creditCode.includes(f.q.toUpperCase())) &&
  (!f.county || i.county.code === f.county) &&
  (!f.occupation || i.occupations.includes(f.occupation)) &&
  (!f.type || i.type === f.type) &&
  (!f.status || i.status === f.status);

const isPublished = (b: NoticeBatchRow) => b.published_at !== null && b.withdrawn_at === null;

/** The published, not withdrawn fund-use quarters with the instant each was published. */
export async function liveFundQuarters(deps: Deps) {
  return (await listFundQuarterRows(deps.db)).filter((q) => q.withdrawn_at === null);
}

/** Fund use as published: each live quarter's accepted figures as of its own publication. */
export async function publishedFundUse(deps: Deps) {
  const zone = deps.catalogue.campaign.timeZone;
  const live = await liveFundQuarters(deps);
  const rows = [];
  for (const q of live)
    rows.push(...(await acceptedRows(deps, monthsOfQuarter(q.quarter), Date.parse(q.published_at))));
  const publications: FundPublication[] = live.map((q) => ({
    quarter: q.quarter,
    publishedAt: dateInZone(new Date(q.published_at), zone),
  }));
  return aggregateFundUse({
    rows,
    publications,
    counties: deps.catalogue.units.map((u) => ({ code: u.code, name: u.name })),
    departments: deps.catalogue.departments.filter((d) => d.owesReports).map((d) => ({ code: d.code, name: d.name })),
  });
}

export function createDbSource(deps: Deps, options: DbSourceOptions): PublicSource {
  const zone = deps.catalogue.campaign.timeZone;
  const departmentName = (code: string) => deps.catalogue.departments.find((d) => d.code === code)?.name ?? code;

  async function toBatch(row: NoticeBatchRow): Promise<SourceBatch> {
    const classes = await options.classes.classes(JSON.parse(row.class_ids) as string[]);
    const cents = classes.reduce((sum, k) => sum + Math.round(k.amount * 100), 0);
    return {
      id: String(row.id),
      title: row.title,
      department: departmentName(row.department),
      publishedAt: dateInZone(new Date(row.published_at ?? row.created_at), zone),
      noticeDays: row.notice_days,
      classCount: classes.length,
      amount: cents / 100,
      classes,
    };
  }

  async function publishedBatch(id: string) {
    if (!/^\d{1,12}$/.test(id)) return null;
    const row = await findNoticeBatchRow(deps.db, Number(id));
    return row && isPublished(row) ? row : null;
  }

  return {
    async institutions(filter) {
      const list = await publicInstitutions(deps);
      const counties = deps.catalogue.units.map((u) => ({ code: u.code, name: u.name }));
      const occupations = [...new Set(list.items.flatMap((i) => i.occupations))].sort((a, b) =>
        a.localeCompare(b, 'zh'),
      );
      return {
        publishedAt: list.publishedAt,
        counties,
        occupations,
        items: list.items.filter((i) => matches(i, filter)).map(({ approved: _a, years: _y, ...summary }) => summary),
      };
    },
    async institution(id) {
      const list = await publicInstitutions(deps, [id]);
      const found = list.items.find((i) => i.id === id);
      return found ? { publishedAt: list.publishedAt, institution: found } : null;
    },
    async projects() {
      return {
        publishedAt: (await publicInstitutions(deps)).publishedAt,
        items: await publicProjects(deps.db),
      };
    },
    fundUse: () => publishedFundUse(deps),
    async noticeBatches() {
      const rows = (await listNoticeBatchRows(deps.db)).filter(isPublished);
      rows.sort((a, b) => (b.published_at ?? '').localeCompare(a.published_at ?? ''));
      const items = await Promise.all(rows.map(async (r) => (({ classes: _c, ...s }) => s)(await toBatch(r))));
      return { publishedAt: items[0]?.publishedAt ?? null, items };
    },
    async noticeBatch(id) {
      const row = await publishedBatch(id);
      return row ? toBatch(row) : null;
    },
    async fileObjection(objection: Objection, receivedAt: Date, address: string) {
      const addressHash = createHmac('sha256', options.addressKey).update(address).digest('hex');
      const id = await writeTransaction(deps.db, async (trx) => {
        const stored = await insertObjection(trx, {
          batchId: Number(objection.batchId),
          classId: objection.classId ?? null,
          name: objection.name,
          contact: objection.contact,
          text: objection.text,
          at: receivedAt.toISOString(),
          addressHash,
        });
        // What the person wrote stays in the queue; the log records only that an objection arrived.
        await appendAudit(trx, receivedAt, {
          actor: null,
          action: 'disclosure.objection.file',
          target: `objection/${stored}`,
          before: null,
          after: { batchId: objection.batchId, classId: objection.classId ?? null },
          ip: null,
        });
        return stored;
      });
      return { reference: objectionReference(id) };
    },
  };
}
