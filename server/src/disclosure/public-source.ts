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
  NoticeBatchSummary,
  Objection,
  ProjectList,
} from '@lz/shared/api/disclosure';

/** The period fields the site computes itself (notice-period.ts), from the days the office set. */
type Period = 'noticeStart' | 'noticeEnd' | 'open';
export type SourceBatchSummary = Omit<NoticeBatchSummary, Period> & { noticeDays: number };
export type SourceBatch = Omit<NoticeBatch, Period> & { noticeDays: number };

export interface PublicSource {
  institutions(filter: InstitutionFilter): Promise<InstitutionList>;
  /** Null when there is no such institution in the public catalogue. */
  institution(id: string): Promise<InstitutionPage | null>;
  projects(): Promise<ProjectList>;
  /** Published quarters only, from accepted reports (see fund-use.ts for the sums). */
  fundUse(): Promise<FundUse>;
  /** Published batches only, newest first. */
  noticeBatches(): Promise<{ publishedAt: string | null; items: SourceBatchSummary[] }>;
  noticeBatch(id: string): Promise<SourceBatch | null>;
  /** Stores the objection in the office's queue (audited there) and returns its reference number. */
  fileObjection(objection: Objection, receivedAt: Date): Promise<{ reference: string }>;
}
