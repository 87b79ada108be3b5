/**
 * What the public site reads, as one async interface: the wiring implements it over the database, the
 * tests over a fake. Every answer is already the public view (published only, people masked); the site
 * still parses each one with the shared schemas before it renders or sends it.
 */
import type {
  FundUse,
  InstitutionFilter,
  InstitutionList,
  InstitutionPage,
  NoticeBatch,
  NoticeList,
  Objection,
  ProjectList,
} from '@lz/shared/api/disclosure';

export interface PublicSource {
  institutions(filter: InstitutionFilter): Promise<InstitutionList>;
  /** Null when there is no such institution in the public catalogue. */
  institution(id: string): Promise<InstitutionPage | null>;
  projects(): Promise<ProjectList>;
  /** Published quarters only, from accepted reports (see fund-use.ts for the sums). */
  fundUse(): Promise<FundUse>;
  /** Published batches only; `open` judged at `now`. */
  noticeBatches(now: Date): Promise<NoticeList>;
  noticeBatch(id: string, now: Date): Promise<NoticeBatch | null>;
  /** Stores the objection in the office's queue (audited there) and returns its reference number. */
  fileObjection(objection: Objection, receivedAt: Date): Promise<{ reference: string }>;
}
