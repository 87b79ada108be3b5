/**
 * The site's reads over a `PublicSource`: each answer completed (a batch's 公示期 judged now) and parsed
 * with the shared schemas, so nothing the contract refuses (an unmasked person, a missing date) is rendered.
 */
import {
  institutionFilterSchema,
  institutionListSchema,
  institutionPageSchema,
  type NoticeBatch,
  fundUseSchema,
  noticeBatchSchema,
  noticeListSchema,
  projectListSchema,
} from '@lz/shared/api/disclosure';
import { noticePeriod, type WorkCalendar } from './notice-period';
import type { PublicSource, SourceBatch, SourceBatchSummary } from './public-source';

/** Empty form fields mean "no filter". */
const withoutEmpty = (query: Record<string, string>) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v.trim() !== ''));

export function publicReads(
  source: PublicSource,
  clock: { now: () => Date; calendar: WorkCalendar; timeZone: string },
) {
  const withPeriod = <T extends SourceBatchSummary | SourceBatch>(b: T) => {
    const { noticeDays, ...rest } = b;
    return { ...rest, ...noticePeriod(b.publishedAt, noticeDays, clock.now(), clock.calendar, clock.timeZone) };
  };
  return {
    notices: async () => {
      const list = await source.noticeBatches();
      return noticeListSchema.parse({ ...list, items: list.items.map(withPeriod) });
    },
    batch: async (id: string): Promise<NoticeBatch | null> => {
      const found = await source.noticeBatch(id);
      return found && noticeBatchSchema.parse(withPeriod(found));
    },
    fundUse: async () => fundUseSchema.parse(await source.fundUse()),
    /** Null when the query is not a valid filter. */
    institutions: async (query: Record<string, string>) => {
      const filter = institutionFilterSchema.safeParse(withoutEmpty(query));
      if (!filter.success) return null;
      return { filter: filter.data, list: institutionListSchema.parse(await source.institutions(filter.data)) };
    },
    institution: async (id: string) => {
      const found = await source.institution(id);
      return found && institutionPageSchema.parse(found);
    },
    projects: async () => projectListSchema.parse(await source.projects()),
  };
}
